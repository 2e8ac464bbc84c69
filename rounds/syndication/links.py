"""Links that put our events into a resident's calendar: subscribe (webcal://), Google, Outlook.

`webcal://` makes a phone or a computer offer "subscribe" instead of downloading a file once;
the https address beside it is for copying into Google Calendar or Outlook on the web, which do
not take webcal. The Google and Outlook links are plain addresses carrying the event's title,
time (UTC), place and page: nothing is fetched from those services until a resident clicks.
"""

from dataclasses import dataclass
from datetime import UTC
from urllib.parse import urlencode, urlsplit, urlunsplit

from django.urls import reverse
from django.utils.translation import gettext as _

from portal.web.links import absolute_url

GOOGLE = "https://calendar.google.com/calendar/render"
OUTLOOK = "https://outlook.live.com/calendar/0/deeplink/compose"


@dataclass(frozen=True)
class Subscription:
    """One calendar to subscribe to: `webcal` to click, `https` to copy."""

    webcal: str
    https: str


@dataclass(frozen=True)
class EventLinks:
    """Ways to put one event in a calendar: the .ics file, Google Calendar, Outlook."""

    ics: str
    google: str
    outlook: str


def subscription(path, request):
    """The calendar at `path` as a webcal:// address and as the address to copy."""
    https = absolute_url(path, request)
    webcal = urlunsplit(("webcal", *urlsplit(https)[1:]))
    return Subscription(webcal=webcal, https=https)


def event_text(event, place):
    """The entry's title, e.g. "Förbättringsvandring i Läckeby"."""
    if place is None:
        return event.display_title
    return _("%(event)s i %(place)s") % {"event": event.display_title, "place": place.title}


def event_details(page_url):
    return _("Mer information och förslag: %(url)s") % {"url": page_url}


def google_url(event, place, page_url):
    stamp = "%Y%m%dT%H%M%SZ"
    dates = f"{event.start.astimezone(UTC):{stamp}}/{event.end.astimezone(UTC):{stamp}}"
    query = {
        "action": "TEMPLATE",
        "text": event_text(event, place),
        "dates": dates,
        "location": event.address,
        "details": event_details(page_url),
    }
    return f"{GOOGLE}?{urlencode(query)}"


def outlook_url(event, place, page_url):
    stamp = "%Y-%m-%dT%H:%M:%SZ"
    query = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": event_text(event, place),
        "startdt": f"{event.start.astimezone(UTC):{stamp}}",
        "enddt": f"{event.end.astimezone(UTC):{stamp}}",
        "location": event.address,
        "body": event_details(page_url),
    }
    return f"{OUTLOOK}?{urlencode(query)}"


def event_links(event, dialogue, place, request):
    """The three links for `event` of `dialogue` in the village `place` (None if unknown)."""
    page_url = absolute_url(dialogue.get_url(request), request)
    return EventLinks(
        ics=reverse("calendars:event", args=[event.uid]),
        google=google_url(event, place, page_url),
        outlook=outlook_url(event, place, page_url),
    )
