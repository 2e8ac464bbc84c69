"""Calendars (iCalendar, RFC 5545) as a calendar app reads them: one event, a village, all events.

Every response is parsed with `icalendar`, the way Thunderbird, Outlook or a phone would read it.
"""

import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.template.defaultfilters import date as date_filter
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import nested_form_data

from places.models import PlacePage
from rounds.models import DialogueEvent, DialoguePage
from tests.support import pages as factories
from tests.support import proposals as make
from tests.support.html import soup_of, text_of
from tests.support.page_forms import dialogue_data, event_data
from tests.support.queries import cold_request

pytestmark = pytest.mark.usefixtures("clear_cache")

STOCKHOLM = ZoneInfo("Europe/Stockholm")
ALL_EVENTS = "/kalender/"
WALK, DIALOGUE = DialogueEvent.Kind.WALK, DialogueEvent.Kind.DIALOGUE


def read(client, url, **headers):
    """GET a calendar, check it is served as one, and parse it."""
    response = client.get(url, **headers)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def event_url(event):
    return f"/kalender/{event.uid}.ics"


def place_url(place):
    return f"{place.url}kalender/"


def by_uid(calendar):
    return {str(item["UID"]): item for item in calendar.events}


def uid_of(event):
    return f"{event.uid}@testserver"


def at_six_pm(day):
    """18.00 Swedish time on `day`."""
    return datetime(day.year, day.month, day.day, 18, tzinfo=STOCKHOLM)


def soon(days):
    """18.00 Swedish time, `days` from today."""
    return at_six_pm(timezone.localdate() + timedelta(days=days))


@pytest.fixture
def village(site_tree):
    """Läckeby with a dialogue: a walk with all its details and a meeting, both coming."""
    walk = factories.event(
        WALK,
        soon(10),
        meeting_point="Vid busshållplatsen på Storgatan",
        accessibility_notes="Sträckan är 2 km på asfalt. Bänkar finns längs vägen.",
        childcare_offered=True,
        description="Ta med bra skor.",
    )
    meeting = factories.event(DIALOGUE, soon(20), hours=3)
    dialogue = factories.dialogue_with_events(
        site_tree["place"], site_tree["round"], [walk, meeting], title="Dialogen 2027"
    )
    return {**site_tree, "dialogue": dialogue, "walk": walk, "meeting": meeting}


def edit_and_publish(dialogue, edit):
    """Change the events as an editor would and publish a new revision of the page."""
    page = DialoguePage.objects.get(pk=dialogue.pk)
    events = sorted(page.events.all(), key=lambda event: event.start)
    edit(events)
    page.events = events
    page.save_revision().publish()
    return {event.kind: DialogueEvent.objects.get(pk=event.pk) for event in events}


# One event


def test_one_event_is_a_file_to_add_with_what_the_page_says(client, village):
    walk, dialogue = village["walk"], village["dialogue"]
    response = client.get(event_url(walk))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    day = timezone.localdate(walk.start).isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="forbattringsvandring-lackeby-{day}.ics"'
    )

    calendar = Calendar.from_ical(response.content)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]) == "-//Ortsdialog//Kalender//SV"
    assert str(calendar["CALSCALE"]) == "GREGORIAN"
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert [zone.tz_name for zone in calendar.timezones] == ["Europe/Stockholm"]
    [event] = calendar.events
    assert str(event["UID"]) == uid_of(walk)
    assert event.sequence == 0
    assert event.stamp is not None
    assert event.start == walk.start and event.end == walk.end
    assert event.start.tzinfo.key == "Europe/Stockholm"
    assert event.summary == "Förbättringsvandring i Läckeby"
    assert event.location == (
        "Bygdegården, Byvägen 1, 388 98 Läckeby (samlingsplats: Vid busshållplatsen på Storgatan)"
    )
    page_url = f"http://testserver{dialogue.url}"
    assert event.url == page_url
    assert str(event["STATUS"]) == "CONFIRMED"
    description = event.description
    assert "invånare och tjänstepersoner från kommunen runt i Läckeby" in description
    assert "antecknar vad som kan bli bättre" in description
    assert "Ta med bra skor." in description
    assert "Samlingsplats: Vid busshållplatsen på Storgatan" in description
    assert "Tillgänglighet: Sträckan är 2 km på asfalt." in description
    assert "Barnpassning: ja" in description
    assert page_url in description


