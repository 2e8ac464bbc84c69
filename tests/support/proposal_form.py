"""The proposal form as a resident uses it: an open dialogue, the form's steps, and the fixtures
the form's tests share (`dialogue`, `no_wait`; tests/conftest.py registers them).

A module that needs more of its dialogue extends the fixture under the same name:

    @pytest.fixture
    def dialogue(dialogue):
        make.proposal(dialogue)
        return dialogue
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from rounds.proposals import abuse
from tests.support import pages as factories
from tests.support.html import soup, text


def open_dialogue(site_tree, **fields):
    """A dialogue of the site tree's village that takes proposals today."""
    fields.setdefault("proposals_open", timezone.localdate() - timedelta(days=5))
    return factories.dialogue(
        site_tree["place"], site_tree["round"], slug=fields.pop("slug", "oppen"), **fields
    )


@pytest.fixture
def dialogue(site_tree):
    """The site tree's dialogue that takes proposals today (`open_dialogue`)."""
    return open_dialogue(site_tree)


@pytest.fixture
def no_wait(settings):
    """No minimum time to fill in the form: a test is faster than any person.

    Whole modules use it with `pytestmark = pytest.mark.usefixtures("no_wait")`; a live server
    shares these settings, so it holds for the browser tests too.
    """
    settings.PROPOSALS_MIN_FILL_SECONDS = 0


def form_url(dialogue):
    return dialogue.url + dialogue.reverse_subpage("proposal_form")


def stamp_of(client, dialogue):
    """Open the form as a resident would and return its signed start time."""
    response = client.get(form_url(dialogue))
    assert response.status_code == 200
    return soup(response).find("input", {"name": abuse.STARTED_FIELD})["value"]


def valid_data(**overrides):
    data = {
        "title": "Belysning vid busshållplatsen",
        "body": "Det är mörkt vid hållplatsen på Byvägen på vintermorgnarna.",
        "location": "Byvägen, vid affären",
        "name": "Anna Andersson",
        "email": "anna@example.org",
        "phone": "070-123 45 67",
        "display_name": "Anna",
        "show_name": "on",
        "notify_status": "on",
        "age_group": "30_49",
        "action": "review",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def post_review(client, dialogue, data=None, *, stamp=None, **extra):
    """POST the form ("Granska") with a real start time unless one is given."""
    data = dict(valid_data() if data is None else data)
    data.setdefault(abuse.STARTED_FIELD, stamp or stamp_of(client, dialogue))
    return client.post(form_url(dialogue), data, **extra)


def review_value(response):
    """The signed data the review step carries."""
    return soup(response).find("input", {"name": "review"})["value"]


def press(client, dialogue, review, action, **extra):
    """Press "Ändra" (edit) or "Skicka förslaget" (send) on the review step."""
    return client.post(form_url(dialogue), {"review": review, "action": action}, **extra)


def submit_proposal(client, dialogue, data=None, **extra):
    """The whole journey; returns the response to "send" (a redirect to the receipt)."""
    review = post_review(client, dialogue, data, **extra)
    assert review.status_code == 200, text(review)
    return press(client, dialogue, review_value(review), "send", **extra)
