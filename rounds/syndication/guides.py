"""Two help pages for people: how to get our events into a calendar (`/kalender/hjalp/`) and
what a news feed is (`/flode/om/`, or `/flode/om/?ort=<slug>` for one village's feed).

The visible "subscribe" links on pages lead here; feed readers find the Atom documents through
`<link rel="alternate">` as before. Both pages are plain Django views on base.html.
"""

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe
from wagtail.models import Site

from places.models import PlacePage
from portal.web.links import absolute_url

from .links import subscription


@require_safe
def calendar_help(request):
    """`/kalender/hjalp/`: adding one event, subscribing, what the Google and Outlook links do."""
    context = {"all_events": subscription(reverse("calendars:all"), request)}
    return render(request, "rounds/syndication/calendar_help.html", context)


def listed_place(request, slug):
    """The live, public village `slug` of the site asked, or 404."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    place = PlacePage.objects.live().public().in_site(site).filter(slug=slug).first()
    if place is None:
        raise Http404
    return place


@require_safe
def feed_help(request):
    """`/flode/om/`: what a feed is and the address to copy, for all villages or `?ort=`."""
    slug = request.GET.get("ort")
    place = listed_place(request, slug) if slug else None
    if place is None:
        feed_path = reverse("site_feed")
    else:
        feed_path = place.get_url(request) + place.reverse_subpage("feed")
    context = {
        "place": place,
        "feed_path": feed_path,
        "feed_url": absolute_url(feed_path, request),
    }
    return render(request, "rounds/syndication/feed_help.html", context)