def test_a_meeting_says_politicians_report_and_residents_discuss(client, village):
    [event] = read(client, event_url(village["meeting"])).events
    assert event.summary == "Dialogmöte i Läckeby"
    assert event.location == "Bygdegården, Byvägen 1, 388 98 Läckeby"
    assert "politiker och tjänstepersoner vad som har hänt" in event.description
    assert "samtalar invånarna i grupper" in event.description
    assert "Barnpassning: nej." in event.description
    assert "Samlingsplats" not in event.description
    assert event.end - event.start == timedelta(hours=3)


@pytest.mark.parametrize(
    ("day", "utc_hour"),
    [
        (date(2026, 3, 27), 17),  # winter time, two days before the clocks go forward
        (date(2026, 3, 30), 16),  # summer time, the day after
        (date(2026, 10, 23), 16),  # summer time, two days before the clocks go back
        (date(2026, 10, 26), 17),  # winter time, the day after
    ],
)
def test_local_time_is_right_on_both_sides_of_a_daylight_saving_change(
    client, site_tree, day, utc_hour
):
    dialogue = factories.dialogue_with_events(
        site_tree["place"],
        site_tree["round"],
        [factories.event(DIALOGUE, at_six_pm(day))],
        slug="dst",
    )
    response = client.get(event_url(dialogue.events.get()))
    lines = response.content.decode().splitlines()
    assert f"DTSTART;TZID=Europe/Stockholm:{day:%Y%m%d}T180000" in lines

    calendar = Calendar.from_ical(response.content)
    [event] = calendar.events
    assert (event.start.hour, event.start.tzinfo.key) == (18, "Europe/Stockholm")
    assert event.start.astimezone(UTC) == datetime(
        day.year, day.month, day.day, utc_hour, tzinfo=UTC
    )
    # An app that trusts the VTIMEZONE in the file, not its own zone database, agrees.
    own_rules = calendar.timezones[0].to_tz()
    as_the_file_says = event.start.replace(tzinfo=None).replace(tzinfo=own_rules)
    assert as_the_file_says.astimezone(UTC).hour == utc_hour


def test_unknown_or_malformed_event_is_not_found(client, village):
    assert client.get("/kalender/00000000-0000-4000-8000-000000000000.ics").status_code == 404
    assert client.get("/kalender/inte-ett-id.ics").status_code == 404


def test_calendars_can_only_be_read(client, village):
    assert client.post(event_url(village["walk"])).status_code == 405
    assert client.post(ALL_EVENTS).status_code == 405
    assert client.post(place_url(village["place"])).status_code == 405
    assert client.head(ALL_EVENTS).status_code == 200


# Feeds to subscribe to


def test_village_calendar_is_a_feed_to_subscribe_to(client, village):
    first = read(client, place_url(village["place"]))
    assert str(first["X-WR-CALNAME"]) == "Vandringar och dialogmöten i Läckeby"
    assert "från Testkommun" in str(first["X-WR-CALDESC"])
    assert str(first["X-WR-TIMEZONE"]) == "Europe/Stockholm"
    assert str(first["METHOD"]) == "PUBLISH"
    assert first.refresh_interval == timedelta(hours=12)
    assert first["X-PUBLISHED-TTL"].to_ical() == b"PT12H"
    events = by_uid(first)
    # The site tree's own dialogue in Läckeby is there too: all the village's dialogues.
    assert {uid_of(village["walk"]), uid_of(village["meeting"])} < set(events)
    assert len(events) == 4
    # Downloaded again, it is the same calendar with the same events.
    again = read(client, place_url(village["place"]))
    assert str(again["UID"]) == str(first["UID"])
    assert set(by_uid(again)) == set(events)


def test_village_calendar_has_only_that_village(client, village):
    paryd = factories.place("Påryd")
    other = factories.dialogue(paryd, village["round"], slug="paryd-2027")
    lackeby = set(by_uid(read(client, place_url(village["place"]))))
    paryd_events = set(by_uid(read(client, place_url(paryd))))
    assert paryd_events == {uid_of(event) for event in other.events.all()}
    assert not lackeby & paryd_events


