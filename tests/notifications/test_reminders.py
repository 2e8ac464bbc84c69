"""`manage.py send_reminders`: reminders before walks and meetings, the weekly digest.

Run twice, each email goes once; cancelled, past and unpublished events send nothing; the
days are Stockholm days, also in the week the clocks change.
"""

from datetime import date, datetime, timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from notifications import notices
from notifications.models import Follower
from rounds.models import DialogueEvent
from rounds.models.proposals import Status, Visibility
from tests.support import pages as factories
from tests.support import proposals as make
from tests.support.following import CONFIRMED
from tests.support.mail import emails_to, everything_in, html_of, links_in, path_of, shown_subject

WALK, MEETING, OTHER = (
    DialogueEvent.Kind.WALK,
    DialogueEvent.Kind.DIALOGUE,
    DialogueEvent.Kind.OTHER,
)


def local(day, hour=18, minute=0):
    """An aware datetime at this Stockholm wall-clock time."""
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour, minute))


def dialogue_with(village, *events, **fields):
    fields.setdefault("title", "Vårens dialog")
    return factories.dialogue_with_events(village["place"], village["round"], events, **fields)


def run(today):
    """`send_reminders --date today`; returns what it printed."""
    output = StringIO()
    call_command("send_reminders", "--date", today.isoformat(), stdout=output)
    return output.getvalue()


def subjects():
    return sorted({message.subject for message in mail.outbox})


# Reminders


@pytest.fixture
def today():
    """A day a month ahead, so that its events are still to come."""
    return timezone.localdate() + timedelta(days=30)


def test_reminders_go_a_week_and_a_day_before_and_only_once(client, village, today):
    dialogue_with(
        village,
        factories.event(WALK, local(today + timedelta(days=7)), meeting_point="Vid affären"),
        factories.event(MEETING, local(today + timedelta(days=1)), childcare_offered=True),
    )

    first = run(today)
    second = run(today)

    assert "queued 6 reminder(s)" in first
    assert "queued 0 reminder(s)" in second
    assert {message.to[0] for message in mail.outbox} == CONFIRMED
    walk_day = today + timedelta(days=7)
    weekday = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]
    months = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti"]
    months += ["september", "oktober", "november", "december"]
    walk_date = f"{weekday[walk_day.weekday()]} {walk_day.day} {months[walk_day.month - 1]}"
    assert subjects() == [
        "I morgon: Dialogmöte i Läckeby",
        f"Om en vecka: Förbättringsvandring i Läckeby, {walk_date}",
    ]
    for message in emails_to("none@example.org"):
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        for body in (message.body, html_of(message)):
            assert "18.00–20.00" in body
            assert "Bygdegården, Byvägen 1, 388 98 Läckeby" in body
        assert "each@example.org" not in everything_in(message)
        page = client.get(path_of(links_in(message)[0]))
        assert page.status_code == 200
    [walk] = [m for m in emails_to("each@example.org") if "Om en vecka" in m.subject]
    assert "Samlingsplats: Vid affären" in walk.body
    [meeting] = [m for m in emails_to("each@example.org") if "I morgon" in m.subject]
    assert "Barnpassning: Ja" in meeting.body


def test_no_reminder_for_cancelled_or_other_events_or_unpublished_dialogues(village, today):
    dialogue_with(
        village,
        factories.event(WALK, local(today + timedelta(days=7)), cancelled=True),
        factories.event(OTHER, local(today + timedelta(days=1)), title="Öppet hus"),
    )
    hidden = dialogue_with(
        village, factories.event(MEETING, local(today + timedelta(days=1))), title="Utkast"
    )
    hidden.unpublish()

    assert "queued 0 reminder(s)" in run(today)
    assert mail.outbox == []


def test_no_reminder_for_an_event_that_has_begun(village):
    """Catching up a missed day (--date in the past) never reminds of what has already begun."""
    yesterday = timezone.localdate() - timedelta(days=1)
    dialogue_with(village, factories.event(MEETING, local(yesterday)))

    assert "queued 0 reminder(s)" in run(yesterday - timedelta(days=1))
    assert "queued 0 reminder(s)" in run(yesterday - timedelta(days=7))
    assert mail.outbox == []


def test_a_moved_event_is_reminded_again_with_its_new_time(village, today):
    dialogue = dialogue_with(village, factories.event(MEETING, local(today + timedelta(days=1))))
    run(today)
    event = dialogue.events.get()
    event.start, event.end = (
        local(today + timedelta(days=1), 19),
        local(today + timedelta(days=1), 21),
    )
    event.save()

    assert "queued 3 reminder(s)" in run(today)
    assert [m for m in emails_to("each@example.org") if "19.00" in m.body]


