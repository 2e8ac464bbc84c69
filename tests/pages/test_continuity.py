"""A new dialogue starts from what the village's earlier dialogues left open."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from rounds.models.proposals import Status, Visibility
from tests.support import pages as factories
from tests.support import proposals as make
from tests.support.html import text_of


@pytest.fixture
def village(site_tree):
    """Läckeby's dialogue of two years ago, with proposals in every kind of state; the new
    dialogue is site_tree's (its walk in ten days)."""
    earlier = factories.dialogue(
        site_tree["place"],
        factories.round_page("Omgång 2024–2025", slug="2024-2025"),
        walk_in_days=-720,
        meeting_in_days=-700,
        title="Utvecklingsdialog 2024",
        slug="2024",
    )
    department = make.department()
    passed = timezone.localdate() - timedelta(days=30)
    items = {}
    for key, status in [
        ("overdue", Status.PLANNED),
        ("acting", Status.DIRECT_ACTION),
        ("reviewing", Status.REVIEWING),
        ("done", Status.DONE),
        ("refused", Status.NOT_FEASIBLE),
    ]:
        items[key] = make.proposal(earlier, title=f"Förslag {key}")
        make.answer(
            items[key],
            status,
            responsible=department,
            public_message="Svar.",
            planned_date=passed if key == "overdue" else None,
        )
    items["pending"] = make.proposal(
        earlier, title="Förslag pending", visibility=Visibility.PENDING
    )
    year = (timezone.localdate() - timedelta(days=700)).year
    return {**site_tree, "earlier": earlier, "items": items, "year": year}


def section(client, dialogue):
    soup = BeautifulSoup(client.get(dialogue.url).content, "html.parser")
    return soup.select_one("#tidigare-loften")


def test_the_new_dialogue_shows_what_is_still_open_from_before(client, village):
    found = section(client, village["dialogue"])

    assert found is not None
    heading = text_of(found.find("h2"))
    assert heading == f"Det här lovade vi {village['year']} — så står det till"
    titles = [text_of(h) for h in found.select(".proposal-item__title")]
    # Open ones only, the overdue one first; never a final answer or an unmoderated one.
    assert titles == ["Förslag overdue", "Förslag acting", "Förslag reviewing"]
    first = found.select_one(".proposal-item")
    assert "Datumet har passerat — nytt besked kommer" in text_of(first)
    assert "Längre planering" in text_of(first)
    assert "Senast uppdaterad" in text_of(first)
    link = first.find("a")["href"]
    assert link == village["items"]["overdue"].get_public_url()
    assert client.get(link).status_code == 200


def test_the_earlier_dialogue_itself_has_no_such_section(client, village):
    assert section(client, village["earlier"]) is None


def test_a_village_without_earlier_open_proposals_shows_nothing(client, village):
    for key in ("overdue", "acting", "reviewing"):
        make.answer(village["items"][key], Status.DONE, public_message="Klart.")

    assert section(client, village["dialogue"]) is None


def test_other_villages_promises_are_not_shown(client, village):
    other = factories.place("Påryd")
    other_dialogue = factories.dialogue(other, village["round"], slug="ny")

    assert section(client, other_dialogue) is None
