"""Every calendar we serve, read by a second, strict parser (`ical`) as well as by `icalendar`.

Apple Calendar, Google and Outlook each refuse or misread a file in their own way; `ical`
validates the file against RFC 5545 and 7986 where `icalendar` forgives. The time-zone rules
are checked as text too: an app that trusts the file's VTIMEZONE must land on the same hour.
"""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from ical.calendar_stream import IcsCalendarStream
from icalendar import Calendar

from rounds.models import ContactPerson, DialogueEvent
from tests.support import pages as factories

pytestmark = pytest.mark.usefixtures("clear_cache")

STOCKHOLM = ZoneInfo("Europe/Stockholm")
WALK, DIALOGUE = DialogueEvent.Kind.WALK, DialogueEvent.Kind.DIALOGUE


def soon(days):
    day = timezone.localdate() + timedelta(days=days)
    return datetime(day.year, day.month, day.day, 18, tzinfo=STOCKHOLM)


def served(client, url):
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response.content.decode()


def strictly(text):
    """The calendar as `ical` reads it; it raises on anything RFC 5545 does not allow."""
    return IcsCalendarStream.calendar_from_ics(text)


@pytest.fixture
def calendars(site_tree):
    """The URL of every kind of calendar we serve, with the events each one must hold."""
    place = site_tree["place"]
    contact = ContactPerson.objects.create(
        name="Anna Berg", role="Landsbygdsutvecklare", email="anna.berg@example.org"
    )
    dialogue = site_tree["dialogue"]
    dialogue.contact = contact
    dialogue.save_revision().publish()
    called_off = factories.event(DIALOGUE, soon(40), cancelled=True)
    cancelled_dialogue = factories.dialogue_with_events(
        place, site_tree["round"], [called_off], slug="installt"
    )
    empty = factories.place("Påryd")
    walk = dialogue.events.get(kind=WALK)
    cancelled = cancelled_dialogue.events.get()
    return {
        "site": ("/kalender/", 3),
        "village": (f"{place.url}kalender/", 3),
        "empty village": (f"{empty.url}kalender/", 0),
        "one event": (f"/kalender/{walk.uid}.ics", 1),
        "cancelled event": (f"/kalender/{cancelled.uid}.ics", 1),
        "walk": walk,
        "cancelled": cancelled,
    }


KINDS = ["site", "village", "empty village", "one event", "cancelled event"]


@pytest.mark.parametrize("kind", KINDS)
def test_every_calendar_is_valid_for_a_strict_parser(client, calendars, kind):
    url, count = calendars[kind]
    text = served(client, url)
    calendar = strictly(text)

    assert len(calendar.events) == count
    [zone] = calendar.timezones  # also in a calendar without events: never an empty VCALENDAR
    assert zone.tz_id == "Europe/Stockholm"
    [daylight], [standard] = zone.daylight, zone.standard
    # Summer time starts at 02.00 winter time and ends at 03.00 summer time, each year.
    assert (daylight.dtstart.month, daylight.dtstart.time().isoformat()) == (3, "02:00:00")
    assert (standard.dtstart.month, standard.dtstart.time().isoformat()) == (10, "03:00:00")
    assert (daylight.tz_offset_from.offset, daylight.tz_offset_to.offset) == (
        timedelta(hours=1),
        timedelta(hours=2),
    )
    for rule, month in ((daylight.rrule, 3), (standard.rrule, 10)):
        assert rule.by_month == [month]
        assert [(day.weekday.value, day.occurrence) for day in rule.by_weekday] == [("SU", -1)]
    lines = text.splitlines()
    assert "DTSTART:19960331T020000" in lines and "DTSTART:19961027T030000" in lines

    # Each event's start is local time with the zone named; the VTIMEZONE's own have no TZID.
    assert sum(line.startswith("DTSTART;TZID=Europe/Stockholm:") for line in lines) == count
    for event in calendar.events:
        assert str(event.dtstart.tzinfo) == "Europe/Stockholm"
        assert event.organizer is not None
    if kind in ("site", "village", "empty village"):
        assert "REFRESH-INTERVAL;VALUE=DURATION:PT12H" in lines
        assert calendar.refresh_interval == timedelta(hours=12)
    else:
        assert not [line for line in lines if line.startswith("REFRESH-INTERVAL")]


def test_the_dialogues_contact_is_the_organizer(client, calendars):
    calendar = strictly(served(client, calendars["one event"][0]))
    [event] = calendar.events
    assert event.organizer.common_name == "Anna Berg"
    assert event.organizer.uri == "mailto:anna.berg@example.org"
    walk = calendars["walk"]
    assert event.dtstart == walk.start.replace(microsecond=0)
    assert str(event.dtstart.tzinfo) == "Europe/Stockholm"


def test_without_a_contact_email_the_municipality_is_the_organizer(client, calendars):
    calendar = strictly(served(client, calendars["cancelled event"][0]))
    [event] = calendar.events
    assert event.status.value == "CANCELLED"
    assert event.organizer.common_name == "Testkommun"
    assert event.organizer.uri == "mailto:kommun@example.org"


def test_without_any_email_there_is_no_organizer(client, calendars):
    factories.municipality_settings(contact_email="")
    [event] = strictly(served(client, calendars["cancelled event"][0])).events
    assert event.organizer is None
    assert "ORGANIZER" not in served(client, calendars["cancelled event"][0])


@pytest.mark.parametrize(
    ("day", "utc_hour"),
    [
        (date(2027, 3, 27), 17),  # winter time, the day before the clocks go forward
        (date(2027, 3, 28), 16),  # the day they go forward: summer time from 02.00
        (date(2027, 10, 30), 16),  # summer time, the day before the clocks go back
        (date(2027, 10, 31), 17),  # the day they go back: winter time from 03.00
    ],
)
def test_the_files_own_time_zone_rules_give_the_right_hour(client, site_tree, day, utc_hour):
    start = datetime(day.year, day.month, day.day, 18, tzinfo=STOCKHOLM)
    dialogue = factories.dialogue_with_events(
        site_tree["place"], site_tree["round"], [factories.event(DIALOGUE, start)], slug="byte"
    )
    text = served(client, f"/kalender/{dialogue.events.get().uid}.ics")
    calendar = strictly(text)
    [event] = calendar.events
    assert f"DTSTART;TZID=Europe/Stockholm:{day:%Y%m%d}T180000" in text.splitlines()
    # `ical` resolves the TZID with the file's VTIMEZONE rules.
    assert event.dtstart.astimezone(UTC).hour == utc_hour
    # icalendar, building a zone from the file alone, agrees on the night of the change itself.
    rules = Calendar.from_ical(text).timezones[0].to_tz()
    assert datetime(day.year, 3, 28, 3, 30, tzinfo=rules).utcoffset() == timedelta(hours=2)
    assert datetime(day.year, 3, 28, 1, 30, tzinfo=rules).utcoffset() == timedelta(hours=1)
    assert datetime(day.year, 10, 31, 3, 30, tzinfo=rules).utcoffset() == timedelta(hours=1)
