"""What the followers of a village are told when a dialogue is published or a proposal answered.

Only confirmed followers of the dialogue's own village get anything; each email once.
"""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import Client
from django.utils import timezone

from notifications import notices
from notifications.models import Follower
from rounds.models import DialogueEvent, DialoguePage
from rounds.models.proposals import Status, Visibility
from tests.support import pages as factories
from tests.support import proposals as make
from tests.support.following import CONFIRMED, OUTSIDERS, follower, followers_of, publish
from tests.support.html import text_of
from tests.support.mail import emails_to, everything_in, html_of, links_in, path_of, shown_subject


@pytest.fixture
def village(site_tree):
    """Läckeby with three confirmed followers and one who never confirmed; one elsewhere."""
    followers_of(site_tree["place"], factories.place("Tvärskog"))
    return site_tree


@pytest.fixture
def dialogue(village):
    """A new dialogue in Läckeby, in the database but not yet announced."""
    return factories.dialogue(village["place"], village["round"], title="Höstens dialog")


def recipients():
    return {message.to[0] for message in mail.outbox}


def assert_only_confirmed_followers(addresses=CONFIRMED):
    assert recipients() == addresses
    for message in mail.outbox:
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert message.extra_headers["List-Unsubscribe"].startswith(
            "<http://testserver/e-post/avsluta/"
        )
        others = (CONFIRMED | OUTSIDERS) - {message.to[0]}
        for address in others:
            assert address not in everything_in(message), f"{address} in {message.subject}"


def open_link(client, url):
    response = client.get(path_of(url))
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def edit_events(dialogue, change):
    """Change the dialogue's events as an editor does, and publish."""
    page = DialoguePage.objects.get(pk=dialogue.pk)
    events = list(page.events.order_by("start"))
    change(events)
    page.events = events
    publish(page)


# A dialogue is published with dates


def test_a_new_dialogue_with_dates_is_emailed_to_the_villages_confirmed_followers(client, dialogue):
    publish(dialogue)

    assert_only_confirmed_followers()
    message = emails_to("each@example.org")[0]
    assert message.subject == "Ny dialog: Läckeby: Höstens dialog"
    walk = timezone.localtime(dialogue.walk.start)
    for body in (message.body, html_of(message)):
        assert "Förbättringsvandring" in body
        assert "Dialogmöte" in body
        assert walk.strftime("%H.%M") in body
        assert "Bygdegården, Byvägen 1, 388 98 Läckeby" in body
        assert "Sluta följa Läckeby" in body
    weekday = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]
    assert f"{weekday[walk.weekday()]} {walk.day} " in message.body
    page = open_link(client, links_in(message)[0])
    assert page.h1.get_text() == "Läckeby: Höstens dialog"


def test_publishing_again_with_the_same_dates_sends_nothing(dialogue, village):
    """The first publication is announced, so the silence after the second is the dedupe's."""
    publish(dialogue)
    assert recipients() == CONFIRMED
    mail.outbox.clear()
    follower(village["place"], "late@example.org")  # followed after the announcement

    page = DialoguePage.objects.get(pk=dialogue.pk)
    page.intro = "Nu med fika."
    publish(page)

    assert mail.outbox == []


def test_changed_dates_are_emailed_and_changing_them_back_is_news_too(dialogue):
    publish(dialogue)
    mail.outbox.clear()
    first_start = dialogue.walk.start

    def move_walk(events):
        events[0].start += timedelta(days=1)
        events[0].end += timedelta(days=1)

    edit_events(dialogue, move_walk)

    assert_only_confirmed_followers()
    message = emails_to("none@example.org")[0]
    assert message.subject == "Ändrade datum: Läckeby: Höstens dialog"
    moved = timezone.localtime(first_start + timedelta(days=1))
    assert f"{moved.day} " in message.body
    assert "har ändrats" in message.body

    mail.outbox.clear()

    def move_back(events):
        events[0].start, events[0].end = first_start, first_start + timedelta(hours=2)

    edit_events(dialogue, move_back)

    assert recipients() == CONFIRMED
    assert {message.subject for message in mail.outbox} == {
        "Ändrade datum: Läckeby: Höstens dialog"
    }


