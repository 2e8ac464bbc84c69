"""BENCH=search: search on a generated municipality (generate_municipality), on PostgreSQL.

One gunicorn with the page cache off (PAGE_CACHE_SECONDS=0): a cached answer to the same query
says nothing about the search. As many clients as workers (BENCH_SEARCH_CLIENTS, default 2), so
the latency is the search's own, not time spent waiting for a busy worker.
"""

from urllib.parse import urlencode

from .load import LoadGenerator, Target
from .site import WORKERS, log, servers
from .stats import Series

# Common words of the generated texts, a stem, two words, a rare word and a word in none.
QUERIES = ["belysning", "busshållplats", "cykel", "skolan snöröjning", "brygga", "zebrafink"]


def run(environment, *, clients=WORKERS, rounds=3, seconds=3.0, warmup=1.0):
    extra = {"PAGE_CACHE_SECONDS": "0"}
    log(f"Timing {len(QUERIES)} searches with {clients} clients…")
    with servers(environment, [("site", "portal.wsgi", extra)]) as started:
        port = started["site"].port
        targets = {q: Target(port, "/sok/?" + urlencode({"q": q})) for q in QUERIES}
        results = {query: [] for query in QUERIES}
        with LoadGenerator(clients) as generator:
            for target in targets.values():
                generator.measure(target, warmup)
            for number in range(rounds):
                order = QUERIES if number % 2 == 0 else list(reversed(QUERIES))
                for query in order:
                    results[query].append(generator.measure(targets[query], seconds))
    print(table({q: Series.of(r) for q, r in results.items()}, clients), flush=True)


def table(results, clients):
    everything = Series.of([(s.latencies, 1, s.errors, 0) for s in results.values()])
    lines = [f"{'search /sok/?q=':<20} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'errors':>6}"]
    for query, series in {**results, "all queries": everything}.items():
        rps = f"{series.rps:>8.1f}" if query in results else f"{'':>8}"
        lines.append(
            f"{query:<20} {rps} {series.ms(50):>8.1f} {series.ms(95):>8.1f} {series.errors:>6}"
        )
    lines.append(
        f"{clients} clients (one per gunicorn worker), page cache off, PostgreSQL; each query "
        "finds public proposals and pages."
    )
    return "\n".join(lines)
