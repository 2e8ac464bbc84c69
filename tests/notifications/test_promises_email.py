"""The followers' "Ny dialog" email lists what the village's earlier dialogues left open."""

from datetime import timedelta

import pytest
from django.utils import timezone

from rounds.models.proposals import Status
from tests.support import pages as factories
from tests.support import proposals as make
from tests.support.following import followers_of, publish
from tests.support.mail import emails_to, html_of, links_in, path_of

MARK = "Datumet har passerat — nytt besked kommer"


@pytest.fixture
def earlier(site_tree):
    """Läckeby's dialogue of two years ago, and three confirmed followers of Läckeby."""
    followers_of(site_tree["place"], factories.place("Tvärskog"))
    return factories.dialogue(
        site_tree["place"],
        factories.round_page("Omgång 2024–2025", slug="2024-2025"),
        walk_in_days=-720,
        meeting_in_days=-700,
        title="Utvecklingsdialog 2024",
        slug="2024",
    )


def new_dialogue_email():
    """The "Ny dialog" email a follower got (status emails about the old proposals came too)."""
    return next(m for m in emails_to("each@example.org") if m.subject.startswith("Ny dialog"))


def open_proposals(dialogue, number, planned_date=None):
    department = make.department()
    items = []
    for n in range(number):
        item = make.proposal(dialogue, title=f"Gammalt förslag {n:02}")
        if planned_date:
            make.answer(
                item,
                Status.PLANNED,
                responsible=department,
                public_message=".",
                planned_date=planned_date,
            )
        else:
            make.answer(item, Status.REVIEWING)
        items.append(item)
    return items


def test_the_new_dialogue_email_lists_what_is_still_open(client, site_tree, earlier):
    passed = timezone.localdate() - timedelta(days=20)
    (overdue,) = open_proposals(earlier, 1, planned_date=passed)
    done = make.proposal(earlier, title="Redan gjort")
    make.answer(done, Status.DONE, public_message="Klart.")
    new = factories.dialogue(site_tree["place"], site_tree["round"], title="Höstens dialog")

    publish(new)

    message = new_dialogue_email()
    year = (timezone.localdate() - timedelta(days=700)).year
    for body in (message.body, html_of(message)):
        assert f"Det här lovade vi {year} — så står det till" in body
        assert "Gammalt förslag 00" in body
        assert "Längre planering" in body
        assert MARK in body
        assert "Redan gjort" not in body
    links = links_in(message)
    assert any(path_of(link) == path_of(overdue.get_public_url()) for link in links)
    assert client.get(path_of(overdue.get_public_url())).status_code == 200


def test_at_most_ten_are_listed_with_a_link_to_all(client, site_tree, earlier):
    open_proposals(earlier, 12)
    new = factories.dialogue(site_tree["place"], site_tree["round"], title="Höstens dialog")

    publish(new)

    message = new_dialogue_email()
    assert message.body.count("Gammalt förslag") == 10
    assert "Se alla, också 2 förslag till" in message.body
    all_link = next(link for link in links_in(message) if link.endswith("#tidigare-loften"))
    page = client.get(path_of(all_link)).content.decode()
    assert page.count("Gammalt förslag") == 12


def test_without_earlier_open_proposals_the_email_says_nothing_of_them(site_tree, earlier):
    new = factories.dialogue(site_tree["place"], site_tree["round"], title="Höstens dialog")

    publish(new)

    assert "Det här lovade vi" not in new_dialogue_email().body
