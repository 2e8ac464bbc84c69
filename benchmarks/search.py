"""BENCH=submit: to be written."""


def run(environment, paths):
    raise NotImplementedError
