"""Time requests with Django's test client and count their database queries."""

import statistics
import time
from dataclasses import dataclass

from django.core.management import call_command
from django.db import connection
from django.db.models import Count, Q
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from places.models import PlaceIndexPage
from rounds.models import DialoguePage, Proposal, RoundPage
from rounds.models.proposals import Visibility

SEARCH_TERM = "belysning"


@dataclass
class Result:
    name: str
    url: str
    status: int | None = None
    latencies: tuple[float, ...] = ()
    queries: int | None = None
    note: str = ""


def build_demo():
    call_command("migrate", verbosity=0, interactive=False)
    call_command("seed_demo", verbosity=0)


def subpage(page, route):
    return page.get_url() + page.reverse_subpage(route)


def pages():
    """(name, url) of each page to measure; the ones with the most proposals where that matters."""
    busiest = (
        DialoguePage.objects.live()
        .annotate(shown=Count("proposals", filter=Q(proposals__visibility=Visibility.PUBLIC)))
        .order_by("-shown", "path")
        .first()
    )
    village = busiest.get_parent().specific
    proposal = (
        Proposal.objects.public()
        .annotate(steps=Count("updates"))
        .order_by("-steps", "reference")
        .first()
    )
    return [
        ("Home page", "/"),
        ("Village index", PlaceIndexPage.objects.live().first().get_url()),
        ("Village page", village.get_url()),
        ("Village proposals", subpage(village, "proposal_list")),
        ("Dialogue page", busiest.get_url()),
        ("Round page", RoundPage.objects.live().order_by("-start_date").first().get_url()),
        ("Dialogue proposals", subpage(busiest, "proposal_list")),
        ("Proposal detail", proposal.get_public_url()),
        ("Search", f"{reverse('search')}?q={SEARCH_TERM}"),
    ]


def measure(client, name, url, runs):
    """One warm-up request, then `runs` timed ones; pages that do not answer 200 are skipped."""
    result = Result(name, url)
    try:
        response = client.get(url)
    except Exception as error:  # a route another part of the project has not built yet
        result.note = f"skipped: {type(error).__name__}: {error}"[:120]
        return result
    result.status = response.status_code
    if response.status_code != 200:
        result.note = f"skipped: HTTP {response.status_code}"
        return result
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    result.queries = len(queries)
    latencies = []
    for _ in range(runs):
        start = time.perf_counter()
        client.get(url)
        latencies.append(time.perf_counter() - start)
    result.latencies = tuple(latencies)
    return result


def measure_all(runs):
    client = Client()
    return [measure(client, name, url, runs) for name, url in pages()]


def p95(values):
    return (
        statistics.quantiles(values, n=20, method="inclusive")[-1] if len(values) > 1 else values[0]
    )


def print_table(results, runs):
    print(f"{'Page':<20} {'Status':>6} {'req/s':>8} {'mean ms':>8} {'p95 ms':>8} {'queries':>8}")
    for r in results:
        if not r.latencies:
            print(f"{r.name:<20} {r.status or '-':>6} {r.note}")
            continue
        rps = 1 / statistics.median(r.latencies)
        mean, high = statistics.fmean(r.latencies) * 1000, p95(r.latencies) * 1000
        print(f"{r.name:<20} {r.status:>6} {rps:>8.1f} {mean:>8.1f} {high:>8.1f} {r.queries:>8}")
    print(f"\n{runs} timed requests per page after one warm-up; req/s is 1 / median latency.")
    print("Measured in-process with Django's test client on SQLite: compare runs, not sites.")
    for r in results:
        print(f"  {r.name}: {r.url}")
