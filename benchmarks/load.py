"""The load generator: client processes, each sending one request after another over HTTP.

Processes, not threads, so the clients are not held back by one interpreter's lock; they live in
one pool for the whole run, started before the measurements. Each client waits for a common
start moment, sends requests until a common deadline and returns its latencies; requests per
second are all the clients' completed requests divided by the window. The client's own ceiling
is what it reaches against `/raw/` of benchmarks.minimal (plain WSGI under gunicorn).
"""

import http.client
import multiprocessing
import time
from dataclasses import dataclass, field

HEADERS = {
    "Host": "127.0.0.1",
    "Accept": "text/html,*/*",
    "Accept-Encoding": "gzip",  # as every browser, so pages come compressed, as cached
    "User-Agent": "ortsdialog-bench",
}


@dataclass(frozen=True)
class Target:
    """One URL on one server: what a measurement requests."""

    port: int
    path: str
    headers: dict = field(default_factory=dict)


def run_client(target, start_at, stop_at):
    """Requests to `target` from `start_at` until `stop_at` (time.time()): the latencies of the
    completed ones in seconds, how many did not answer 200, how many came from the page cache."""
    connection = http.client.HTTPConnection("127.0.0.1", target.port, timeout=30)
    headers = {**HEADERS, **target.headers}
    latencies, errors, hits = [], 0, 0
    time.sleep(max(0.0, start_at - time.time()))
    while time.time() < stop_at:
        began = time.perf_counter()
        try:
            connection.request("GET", target.path, headers=headers)
            response = connection.getresponse()
            response.read()
        except (OSError, http.client.HTTPException):
            connection.close()
            errors += 1
            continue
        latencies.append(time.perf_counter() - began)
        if response.status != 200:
            errors += 1
        hits += response.getheader("X-Page-Cache") == "hit"
    connection.close()
    return latencies, errors, hits


def _run_client(arguments):
    return run_client(*arguments)


class LoadGenerator:
    """`clients` processes that request a target together for `seconds` at a time."""

    def __init__(self, clients):
        self.clients = clients
        self.pool = multiprocessing.get_context("spawn").Pool(clients)

    def measure(self, target, seconds):
        """(latencies, seconds, errors, hits) of all clients requesting `target` together."""
        start_at = time.time() + 0.2  # every client is waiting by then
        jobs = [(target, start_at, start_at + seconds)] * self.clients
        latencies, errors, hits = [], 0, 0
        for values, failed, cached in self.pool.map(_run_client, jobs, chunksize=1):
            latencies.extend(values)
            errors += failed
            hits += cached
        return latencies, seconds, errors, hits

    def close(self):
        self.pool.close()
        self.pool.join()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