def test_a_cancelled_event_is_emailed_as_a_change(dialogue):
    publish(dialogue)
    mail.outbox.clear()

    def cancel_walk(events):
        events[0].cancelled = True

    edit_events(dialogue, cancel_walk)

    message = emails_to("each@example.org")[0]
    assert message.subject == "Ändrade datum: Läckeby: Höstens dialog"
    assert "INSTÄLLT: Förbättringsvandring" in message.body
    assert "Inställt:" in html_of(message)
    assert recipients() == CONFIRMED


def test_a_draft_sends_nothing(dialogue):
    """A saved draft is silent; publishing that same revision is what tells the followers."""
    revision = dialogue.save_revision()

    assert mail.outbox == []
    revision.publish()
    assert_only_confirmed_followers()


def test_a_dialogue_whose_events_are_over_sends_nothing(village, dialogue):
    """Silent because its events are over: a dialogue with coming dates is announced."""
    old = factories.dialogue(
        village["place"],
        village["round"],
        title="Förra året",
        walk_in_days=-40,
        meeting_in_days=-30,
    )

    publish(old)

    assert mail.outbox == []
    publish(dialogue)
    assert {message.subject for message in mail.outbox} == {"Ny dialog: Läckeby: Höstens dialog"}
    assert recipients() == CONFIRMED


def test_other_pages_being_published_send_nothing(village, dialogue):
    """The village and a text page are silent; a dialogue in that village is not."""
    publish(village["place"])
    publish(village["standard"])

    assert mail.outbox == []
    publish(dialogue)
    assert_only_confirmed_followers()


# The summary


def with_summary(dialogue, published_at):
    page = DialoguePage.objects.get(pk=dialogue.pk)
    page.summary = [("text", "<p>Det här kom fram.</p>")]
    page.summary_intro = "Belysningen vid hållplatsen byggs i vår."
    page.summary_published_at = published_at
    return page


def test_a_published_summary_is_emailed_once(client, dialogue):
    publish(dialogue)
    mail.outbox.clear()

    publish(with_summary(dialogue, timezone.localdate()))

    assert_only_confirmed_followers()
    message = emails_to("weekly@example.org")[0]
    assert message.subject == "Sammanställningen från Läckeby: Höstens dialog är publicerad"
    assert "Belysningen vid hållplatsen byggs i vår." in message.body
    page = open_link(client, links_in(message)[0])
    assert "Det här kom fram." in text_of(page)

    mail.outbox.clear()
    publish(DialoguePage.objects.get(pk=dialogue.pk))
    assert mail.outbox == []


def test_a_summary_dated_later_waits_for_its_day(dialogue):
    publish(dialogue)
    mail.outbox.clear()
    day = timezone.localdate() + timedelta(days=3)

    publish(with_summary(dialogue, day))
    assert mail.outbox == []

    assert notices.due_summaries(day - timedelta(days=1)) == 0
    assert notices.due_summaries(day) == 3
    assert notices.due_summaries(day) == 0
    assert notices.due_summaries(day + timedelta(days=1)) == 0
    assert recipients() == CONFIRMED


def test_a_summary_from_long_ago_is_not_news(dialogue):
    """The same publication announces the dialogue's dates; only the old summary is left out."""
    publish(with_summary(dialogue, timezone.localdate() - timedelta(days=60)))

    assert not [m for m in mail.outbox if "Sammanställningen" in m.subject]
    assert_only_confirmed_followers()
    assert {message.subject for message in mail.outbox} == {"Ny dialog: Läckeby: Höstens dialog"}


# A proposal gets a public answer


@pytest.fixture
def proposal(village):
    item = make.proposal(
        village["dialogue"],
        visibility=Visibility.PENDING,
        title="Belysning utanför Anna Anderssons hus",
        name="Anna Andersson",
        email="anna.andersson@example.org",
        phone="070-123 45 67",
        notify_status=True,
    )
    make.services.publish(item, public_title="Belysning vid busshållplatsen")
    mail.outbox.clear()
    return item


def answer(item, **fields):
    fields.setdefault("public_message", "Vi sätter upp en lampa i vår.")
    fields.setdefault("internal_note", "Ring Anna om stolpen.")
    return make.answer(item, Status.DIRECT_ACTION, responsible=make.department(), **fields)


