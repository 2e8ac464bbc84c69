"""iCalendar (RFC 5545) for walks and dialogues, built with the `icalendar` library.

Every DialogueEvent keeps one UID for life (`<event.uid>@<site host>`) and its SEQUENCE grows
when its time, place or cancellation changes (DialogueEvent.save), so a calendar app updates
the entry it has instead of adding another. Cancelled events stay in the feeds, marked
CANCELLED, so that subscribed calendars learn about it. Times are local (Europe/Stockholm) with
a VTIMEZONE written out here (`timezones`), since the library's own puts the spring change an
hour late. ORGANIZER is the dialogue's contact person, else the municipality: staff data that
is public by choice. Only what the public page shows goes in: no proposals, no residents' data.
"""

from datetime import timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vDuration

from portal.web.links import site_host

from ..models import DialogueEvent, DialoguePage
from ..pages.tree import attach_places
from .timezones import add_timezone

PRODID = "-//Ortsdialog//Kalender//SV"
# How often a subscribed calendar should fetch the feed again.
REFRESH_INTERVAL = timedelta(hours=12)
# How far back a subscribed calendar keeps past events; future events are always in.
KEEP_PAST = timedelta(days=365)

Kind = DialogueEvent.Kind


def local_zone():
    return ZoneInfo(settings.TIME_ZONE)


# Selection: events of live, public dialogues; the caller narrows `dialogues` further.


def public_dialogues():
    return DialoguePage.objects.live().public()


def _events(dialogues):
    return (
        DialogueEvent.objects.filter(dialogue__in=dialogues)
        .select_related("dialogue__contact")
        .defer("dialogue__body", "dialogue__summary")
        .order_by("start", "pk")
    )


def events_for_feed(dialogues, now):
    """The events of `dialogues` that end after `now` less a year, each with `dialogue.place`."""
    events = list(_events(dialogues).filter(end__gte=now - KEEP_PAST))
    attach_places(event.dialogue for event in events)
    return events


def event_by_uid(dialogues, uid):
    """The event with this UUID among `dialogues`, with `dialogue.place`, or None."""
    event = _events(dialogues).filter(uid=uid).first()
    if event is not None:
        attach_places([event.dialogue])
    return event


# What a resident reads in the calendar entry.


def summary(event):
    """E.g. "Förbättringsvandring i Läckeby", with "Inställt:" first when cancelled."""
    place = event.dialogue.place
    text = event.display_title
    if place is not None:
        text = _("%(event)s i %(place)s") % {"event": text, "place": place.title}
    if event.cancelled:
        text = _("Inställt: %(event)s") % {"event": text}
    return text


def location(event):
    """The address on one line, then where to meet."""
    if event.meeting_point:
        return _("%(address)s (samlingsplats: %(meeting_point)s)") % {
            "address": event.address,
            "meeting_point": event.meeting_point,
        }
    return event.address


def what_it_is(event):
    """One or two sentences on what happens at this kind of event."""
    place = event.dialogue.place.title if event.dialogue.place else _("orten")
    if event.kind == Kind.WALK:
        text = _(
            "På förbättringsvandringen går invånare och tjänstepersoner från kommunen runt i "
            "%(place)s tillsammans och antecknar vad som kan bli bättre, på kort och lång sikt."
        )
    elif event.kind == Kind.DIALOGUE:
        text = _(
            "På dialogmötet berättar politiker och tjänstepersoner vad som har hänt "
            "sedan sist. Sedan samtalar invånarna i grupper om service, trygghet och hur fler "
            "ska vilja bo i %(place)s."
        )
    else:
        text = _("Ett tillfälle i utvecklingsdialogen med %(place)s.")
    return text % {"place": place}


def description(event, page_url):
    """What the event is, the editor's description, meeting point, accessibility, childcare."""
    lines = []
    if event.cancelled:
        lines.append(_("Tillfället är inställt."))
    lines.append(what_it_is(event))
    if event.description:
        lines.append(event.description)
    if event.meeting_point:
        lines.append(_("Samlingsplats: %(place)s") % {"place": event.meeting_point})
    if event.accessibility_notes:
        lines.append(_("Tillgänglighet: %(notes)s") % {"notes": event.accessibility_notes})
    lines.append(
        _("Barnpassning: ja, barnpassning finns under tiden.")
        if event.childcare_offered
        else _("Barnpassning: nej.")
    )
    lines.append(_("Mer information och förslag: %(url)s") % {"url": page_url})
    return "\n\n".join(lines)


def organizer(event, fallback):
    """ORGANIZER: the dialogue's contact with an email, else `fallback` (name, email), or None."""
    contact = event.dialogue.contact
    name, email = (contact.name, contact.email) if contact and contact.email else fallback
    if not email:
        return None
    address = vCalAddress(f"mailto:{email}")
    address.params["CN"] = name
    return address


def vevent(event, page_url, stamp, fallback=("", "")):
    """One VEVENT for `event`; `page_url` is the absolute address of its dialogue page.

    `fallback` is the municipality's (name, email), the organizer when the dialogue's contact
    has no email.

    The stamp is when the dialogue was last published, as RFC 5545 reads DTSTAMP in a calendar
    without a METHOD, so that the same calendar reads the same and a conditional GET can answer
    304; `stamp` stands in for a dialogue never published."""
    zone = local_zone()
    component = Event.new(
        uid=f"{event.uid}@{site_host()}",
        sequence=event.sequence,
        stamp=event.dialogue.last_published_at or stamp,
        start=event.start.astimezone(zone),
        end=event.end.astimezone(zone),
        summary=summary(event),
        location=location(event),
        description=description(event, page_url),
        url=page_url,
        status="CANCELLED" if event.cancelled else "CONFIRMED",
    )
    if event.dialogue.last_published_at:
        component.last_modified = event.dialogue.last_published_at
    address = organizer(event, fallback)
    if address is not None:
        component.add("ORGANIZER", address)
    return component


def build_calendar(events, page_url, stamp, *, name=None, about=None, uid=None, fallback=("", "")):
    """A VCALENDAR to publish: `events`, `page_url(dialogue)` gives each dialogue's address.

    `name`, `about` and a stable `uid` are for a feed to subscribe to; one event needs none.
    `fallback` is the organizer (name, email) of events whose dialogue has no contact email.
    The VTIMEZONE is always there, so a calendar without events is still valid (RFC 5545 asks
    for at least one component).
    """
    calendar = Calendar.new(
        prodid=PRODID,
        calscale="GREGORIAN",
        method="PUBLISH",
        name=name,
        description=about,
        uid=uid,
    )
    calendar.add("X-WR-TIMEZONE", settings.TIME_ZONE)
    if name:
        # RFC 7986 requires VALUE=DURATION on REFRESH-INTERVAL; strict parsers refuse it without.
        calendar.add(
            "REFRESH-INTERVAL", vDuration(REFRESH_INTERVAL), parameters={"VALUE": "DURATION"}
        )
        calendar.add("X-PUBLISHED-TTL", vDuration(REFRESH_INTERVAL))
    if uid is None:
        del calendar["UID"]  # a random one would differ on every download
    starts = [event.start.astimezone(local_zone()) for event in events] or [stamp]
    ends = [event.end.astimezone(local_zone()) for event in events] or [stamp]
    add_timezone(calendar, settings.TIME_ZONE, min(starts).year, max(ends).year)
    for event in events:
        calendar.add_component(vevent(event, page_url(event.dialogue), stamp, fallback))
    return calendar
