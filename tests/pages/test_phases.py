"""A dialogue's phase and proposal window, derived from its dates in Stockholm time."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from rounds.models import DialogueEvent, DialoguePage
from rounds.models.phases import Phase, Schedule, derive_phase

STOCKHOLM = ZoneInfo("Europe/Stockholm")
SECOND = timedelta(seconds=1)

# A page looks up its content type when it is built, even unsaved.
pytestmark = pytest.mark.django_db


def local(*args):
    return datetime(*args, tzinfo=STOCKHOLM)


WALK = local(2026, 5, 10, 17, 0)
MEETING_START = local(2026, 5, 20, 18, 0)
MEETING_END = local(2026, 5, 20, 20, 30)
SCHEDULE = Schedule(walk_start=WALK, dialogue_start=MEETING_START, dialogue_end=MEETING_END)


def event(kind, start, end):
    return DialogueEvent(kind=kind, start=start, end=end, venue_name="Bygdegården")


def dialogue(*events, **fields):
    """An unsaved dialogue holding its events in memory, as a page preview does."""
    return DialoguePage(title="Utvecklingsdialog", events=list(events), **fields)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (WALK - timedelta(days=30), Phase.PREPARATION),
        (WALK - SECOND, Phase.PREPARATION),
        (WALK, Phase.WALK),
        (MEETING_START - SECOND, Phase.WALK),
        (MEETING_START, Phase.DIALOGUE),
        (MEETING_END - SECOND, Phase.DIALOGUE),
        (MEETING_END, Phase.FOLLOW_UP),
        (MEETING_END + timedelta(days=400), Phase.FOLLOW_UP),
    ],
    ids=[
        "month-before-walk",
        "second-before-walk",
        "walk-starts",
        "second-before-meeting",
        "meeting-starts",
        "second-before-meeting-ends",
        "meeting-ends",
        "long-after-without-summary",
    ],
)
def test_phase_at_every_boundary(now, expected):
    assert derive_phase(SCHEDULE, now, None) == expected


def test_summary_published_today_completes_the_dialogue():
    now = local(2026, 6, 15, 9, 0)
    assert derive_phase(SCHEDULE, now, date(2026, 6, 15)) == Phase.COMPLETED


def test_summary_dated_tomorrow_is_not_yet_completed():
    now = local(2026, 6, 15, 23, 59, 59)
    assert derive_phase(SCHEDULE, now, date(2026, 6, 16)) == Phase.FOLLOW_UP


def test_summary_date_is_a_stockholm_date_not_a_utc_date():
    # 22:30 UTC on 14 June is already 00:30 on 15 June in Stockholm (summer time, UTC+2).
    summary_day = date(2026, 6, 15)
    assert derive_phase(SCHEDULE, datetime(2026, 6, 14, 22, 30, tzinfo=UTC), summary_day) == (
        Phase.COMPLETED
    )
    assert derive_phase(SCHEDULE, datetime(2026, 6, 14, 21, 59, 59, tzinfo=UTC), summary_day) == (
        Phase.FOLLOW_UP
    )


@pytest.mark.parametrize(
    ("midnight_utc", "summary_day"),
    [
        # Night the clocks go forward (29 March 2026): midnight is still winter time, UTC+1.
        (datetime(2026, 3, 28, 23, 0, tzinfo=UTC), date(2026, 3, 29)),
        # Night the clocks go back (25 October 2026): midnight is still summer time, UTC+2.
        (datetime(2026, 10, 24, 22, 0, tzinfo=UTC), date(2026, 10, 25)),
    ],
    ids=["spring-forward", "fall-back"],
)
def test_summary_day_starts_at_stockholm_midnight_around_dst_changes(midnight_utc, summary_day):
    schedule = Schedule(
        walk_start=midnight_utc - timedelta(days=40),
        dialogue_start=midnight_utc - timedelta(days=30),
        dialogue_end=midnight_utc - timedelta(days=30) + timedelta(hours=2),
    )
    assert derive_phase(schedule, midnight_utc - SECOND, summary_day) == Phase.FOLLOW_UP
    assert derive_phase(schedule, midnight_utc, summary_day) == Phase.COMPLETED


def test_meeting_across_the_autumn_dst_change_ends_at_its_real_instant():
    # 01:00 summer time to 02:30 winter time the night of 25 October: 2.5 hours, not 1.5.
    start = datetime(2026, 10, 24, 23, 0, tzinfo=UTC)
    end = datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
    assert start.astimezone(STOCKHOLM).hour == 1
    assert end.astimezone(STOCKHOLM).strftime("%H:%M %Z") == "02:30 CET"
    schedule = Schedule(dialogue_start=start, dialogue_end=end)
    assert derive_phase(schedule, end - SECOND, None) == Phase.DIALOGUE
    assert derive_phase(schedule, end, None) == Phase.FOLLOW_UP


def test_without_a_walk_preparation_leads_straight_to_the_dialogue():
    schedule = Schedule(dialogue_start=MEETING_START, dialogue_end=MEETING_END)
    assert derive_phase(schedule, MEETING_START - SECOND, None) == Phase.PREPARATION
    assert derive_phase(schedule, MEETING_START, None) == Phase.DIALOGUE
    assert derive_phase(schedule, MEETING_END, None) == Phase.FOLLOW_UP


def test_without_any_events_the_dialogue_stays_in_preparation():
    empty = Schedule()
    assert derive_phase(empty, local(2030, 1, 1, 12, 0), None) == Phase.PREPARATION
    # ...unless the summary is out, which settles it.
    assert derive_phase(empty, local(2030, 1, 1, 12, 0), date(2029, 12, 1)) == Phase.COMPLETED


# DialoguePage.phase reads its events


def test_page_phase_follows_its_walk_and_meeting_whatever_order_they_were_entered():
    page = dialogue(
        event(DialogueEvent.Kind.DIALOGUE, MEETING_START, MEETING_END),
        event(DialogueEvent.Kind.WALK, WALK, WALK + timedelta(hours=2)),
    )
    assert page.phase(WALK - SECOND) == Phase.PREPARATION
    assert page.phase(WALK) == Phase.WALK
    assert page.phase(MEETING_START) == Phase.DIALOGUE
    assert page.phase(MEETING_END) == Phase.FOLLOW_UP


def test_other_events_do_not_move_the_phase():
    open_house = local(2026, 5, 1, 14, 0)
    page = dialogue(
        event(DialogueEvent.Kind.OTHER, open_house, open_house + timedelta(hours=3)),
        event(DialogueEvent.Kind.DIALOGUE, MEETING_START, MEETING_END),
    )
    assert page.phase(open_house + timedelta(hours=1)) == Phase.PREPARATION


def test_a_cancelled_meeting_moved_later_keeps_the_dialogue_ahead_of_the_new_date():
    new_start, new_end = MEETING_START + timedelta(days=14), MEETING_END + timedelta(days=14)
    cancelled = event(DialogueEvent.Kind.DIALOGUE, MEETING_START, MEETING_END)
    cancelled.cancelled = True
    page = dialogue(cancelled, event(DialogueEvent.Kind.DIALOGUE, new_start, new_end))

    assert page.meeting.start == new_start
    # The old evening has passed: not yet the follow-up, proposals still welcome.
    assert page.phase(MEETING_END + timedelta(days=1)) == Phase.PREPARATION
    assert page.phase(new_start) == Phase.DIALOGUE
    assert page.proposal_window_closes == new_start.date()


def test_a_meeting_cancelled_without_a_new_date_still_dates_the_phases():
    cancelled = event(DialogueEvent.Kind.DIALOGUE, MEETING_START, MEETING_END)
    cancelled.cancelled = True
    page = dialogue(event(DialogueEvent.Kind.WALK, WALK, WALK + timedelta(hours=2)), cancelled)

    assert page.meeting is cancelled
    assert page.phase(MEETING_END) == Phase.FOLLOW_UP


def test_page_without_events_is_in_preparation():
    assert dialogue().phase(local(2026, 5, 1, 12, 0)) == Phase.PREPARATION


def test_page_with_summary_published_is_completed_from_that_day():
    page = dialogue(
        event(DialogueEvent.Kind.DIALOGUE, MEETING_START, MEETING_END),
        summary_published_at=date(2026, 6, 15),
    )
    assert page.phase(local(2026, 6, 14, 23, 59, 59)) == Phase.FOLLOW_UP
    assert page.phase(local(2026, 6, 15, 0, 0)) == Phase.COMPLETED


def test_phase_steps_mark_exactly_one_current_step():
    page = dialogue(
        event(DialogueEvent.Kind.WALK, WALK, WALK + timedelta(hours=2)),
        event(DialogueEvent.Kind.DIALOGUE, MEETING_START, MEETING_END),
    )
    steps = page.phase_steps(MEETING_START)
    assert [step["phase"] for step in steps] == list(Phase)
    assert [step["state"] for step in steps] == ["done", "done", "current", "coming", "coming"]


# The proposal window


def test_window_closes_on_the_meetings_stockholm_date():
    # 23:30 UTC on 20 May is 01:30 on 21 May in Stockholm.
    start = datetime(2026, 5, 20, 23, 30, tzinfo=UTC)
    page = dialogue(event(DialogueEvent.Kind.DIALOGUE, start, start + timedelta(hours=2)))
    assert page.proposal_window_closes == date(2026, 5, 21)


def test_window_closes_on_the_meetings_stockholm_date_in_winter_time():
    # 23:30 UTC on 14 January is 00:30 on 15 January (UTC+1).
    start = datetime(2026, 1, 14, 23, 30, tzinfo=UTC)
    page = dialogue(event(DialogueEvent.Kind.DIALOGUE, start, start + timedelta(hours=2)))
    assert page.proposal_window_closes == date(2026, 1, 15)


def test_set_closing_day_wins_over_the_meeting_day():
    page = dialogue(
        event(DialogueEvent.Kind.DIALOGUE, MEETING_START, MEETING_END),
        proposals_close=date(2026, 5, 31),
    )
    assert page.proposal_window_closes == date(2026, 5, 31)


def test_window_has_no_end_without_a_meeting_or_closing_day():
    page = dialogue(
        event(DialogueEvent.Kind.WALK, WALK, WALK + timedelta(hours=2)),
        proposals_open=date(2026, 5, 1),
    )
    assert page.proposal_window_closes is None
    assert not page.is_open_for_proposals(date(2026, 5, 5))


@pytest.mark.parametrize(
    ("today", "is_open"),
    [
        (date(2026, 4, 30), False),  # the day before it opens
        (date(2026, 5, 1), True),  # first day
        (date(2026, 5, 21), True),  # last day: the meeting's Stockholm date
        (date(2026, 5, 22), False),  # the day after
    ],
    ids=["day-before", "first-day", "last-day", "day-after"],
)
def test_open_for_proposals_from_first_to_last_day(today, is_open):
    start = datetime(2026, 5, 20, 23, 30, tzinfo=UTC)
    page = dialogue(
        event(DialogueEvent.Kind.DIALOGUE, start, start + timedelta(hours=2)),
        proposals_open=date(2026, 5, 1),
    )
    assert page.is_open_for_proposals(today) is is_open


def test_dialogue_without_opening_day_never_takes_proposals_online():
    page = dialogue(event(DialogueEvent.Kind.DIALOGUE, MEETING_START, MEETING_END))
    assert not page.is_open_for_proposals(date(2026, 5, 20))