def test_reminders_count_stockholm_days_across_the_change_to_summer_time(village):
    """Clocks go forward on Sunday 29 March 2026. Just after midnight on the 30th is still the
    29th in UTC, and the week before it is an hour shorter than seven times 24 hours."""
    monday = date(2026, 3, 30)
    dialogue_with(
        village,
        factories.event(WALK, local(monday, 0, 30), title="Nattvandring"),
        factories.event(MEETING, local(monday, 18)),
        factories.event(MEETING, local(date(2026, 3, 29), 23, 30), title="Söndagsmöte"),
    )

    week_before = local(date(2026, 3, 23), 7)
    assert notices.send_reminders(date(2026, 3, 23), now=week_before) == 6
    assert subjects() == [
        "Om en vecka: Dialogmöte i Läckeby, måndag 30 mars",
        "Om en vecka: Nattvandring i Läckeby, måndag 30 mars",
    ]
    [night] = [m for m in emails_to("each@example.org") if "Nattvandring" in m.subject]
    assert "kl. 00.30–02.30" in night.body

    mail.outbox.clear()
    day_before = local(date(2026, 3, 29), 7)
    assert notices.send_reminders(date(2026, 3, 29), now=day_before) == 6
    assert subjects() == [
        "I morgon: Dialogmöte i Läckeby",
        "I morgon: Nattvandring i Läckeby",
    ]

    mail.outbox.clear()
    assert notices.send_reminders(date(2026, 3, 22), now=local(date(2026, 3, 22), 7)) == 3
    assert subjects() == ["Om en vecka: Söndagsmöte i Läckeby, söndag 29 mars"]


def test_the_date_must_be_a_date():
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("send_reminders", "--date", "29/3")


# The weekly digest


@pytest.fixture
def week(village):
    """Updates around the week Monday 16 – Sunday 22 November 2026 (ISO week 47)."""
    monday = date(2026, 11, 16)
    weekly = Follower.objects.get(email="weekly@example.org")
    weekly.confirmed_at = local(monday - timedelta(days=1))
    weekly.save()
    dialogue = village["dialogue"]
    lamp = make.proposal(dialogue, title="Belysning vid busshållplatsen", name="Anna Andersson")
    bench = make.proposal(dialogue, title="En bänk vid badplatsen", email="bo@example.org")
    hidden = make.proposal(dialogue, title="Dolt förslag", visibility=Visibility.HIDDEN)
    elsewhere = make.proposal(
        factories.dialogue(factories.place("Boda"), village["round"]), title="Annan ort"
    )

    def answer(item, status, when, message, **fields):
        update = make.answer(
            item, status, public_message=message, internal_note="Intern sak.", **fields
        )
        update.created_at = when
        update.save()

    answer(lamp, Status.REVIEWING, local(monday - timedelta(days=1), 23, 59), "Före veckan.")
    answer(lamp, Status.DIRECT_ACTION, local(monday, 0, 1), "Lampan sätts upp i vår.")
    answer(
        bench,
        Status.PLANNED,
        local(monday + timedelta(days=6), 23, 30),
        "Vi planerar.",
        responsible=make.department(),
        planned_date=monday + timedelta(days=90),
    )
    answer(bench, Status.DONE, local(monday + timedelta(days=7), 0, 10), "Efter veckan.")
    answer(hidden, Status.REVIEWING, local(monday + timedelta(days=2)), "Inte publikt.")
    answer(elsewhere, Status.DONE, local(monday + timedelta(days=2)), "Annan ort.")
    mail.outbox.clear()
    return monday


def test_the_digest_sums_up_last_week_once_for_weekly_followers(client, week):
    tuesday = week + timedelta(days=8)

    first = run(tuesday)
    second = run(tuesday)

    assert "1 weekly digest(s)" in first
    assert "0 weekly digest(s)" in second
    [message] = mail.outbox
    assert message.to == ["weekly@example.org"]
    assert shown_subject(message) == "Veckans besked om förslag i Läckeby (vecka 47)"
    for body in (message.body, html_of(message)):
        assert "16 november och 22 november 2026" in body
        assert "2 nya besked" in body
        assert "Lampan sätts upp i vår." in body
        assert "Vi planerar." in body
        assert "Åtgärdas" in body
        assert "Längre planering" in body
        for outside in ("Före veckan.", "Efter veckan.", "Inte publikt.", "Annan ort."):
            assert outside not in body
    for private in ("Anna", "bo@example.org", "Intern sak.", "each@example.org"):
        assert private not in everything_in(message)
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    for link in links_in(message)[:3]:
        assert client.get(path_of(link)).status_code == 200


def test_no_digest_for_an_empty_week_or_for_who_followed_after_it(week):
    assert "0 weekly digest(s)" in run(week - timedelta(days=7))  # nothing in 2–8 November

    Follower.objects.filter(email="weekly@example.org").update(
        confirmed_at=local(week + timedelta(days=7), 8)
    )
    assert "0 weekly digest(s)" in run(week + timedelta(days=7))
    assert mail.outbox == []
