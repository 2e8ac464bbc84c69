"""The figures pages, their CSVs and the working group's figures cost the same number of
queries with 3 proposals as with 300."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from rounds.models import Proposal
from tests.support import admin
from tests.support import pages as factories
from tests.support import proposals as make
from tests.support.queries import count_queries

SMALL, LARGE = 3, 300


@pytest.fixture
def tree(site_tree):
    """Two dialogues in the village; proposals with many departments, some promised a date."""
    other = factories.dialogue(site_tree["place"], site_tree["round"], slug="forra", title="Förra")
    departments = [make.department(f"Förvaltning {n}") for n in range(8)]
    passed = timezone.localdate() - timedelta(days=5)

    def grow(size):
        count = size - Proposal.objects.count()
        make.bulk_public(site_tree["dialogue"], count - count // 3, (), departments, passed)
        make.bulk_public(other, count // 3, (), departments)

    return {**site_tree, "grow": grow}


def test_the_figures_use_a_constant_number_of_queries(client, tree):
    place, round_page = tree["place"], tree["round"]
    urls = {
        "municipality": "/sa-har-det-gatt/",
        "municipality csv": "/sa-har-det-gatt.csv",
        "village": place.url + "sa-har-det-gatt/",
        "village csv": place.url + "sa-har-det-gatt.csv",
        "round": round_page.url + "sa-har-det-gatt/",
        "round csv": round_page.url + "sa-har-det-gatt.csv",
    }
    tree["grow"](SMALL)
    small = {key: count_queries(client, url) for key, url in urls.items()}
    tree["grow"](LARGE)
    large = {key: count_queries(client, url) for key, url in urls.items()}
    report = {key: (len(small[key]), len(large[key])) for key in urls}
    print(f"\nfigures queries (3, 300): {report}")
    assert all(a == b for a, b in report.values()), report
    # The figures themselves are four queries: proposals, updates, attendance, answers.
    assert report["municipality csv"][0] <= 7


def test_the_working_groups_figures_use_a_constant_number_of_queries(client, tree):
    admin.login(client, admin.CASE_OFFICERS)
    url = reverse("figures_admin")
    tree["grow"](SMALL)
    small = count_queries(client, url)
    tree["grow"](LARGE)
    large = count_queries(client, url)
    print(f"\nadmin figures queries (3, 300): {len(small)}, {len(large)}")
    assert len(small) == len(large)
