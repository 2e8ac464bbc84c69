"""The benchmark's pieces work (make bench): nothing here times anything."""

import os
import time

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.search.backends import get_search_backend

from benchmarks import load
from benchmarks.site import ROOT, Server
from benchmarks.stats import Series, percentile
from benchmarks.submit import Inputs
from rounds.models import Proposal, ReferenceCounter
from rounds.models.proposals import Visibility


def test_percentiles_interpolate_between_ranks():
    values = [0.004, 0.001, 0.003, 0.002]  # unordered on purpose
    assert percentile(values, 50) == pytest.approx(0.0025)
    assert percentile(values, 0) == 0.001
    assert percentile(values, 100) == 0.004
    assert percentile(list(range(1, 101)), 99) == pytest.approx(99.01)
    with pytest.raises(ValueError):
        percentile([], 50)


def test_a_series_takes_the_median_round_and_counts_errors_and_hits():
    series = Series.of([([0.01] * 10, 2.0, 0, 10), ([0.02] * 30, 2.0, 1, 0), ([0.03] * 4, 1, 0, 4)])
    assert series.rps == 5.0  # rounds of 5, 15 and 4 requests per second
    assert series.errors == 1
    assert series.hit_percent == pytest.approx(100 * 14 / 44)
    assert series.ms(50) == pytest.approx(20.0)


@pytest.fixture(scope="module")
def minimal_server():
    """benchmarks.minimal under gunicorn, as `make bench` serves it."""
    server = Server("minimal", "benchmarks.minimal", {**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        yield server.wait()
    finally:
        server.stop()


@pytest.mark.parametrize("path", ["/", "/raw/"])
def test_the_load_generator_measures_the_minimal_view(minimal_server, path):
    """The minimal Django view and the plain-WSGI ceiling answer 200 to the load generator."""
    target = load.Target(minimal_server.port, path)
    latencies, errors, hits = load.run_client(target, 0, time.time() + 0.2)
    assert latencies
    assert errors == 0
    assert hits == 0


def test_a_server_that_refuses_counts_as_errors():
    target = load.Target(1, "/")  # nothing listens on port 1
    latencies, errors, _ = load.run_client(target, 0, time.time() + 0.05)
    assert not latencies
    assert errors > 0


def test_the_submission_benchmark_reads_the_forms_inputs():
    html = '<form><input type="hidden" name="started" value="abc"><input name="title"></form>'
    assert Inputs(html).values == {"started": "abc", "title": ""}


def test_the_generator_creates_public_searchable_proposals(site_tree):
    year = timezone.localdate().year
    ReferenceCounter.objects.create(year=year, last_number=7)  # seven proposals already
    call_command("generate_municipality", proposals=25, villages=3, verbosity=0)
    generated = Proposal.objects.filter(dialogue__slug="utvecklingsdialog")
    assert generated.count() == 25
    assert set(generated.values_list("visibility", flat=True)) == {Visibility.PUBLIC}
    assert generated.values("dialogue").distinct().count() == 3
    references = set(generated.values_list("reference", flat=True))
    assert references == {f"{year}-{number:04d}" for number in range(8, 33)}
    for proposal in generated:
        assert proposal.updates.get().status == proposal.status  # the history is the truth
    found = get_search_backend().search("belysning", Proposal.objects.public())
    assert {p.public_title for p in found} <= set(generated.values_list("public_title", flat=True))
    assert all("Belysning" in p.public_title for p in found)


def test_the_generator_does_not_reuse_references(site_tree):
    call_command("generate_municipality", proposals=3, villages=1, verbosity=0)
    call_command("generate_municipality", proposals=3, villages=1, verbosity=0)
    assert Proposal.objects.values("reference").distinct().count() == 6


def test_the_generator_needs_the_demo_site(home):
    with pytest.raises(CommandError, match="seed_demo"):
        call_command("generate_municipality", proposals=1, verbosity=0)
