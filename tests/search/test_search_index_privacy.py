"""Only public text is in the search index, and moderation changes it at once.

The index is updated by a task when a proposal is saved; a worker stuck behind a silent mail
server once left a surname the moderator had redacted findable for as long as it hung. Here the
task queue never runs (the dummy backend keeps tasks and runs none), so everything these tests
find in the index was put there by moderation itself, in the moderator's request.
"""

import pytest

from rounds.models.proposals import Visibility
from rounds.proposals import services
from tests.support import proposals as make
from tests.support.search import indexed_texts, proposal_results, search

pytestmark = pytest.mark.usefixtures("stuck_queue")


@pytest.fixture
def stuck_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def pending(dialogue, **fields):
    return make.proposal(dialogue, visibility=Visibility.PENDING, **fields)


def test_a_redacted_surname_is_not_found_once_published_and_the_public_text_is(client, site_tree):
    proposal = pending(
        site_tree["dialogue"],
        title="Grannen Pettersson kör för fort",
        body="Pettersson på Ekvägen kör alltid för fort förbi skolan.",
    )

    services.publish(
        proposal,
        public_title="Fartkontroller på Ekvägen",
        public_body="Många kör för fort förbi skolan.",
    )

    assert proposal_results(search(client, {"q": "Pettersson"})) == []
    assert proposal_results(search(client, {"q": "fartkontroller"})) == [
        "Läckeby: Fartkontroller på Ekvägen"
    ]
    assert not [text for text in indexed_texts() if "pettersson" in text]


@pytest.mark.parametrize("backend", ["dummy.DummyBackend", "immediate.ImmediateBackend"])
def test_a_pending_proposals_text_is_not_in_the_index(settings, site_tree, backend):
    """Neither at once nor when the worker gets to the save's task."""
    settings.TASKS = {"default": {"BACKEND": f"django_tasks.backends.{backend}"}}
    pending(site_tree["dialogue"], title="Väntande gatlykta", body="Kvarnbacken saknar lykta.")

    assert not [text for text in indexed_texts() if "kvarnbacken" in text]


def test_hiding_a_public_proposal_takes_it_out_of_the_index(client, site_tree):
    proposal = make.proposal(site_tree["dialogue"], title="Cykelställ vid Konsum")
    assert proposal_results(search(client, {"q": "cykelställ"})) == [
        "Läckeby: Cykelställ vid Konsum"
    ]

    services.hide(proposal, reason="Upprepar ett annat förslag med en granne namngiven.")

    assert not [text for text in indexed_texts() if "cykelställ" in text]


def test_a_second_redaction_of_a_public_proposal_replaces_its_text_at_once(client, site_tree):
    proposal = make.proposal(site_tree["dialogue"], title="Bänk hos familjen Ågren")

    services.publish(proposal, public_title="Bänk vid badplatsen")

    assert proposal_results(search(client, {"q": "Ågren"})) == []
    assert proposal_results(search(client, {"q": "badplatsen"})) == ["Läckeby: Bänk vid badplatsen"]
