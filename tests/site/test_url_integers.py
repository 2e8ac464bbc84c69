"""Every integer in an address is range-checked: out of range is a 404 on every database,
never an OverflowError (SQLite) or a database error."""

import pytest
from django.urls import reverse

HUGE = "100000000000000000000"
MAX_ID = 2**63 - 1  # the largest id PostgreSQL's bigint and SQLite can hold
CASES = [
    "/bevaka/{n}/",
    "/bevaka/{n}/skickat/",
]


@pytest.mark.parametrize("pattern", CASES)
@pytest.mark.parametrize("number", [HUGE, str(MAX_ID + 1), "9" * 400])
def test_an_out_of_range_id_is_404(client, site_tree, pattern, number):
    response = client.get(pattern.format(n=number))

    assert response.status_code == 404


@pytest.mark.parametrize("pattern", CASES)
def test_the_largest_id_is_looked_up_and_not_found(client, site_tree, pattern):
    assert client.get(pattern.format(n=MAX_ID)).status_code == 404


def test_a_real_village_id_still_works(client, site_tree):
    place = site_tree["place"]

    assert client.get(reverse("notifications:follow", args=[place.pk])).status_code == 200
    assert client.get(reverse("notifications:follow_sent", args=[place.pk])).status_code == 200


def test_a_posted_follow_to_an_out_of_range_id_is_404(client, site_tree):
    response = client.post(f"/bevaka/{HUGE}/", {"email": "anna@example.org", "updates": "all"})

    assert response.status_code == 404