def test_village_calendar_times_are_right_around_the_next_spring_change(client, site_tree):
    year = timezone.localdate().year + 1
    change = max(date(year, 3, day) for day in range(25, 32) if date(year, 3, day).weekday() == 6)
    before, after = change - timedelta(days=2), change + timedelta(days=1)
    factories.dialogue_with_events(
        site_tree["place"],
        site_tree["round"],
        [
            factories.event(WALK, at_six_pm(before)),
            factories.event(DIALOGUE, at_six_pm(after)),
        ],
        slug="var",
    )
    calendar = read(client, place_url(site_tree["place"]))
    starts = {event.start.date(): event.start for event in calendar.events}
    assert (starts[before].hour, starts[before].astimezone(UTC).hour) == (18, 17)
    assert (starts[after].hour, starts[after].astimezone(UTC).hour) == (18, 16)


def test_feeds_keep_a_year_of_past_events_and_every_coming_one(client, site_tree):
    kept = factories.event(WALK, soon(-60))
    too_old = factories.event(WALK, soon(-400))
    far_ahead = factories.event(DIALOGUE, soon(700))
    factories.dialogue_with_events(
        site_tree["place"], site_tree["round"], [kept, too_old, far_ahead], slug="spann"
    )
    for url in (place_url(site_tree["place"]), ALL_EVENTS):
        uids = set(by_uid(read(client, url)))
        assert uid_of(kept) in uids and uid_of(far_ahead) in uids
        assert uid_of(too_old) not in uids
    # The old event's own file still answers: someone may have it in their calendar.
    assert read(client, event_url(too_old)).events


def test_all_events_calendar_has_every_village(client, village):
    other = factories.dialogue(factories.place("Påryd"), village["round"], slug="paryd-2027")
    calendar = read(client, ALL_EVENTS)
    assert str(calendar["X-WR-CALNAME"]) == "Vandringar och dialogmöten i Testkommun"
    summaries = {str(event["UID"]): event.summary for event in calendar.events}
    for event in other.events.all():
        assert summaries[uid_of(event)].endswith(" i Påryd")
    assert summaries[uid_of(village["walk"])] == "Förbättringsvandring i Läckeby"
    assert len(summaries) == 6


def test_all_events_calendar_belongs_to_the_site_asked(client, village):
    other_home = factories.other_site("annan.example.org")
    elsewhere = other_home.add_child(instance=PlacePage(title="Annanby", intro="En annan by."))
    dialogue = factories.dialogue(elsewhere, village["round"])
    theirs = {uid_of(event) for event in dialogue.events.all()}

    ours = set(by_uid(read(client, ALL_EVENTS)))
    assert uid_of(village["walk"]) in ours and not ours & theirs
    assert set(by_uid(read(client, ALL_EVENTS, HTTP_HOST="annan.example.org"))) == theirs
    assert client.get(event_url(dialogue.events.first())).status_code == 404


# Only published, public dialogues


def test_unpublished_dialogue_has_no_events_in_any_calendar(client, village):
    dialogue, walk = village["dialogue"], village["walk"]
    dialogue.unpublish()
    for url in (place_url(village["place"]), ALL_EVENTS):
        uids = set(by_uid(read(client, url)))
        assert uid_of(walk) not in uids
        assert uids, "the other dialogue's events are still there"
    assert client.get(event_url(walk)).status_code == 404


def test_private_dialogue_has_no_events_in_any_calendar(client, village):
    PageViewRestriction.objects.create(
        page=village["dialogue"], restriction_type=PageViewRestriction.PASSWORD, password="hemligt"
    )
    for url in (place_url(village["place"]), ALL_EVENTS):
        assert uid_of(village["walk"]) not in by_uid(read(client, url))
    assert client.get(event_url(village["walk"])).status_code == 404


def test_unpublished_village_has_no_calendar(client, village):
    url = place_url(village["place"])
    village["place"].unpublish()
    assert client.get(url).status_code == 404


# Changes reach calendars: same UID, higher SEQUENCE


