"""`make bench` (BENCH=pages): every page type, cached and uncached, beside the minimal view.

Three site servers and one minimal in the same run, with the same gunicorn options:
- cached: the page cache on (PAGE_CACHE_SECONDS=600), warmed, so nearly every request is a hit;
- uncached: a second gunicorn with PAGE_CACHE_SECONDS=0, which renders every request as the
  site did before the page cache. A second server rather than a bypass: the only bypasses are
  a session or messages cookie, which would add a session lookup no anonymous reader costs;
- minimal: benchmarks.minimal, Django with one view and no middleware, and its plain-WSGI
  `/raw/`, the load generator's ceiling.
Each round measures every (server, page) pair once, in the opposite order to the round before,
so a slow start or a warming machine falls on different pairs.
"""

from .load import Target
from .stats import Series

MINIMAL = "minimal Django view"
CEILING = "plain WSGI (ceiling)"

SERVERS = [
    ("cached", "portal.wsgi", {"PAGE_CACHE_SECONDS": "600"}),
    ("uncached", "portal.wsgi", {"PAGE_CACHE_SECONDS": "0"}),
    ("minimal", "benchmarks.minimal", {}),
]


def targets(servers, paths):
    """(row label, mode, Target) of every measurement."""
    pairs = [(MINIMAL, "", Target(servers["minimal"].port, "/"))]
    pairs.append((CEILING, "", Target(servers["minimal"].port, "/raw/")))
    for name, path in paths.items():
        if name == "form":
            continue
        for mode in ("cached", "uncached"):
            pairs.append((name, mode, Target(servers[mode].port, path)))
    return pairs


def measure(generator, pairs, *, rounds, seconds, warmup, progress):
    """{(label, mode): Series} over `rounds` rounds in alternating order, after a warm-up."""
    for _, _, target in pairs:
        generator.measure(target, warmup)
    results = {key[:2]: [] for key in pairs}
    for number in range(rounds):
        order = pairs if number % 2 == 0 else list(reversed(pairs))
        progress(f"  round {number + 1} of {rounds}")
        for label, mode, target in order:
            results[(label, mode)].append(generator.measure(target, seconds))
    return {key: Series.of(values) for key, values in results.items()}


def table(results, paths, *, clients, rounds, seconds, workers):
    """The printed result: one row per page type and mode, and the baseline rows."""
    minimal = results[(MINIMAL, "")]
    lines = [
        f"{'page':<20} {'mode':<9} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} "
        f"{'× minimal':>9} {'hits %':>6} {'errors':>6}"
    ]

    def row(label, mode, series):
        ratio = series.rps / minimal.rps if minimal.rps else float("nan")
        lines.append(
            f"{label:<20} {mode:<9} {series.rps:>8.1f} {series.ms(50):>8.1f} "
            f"{series.ms(99):>8.1f} {ratio:>9.3f} {series.hit_percent:>6.0f} {series.errors:>6}"
        )

    for label in (MINIMAL, CEILING):
        row(label, "", results[(label, "")])
    for name in paths:
        for mode in ("cached", "uncached"):
            if (name, mode) in results:
                row(name, mode, results[(name, mode)])
    lines += [
        "",
        f"{clients} concurrent clients, {rounds} rounds of {seconds:g} s per row in alternating "
        "order after a warm-up;",
        f"gunicorn with {workers} sync workers per server, production settings. req/s: the "
        "median round;",
        "p50/p99: latency over all rounds, waiting for a worker included. × minimal: req/s "
        "divided by",
        "the minimal Django view's (benchmarks.minimal). hits %: answered from the page cache. "
        "plain WSGI:",
        "the same gunicorn without Django, the most these clients reach on this machine.",
    ]
    lines += [f"  {name}: {path}" for name, path in paths.items() if name != "form"]
    return "\n".join(lines)