def test_a_public_status_change_is_emailed_to_followers_who_want_each(client, proposal):
    answer(proposal)

    follower_emails = [m for m in mail.outbox if m.to != ["anna.andersson@example.org"]]
    assert [m.to for m in follower_emails] == [["each@example.org"]]
    [message] = follower_emails
    assert (
        shown_subject(message) == "Nytt besked i Läckeby: Belysning vid busshållplatsen – Åtgärdas"
    )
    for body in (message.body, html_of(message)):
        assert proposal.reference in body
        assert "Åtgärdas" in body
        assert "Vi sätter upp en lampa i vår." in body
        assert "Samhällsbyggnadsförvaltningen" in body
    page = open_link(client, links_in(message)[0])
    assert "Vi sätter upp en lampa i vår." in text_of(page)


def test_no_email_to_a_follower_holds_a_proposals_personal_data(proposal):
    answer(proposal)

    [message] = emails_to("each@example.org")
    content = everything_in(message)
    for private in (
        "Anna",
        "anna.andersson@example.org",
        "070-123 45 67",
        "Ring Anna om stolpen.",
        "Belysning utanför",
        proposal.follow_token,
    ):
        assert private not in content


def test_an_answer_to_a_proposal_that_is_not_public_is_not_emailed(village):
    """The same answer to a public proposal in the same dialogue does reach the follower.

    (A pending proposal cannot be answered at all: tests/workbench/test_answer_rules.py.)
    """
    item = make.proposal(village["dialogue"], visibility=Visibility.HIDDEN)
    mail.outbox.clear()

    answer(item)

    assert mail.outbox == []
    public = make.proposal(village["dialogue"], title="Papperskorg vid badplatsen")
    answer(public)
    [message] = emails_to("each@example.org")
    assert public.reference in message.body


def test_one_click_unsubscribe_stops_the_emails_at_once(proposal):
    answer(proposal)
    [message] = emails_to("each@example.org")
    url = message.extra_headers["List-Unsubscribe"].strip("<>")

    response = Client(enforce_csrf_checks=True).post(
        path_of(url), {"List-Unsubscribe": "One-Click"}
    )

    assert response.status_code == 200
    assert not Follower.objects.filter(email="each@example.org").exists()
    assert Follower.objects.filter(email="weekly@example.org").exists()
    follower(proposal.dialogue.get_parent(), "still@example.org")  # one who stays
    mail.outbox.clear()
    make.answer(proposal, Status.DONE, public_message="Lampan lyser.")
    assert emails_to("each@example.org") == []
    [kept] = emails_to("still@example.org")  # the answer was emailed, only not to them
    assert "Lampan lyser." in kept.body


def broken_queue(monkeypatch):
    """Make every follower email fail as it is queued; returns the addresses it was tried for,
    so a test can tell a failure that was survived from an email that was never attempted."""
    tried = []

    def broken(**kwargs):
        tried.append(kwargs["to"])
        raise RuntimeError("mall saknas")

    monkeypatch.setattr(notices, "queue_email", broken)
    return tried


def test_a_failing_email_never_costs_the_case_officer_the_update(proposal, monkeypatch):
    tried = broken_queue(monkeypatch)

    update = answer(proposal)

    proposal.refresh_from_db()
    assert proposal.status == Status.DIRECT_ACTION
    assert update.pk is not None
    assert emails_to("each@example.org") == []
    assert tried == ["each@example.org"]  # the email was attempted, and its failure survived


def test_a_failing_email_never_stops_an_editor_publishing(dialogue, monkeypatch):
    tried = broken_queue(monkeypatch)
    page = DialoguePage.objects.get(pk=dialogue.pk)
    page.intro = "Ny text."

    publish(page)

    assert DialoguePage.objects.get(pk=dialogue.pk).live_revision.content["intro"] == "Ny text."
    assert set(tried) == CONFIRMED  # each announcement was attempted, and each failure survived


def test_events_keep_their_identity_so_one_edit_is_one_change(dialogue):
    """Guards the fingerprint: a publish without changes keeps each event's uid and sequence."""
    publish(dialogue)
    before = list(DialogueEvent.objects.filter(dialogue=dialogue).values("uid", "sequence"))
    assert len(before) == 2  # the walk and the meeting

    publish(DialoguePage.objects.get(pk=dialogue.pk))

    after = list(DialogueEvent.objects.filter(dialogue=dialogue).values("uid", "sequence"))
    assert before == after