def test_new_time_keeps_the_uid_and_bumps_the_sequence(client, village):
    dialogue, walk = village["dialogue"], village["walk"]
    dialogue.save_revision().publish()
    original_revision = DialoguePage.objects.get(pk=dialogue.pk).latest_revision

    # Published again unchanged, or with only a new description: nothing a calendar must redo.
    edit_and_publish(dialogue, lambda events: None)
    edited = edit_and_publish(dialogue, lambda events: setattr(events[0], "description", "Ny."))
    assert (edited[WALK].uid, edited[WALK].sequence) == (walk.uid, 0)

    def one_hour_later(events):
        events[0].start += timedelta(hours=1)
        events[0].end += timedelta(hours=1)

    moved = edit_and_publish(dialogue, one_hour_later)[WALK]
    assert (moved.uid, moved.sequence) == (walk.uid, 1)
    [event] = read(client, event_url(walk)).events
    assert str(event["UID"]) == uid_of(walk)
    assert event.sequence == 1
    assert event.start == walk.start + timedelta(hours=1)
    assert by_uid(read(client, place_url(village["place"])))[uid_of(walk)].sequence == 1
    # The meeting did not change.
    assert DialogueEvent.objects.get(pk=village["meeting"].pk).sequence == 0

    # Going back to the first revision moves the time again: the sequence goes on, never back.
    original_revision.publish()
    restored = DialogueEvent.objects.get(pk=walk.pk)
    assert (restored.uid, restored.start, restored.sequence) == (walk.uid, walk.start, 2)


def test_an_editor_moving_the_walk_in_the_admin_bumps_the_sequence(admin_client, village):
    dialogue = village["dialogue"]
    events = sorted(dialogue.events.all(), key=lambda event: event.start)
    new_start = timezone.localtime(events[0].start) + timedelta(days=1)

    def row(event, start):
        end = start + (event.end - event.start)
        return event_data(
            f"{start:%Y-%m-%d %H:%M}",
            f"{end:%Y-%m-%d %H:%M}",
            event.kind,
            id=str(event.pk),
            title=event.title,
            venue_name=event.venue_name,
            street_address=event.street_address,
            postal_code=event.postal_code,
            postal_town=event.postal_town,
            meeting_point=event.meeting_point,
            accessibility_notes=event.accessibility_notes,
            childcare_offered="on" if event.childcare_offered else "",
            description=event.description,
        )

    events_data = [row(events[0], new_start), row(events[1], timezone.localtime(events[1].start))]
    data = dialogue_data(
        dialogue.round,
        events_data,
        initial=2,
        title=dialogue.title,
        slug=dialogue.slug,
        intro=dialogue.intro,
    )
    url = reverse("wagtailadmin_pages:edit", args=[dialogue.pk])
    response = admin_client.post(url, {**nested_form_data(data), "action-publish": "publish"})
    assert response.status_code == 302, response.context["form"].errors

    walk = DialogueEvent.objects.get(pk=events[0].pk)
    assert (walk.uid, walk.sequence, walk.start) == (events[0].uid, 1, new_start)
    assert DialogueEvent.objects.get(pk=events[1].pk).sequence == 0


def test_a_copied_dialogue_gets_its_own_uids_and_can_be_published(village):
    dialogue = village["dialogue"]
    dialogue.save_revision().publish()
    copy = dialogue.copy(update_attrs={"slug": "kopia", "title": "Kopia"}, keep_live=False)
    originals = set(dialogue.events.values_list("uid", flat=True))
    copies = set(DialogueEvent.objects.filter(dialogue=copy).values_list("uid", flat=True))
    assert len(copies) == 2 and not originals & copies
    # The copy's revision still names the original's uids; publishing it keeps the copy's own.
    DialoguePage.objects.get(pk=copy.pk).latest_revision.publish()
    assert set(DialogueEvent.objects.filter(dialogue=copy).values_list("uid", flat=True)) == copies
    assert set(dialogue.events.values_list("uid", flat=True)) == originals


def test_cancelled_event_stays_in_the_feeds_marked_cancelled(client, village):
    walk = village["walk"]
    cancelled = edit_and_publish(
        village["dialogue"], lambda events: setattr(events[0], "cancelled", True)
    )[WALK]
    assert cancelled.sequence == 1
    for url in (event_url(walk), place_url(village["place"]), ALL_EVENTS):
        event = by_uid(read(client, url))[uid_of(walk)]
        assert str(event["STATUS"]) == "CANCELLED"
        assert event.sequence == 1
        assert event.summary == "Inställt: Förbättringsvandring i Läckeby"
        assert event.description.startswith("Tillfället är inställt.")
    meeting = by_uid(read(client, ALL_EVENTS))[uid_of(village["meeting"])]
    assert str(meeting["STATUS"]) == "CONFIRMED"


# No personal data, no proposals


