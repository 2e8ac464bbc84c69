"""Paper for every household: the summary's contact block with a QR code, the summary in large
print, and an A6 "kom ihåg"-kort with the coming events.

Many residents read the summary on paper, so the printed sheet must say whom to call and where
the page is online. The QR code is drawn here with segno, so printing asks no other server.
"""

import segno
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.web.links import absolute_url

CARD_EVENTS = 2  # what fits on an A6 card at a readable size; the rest are on the web


def qr_code(url):
    """A PNG data URI of a QR code for `url`: an image in the PDF, allowed by img-src data:."""
    return segno.make(url, error="m").png_data_uri(scale=8, border=2)


def print_context(page, request):
    """The page's full address and its QR code, for the printed contact block."""
    url = absolute_url(page.get_url(request), request)
    return {"print_url": url, "print_qr": qr_code(url)}


def coming_events(page, now=None):
    """The dialogue's events not yet over and not cancelled, in order (events are loaded once)."""
    now = now or timezone.now()
    return [e for e in page.ordered_events if not e.cancelled and e.end > now]


def large_print(request, page):
    """The published summary alone in large print (body 16 pt); 404 until it is published."""
    if not page.summary_is_published():
        raise Http404(_("Sammanställningen är inte publicerad ännu."))
    context = page.get_context(request)
    context.update(print_context(page, request))
    return TemplateResponse(request, "rounds/print/large_summary.html", context)


def reminder_card(request, page):
    """An A6 card to put on the fridge: when and where, childcare, contact and the QR code."""
    context = page.get_context(request)
    context.update(print_context(page, request))
    events = coming_events(page)
    context["coming_events"] = events[:CARD_EVENTS]
    context["more_events"] = len(events) > CARD_EVENTS
    return TemplateResponse(request, "rounds/print/reminder_card.html", context)
