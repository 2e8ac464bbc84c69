"""Calendar files: one event to add to a calendar, a village's and all events to subscribe to.

`/kalender/` (all events) and `/kalender/<uid>.ics` (one event) are site URLs (`urls`); a
village's calendar is the `kalender/` route of its page. Only events of live, public dialogues
are served; anything else is 404.
"""

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Site

from home.models import MunicipalitySettings
from portal.web.links import absolute_url, site_host

from .calendars import build_calendar, event_by_uid, events_for_feed, public_dialogues

CONTENT_TYPE = "text/calendar; charset=utf-8"
MAX_AGE = 15 * 60  # a quarter of an hour: a cancellation reaches subscribers soon


def calendar_response(calendar, filename, *, as_attachment=False):
    response = HttpResponse(calendar.to_ical(), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(as_attachment, filename)
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response


def page_url(request):
    """A function giving a dialogue page's absolute address."""
    return lambda page: absolute_url(page.get_url(request), request)


def site_dialogues(request):
    """The live, public dialogues of the site that was asked."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    return public_dialogues().in_site(site)


def organizer_fallback(request):
    """The municipality's (name, email): the organizer of events whose contact has no email."""
    municipality = MunicipalitySettings.for_request(request)
    return municipality.municipality_name, municipality.contact_email


@require_safe
def place_calendar(request, place):
    """`<village>/kalender/`: the village's events of the last year and all coming ones."""
    now = timezone.now()
    municipality = MunicipalitySettings.for_request(request).municipality_name
    calendar = build_calendar(
        events_for_feed(public_dialogues().child_of(place), now),
        page_url(request),
        now,
        name=_("Vandringar och dialogmöten i %(place)s") % {"place": place.title},
        about=_("Förbättringsvandringar och dialogmöten i %(place)s från %(by)s.")
        % {"place": place.title, "by": municipality},
        uid=f"ort-{place.pk}@{site_host()}",
        fallback=organizer_fallback(request),
    )
    return calendar_response(calendar, f"{place.slug}.ics")


@require_safe
def all_events(request):
    """`/kalender/`: every village's events of the last year and all coming ones."""
    now = timezone.now()
    municipality = MunicipalitySettings.for_request(request).municipality_name
    calendar = build_calendar(
        events_for_feed(site_dialogues(request), now),
        page_url(request),
        now,
        name=_("Vandringar och dialogmöten i %(by)s") % {"by": municipality},
        about=_("Alla förbättringsvandringar och dialogmöten i %(by)s.") % {"by": municipality},
        uid=f"alla@{site_host()}",
        fallback=organizer_fallback(request),
    )
    return calendar_response(calendar, "vandringar-och-dialoger.ics")


@require_safe
def one_event(request, uid):
    """`/kalender/<uid>.ics`: one event, to add to a calendar."""
    event = event_by_uid(site_dialogues(request), uid)
    if event is None:
        raise Http404
    calendar = build_calendar(
        [event], page_url(request), timezone.now(), fallback=organizer_fallback(request)
    )
    day = timezone.localtime(event.start).date().isoformat()
    place = event.dialogue.place.title if event.dialogue.place else ""
    filename = slugify(f"{event.display_title} {place} {day}") + ".ics"
    return calendar_response(calendar, filename, as_attachment=True)