def test_calendars_hold_no_proposals_and_no_personal_data(client, village):
    marker = "xq8zkw"
    dialogue = village["dialogue"]
    public = make.proposal(
        dialogue,
        title=f"Rubrik-{marker}",
        body=f"Text-{marker}",
        name=f"Namn-{marker}",
        email=f"epost-{marker}@example.org",
        phone=f"070-{marker}",
        display_name=f"Visat-{marker}",
        show_name=True,
    )
    pending = make.proposal(
        dialogue, visibility="pending", title=f"Väntar-{marker}", email=f"b-{marker}@example.org"
    )
    bodies = [
        client.get(url).content.decode()
        for url in (event_url(village["walk"]), place_url(village["place"]), ALL_EVENTS)
    ]
    for body in bodies:
        assert "BEGIN:VEVENT" in body
        assert marker not in body
        for proposal in (public, pending):
            assert proposal.reference not in body
            assert proposal.follow_token not in body
        # The only address is the organizer's: the municipality (staff data, public by choice).
        assert set(re.findall(r"[\w.+-]+@example\.org", body)) == {"kommun@example.org"}
        assert "/forslag/" not in body


# Links on the pages


def test_dialogue_page_links_each_coming_event_to_its_calendar_file(client, village):
    past = factories.event(WALK, soon(-3))
    called_off = factories.event(DIALOGUE, soon(5), cancelled=True)
    coming = factories.event(DIALOGUE, soon(30))
    dialogue = factories.dialogue_with_events(
        village["place"], village["round"], [past, called_off, coming], slug="lankar"
    )
    soup = soup_of(client, dialogue.url)
    links = [
        link for link in soup.select(".event a") if text_of(link).startswith("Lägg till i kalender")
    ]
    # Only the coming event: not the one that is over, not the cancelled one.
    assert len(links) == 1
    assert (
        " ".join(links[0].get_text().split())
        == f"Lägg till i kalender: Dialogmöte {date_filter(coming.start, 'j F')}"
    )
    assert links[0].select_one(".visually-hidden") is not None
    [event] = read(client, links[0]["href"]).events
    assert str(event["UID"]) == uid_of(coming)


def test_village_page_and_dialogue_page_offer_the_village_calendar(client, village):
    place = village["place"]
    for page in (place, village["dialogue"]):
        soup = soup_of(client, page.url)
        [link] = [a for a in soup.select(".follow-box a") if "ortens kalender" in text_of(a)]
        assert text_of(link) == "Prenumerera på ortens kalender (Läckeby)"
        # webcal:// makes phones and computers subscribe instead of downloading once.
        assert link["href"] == f"webcal://testserver{place_url(place)}"
        item = link.find_parent("li")
        assert "Kopiera den här adressen" in text_of(item)
        [address] = item.select("a.calendar-address")
        assert address["href"] == text_of(address) == f"http://testserver{place_url(place)}"
        assert uid_of(village["walk"]) in by_uid(read(client, address["href"]))
        assert item.select_one('a[href="/kalender/hjalp/#prenumerera"]') is not None


def test_home_page_offers_the_calendar_of_all_events(client, village):
    soup = soup_of(client, "/")
    [link] = [a for a in soup.select("a") if "alla vandringar och dialoger" in text_of(a)]
    assert link["href"] == f"webcal://testserver{ALL_EVENTS}"
    [address] = link.find_parent("p").select("a.calendar-address")
    assert address["href"] == f"http://testserver{ALL_EVENTS}"
    assert uid_of(village["walk"]) in by_uid(read(client, address["href"]))


# Query budget


def queries_for(client, url):
    """The number of queries for one request with a cold cache, and the events it lists."""
    response, queries = cold_request(client, url)
    return len(queries), len(Calendar.from_ical(response.content).events)


def test_calendars_cost_the_same_queries_with_2_and_40_events(client, site_tree):
    place = site_tree["place"]
    urls = [place_url(place), ALL_EVENTS, event_url(site_tree["dialogue"].events.first())]
    small = {url: queries_for(client, url) for url in urls}

    villages = [place, factories.place("Påryd"), factories.place("Ruda")]
    for n in range(19):  # two events each: 40 in all, 14 in Läckeby
        factories.dialogue(villages[n % 3], site_tree["round"], slug=f"d{n}", title=f"D {n}")
    large = {url: queries_for(client, url) for url in urls}

    assert [events for _, events in small.values()] == [2, 2, 1]
    assert [events for _, events in large.values()] == [16, 40, 1]
    print(f"\ncalendar queries (2 → 40 events): {[(small[u][0], large[u][0]) for u in urls]}")
    assert [queries for queries, _ in large.values()] == [queries for queries, _ in small.values()]
