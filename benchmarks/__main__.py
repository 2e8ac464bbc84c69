"""`python -m benchmarks` (`make bench`): build a throwaway site, serve it with gunicorn under
production settings and measure it over HTTP. What to measure comes from the environment:

BENCH          pages (default), submit or search; several with commas, e.g. pages,submit
BENCH_CLIENTS  concurrent clients for pages (default 8)
BENCH_ROUNDS   rounds per page and mode (default 3)
BENCH_SECONDS  seconds per measurement (default 3); BENCH_WARMUP seconds of warm-up (default 1)
DATABASE_URL   PostgreSQL to create a throwaway database beside (submit and search need it)
BENCH_RESIDENTS  residents sending proposals at once (default 20), BENCH_EACH proposals each (5)
BENCH_PROPOSALS  public proposals the search benchmark generates (default 100000)
BENCH_SEARCH_CLIENTS  concurrent searches (default 2, one per gunicorn worker)
"""

import json
import os
import subprocess
import sys

from . import pages, search, submit
from .load import LoadGenerator
from .site import ROOT, WORKERS, build, log, servers, workspace

MODES = ("pages", "submit", "search")


def number(name, default, kind=int):
    return kind(os.environ.get(name, default))


def paths_of(environment):
    output = subprocess.run(  # noqa: S603 - this interpreter, our own script
        [sys.executable, "-m", "benchmarks.urls"],
        cwd=ROOT,
        env=environment,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output)


def run_pages(environment):
    clients, rounds = number("BENCH_CLIENTS", 8), number("BENCH_ROUNDS", 3)
    seconds, warmup = number("BENCH_SECONDS", 3, float), number("BENCH_WARMUP", 1, float)
    paths = paths_of(environment)
    with servers(environment, pages.SERVERS) as started, LoadGenerator(clients) as generator:
        log(f"Timing {len(paths) - 1} page types cached and uncached with {clients} clients…")
        pairs = pages.targets(started, paths)
        results = pages.measure(
            generator, pairs, rounds=rounds, seconds=seconds, warmup=warmup, progress=log
        )
    print(
        pages.table(
            results, paths, clients=clients, rounds=rounds, seconds=seconds, workers=WORKERS
        ),
        flush=True,
    )


def main():
    modes = [mode.strip() for mode in os.environ.get("BENCH", "").split(",") if mode.strip()]
    modes = modes or ["pages"]
    unknown = set(modes) - set(MODES)
    if unknown:
        sys.exit(f"BENCH: unknown {', '.join(sorted(unknown))}; choose from {', '.join(MODES)}")
    needs_postgres = {"submit", "search"} & set(modes)
    if needs_postgres and not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit(
            f"BENCH={','.join(sorted(needs_postgres))} measures PostgreSQL: set DATABASE_URL, "
            "e.g. postgres://postgres@127.0.0.1:5432/postgres (a throwaway database is made)."
        )
    if "pages" in modes or "submit" in modes:
        with workspace() as environment:
            log("Building the demo site in a throwaway database…")
            build(environment, ["seed_demo", "-v0"])
            if "pages" in modes:
                run_pages(environment)
            if "submit" in modes:
                submit.run(
                    environment,
                    paths_of(environment),
                    residents=number("BENCH_RESIDENTS", 20),
                    each=number("BENCH_EACH", 5),
                )
    if "search" in modes:
        with workspace() as environment:
            proposals = number("BENCH_PROPOSALS", 100_000)
            log(f"Building the demo site and a municipality with {proposals} proposals…")
            build(
                environment,
                ["seed_demo", "-v0"],
                ["generate_municipality", f"--proposals={proposals}"],
            )
            search.run(
                environment,
                clients=number("BENCH_SEARCH_CLIENTS", WORKERS),
                rounds=number("BENCH_ROUNDS", 3),
                seconds=number("BENCH_SECONDS", 3, float),
                warmup=number("BENCH_WARMUP", 1, float),
            )


if __name__ == "__main__":
    main()
