"""Atom feeds: what is new in one village, or in all of them, for a feed reader.

`<ort>/flode/` (PlacePage's `feed` route) and `/flode/` (the whole site) list new dialogues
with the dates of their walk and meeting, published summaries, and public status changes of
proposals, newest first. Only public data goes in: public titles and messages, the
responsible body, the municipality as author; never a resident's or a case officer's details.

Entry ids are tag URIs (RFC 4151) made of the site's host name and database ids, so an entry
keeps its identity when a title or an address changes.
"""

from dataclasses import dataclass
from datetime import datetime, time

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format
from django.utils.html import linebreaks
from django.utils.translation import gettext as _

from home.models import MunicipalitySettings
from portal.web.links import site_host

from ..pages.tree import attach_places
from .queries import news_of

MAX_ENTRIES = 50
MAX_AGE = 15 * 60  # seconds a browser or proxy may keep a feed
TAG_DATE = "2026"  # the year the site started to issue these ids (part of every tag URI)
SUMMARY_ANCHOR = "#summary-heading"  # the summary section on the dialogue page


@dataclass(frozen=True)
class Entry:
    """One entry, ready to write: `summary` is escaped HTML."""

    id: str
    title: str
    link: str
    summary: str
    published: datetime
    updated: datetime


@dataclass(frozen=True)
class FeedContent:
    """What one feed says: its heading, where it belongs, and its entries."""

    id: str
    title: str
    subtitle: str
    link: str
    author: str
    entries: list[Entry]


def tag_uri(specific):
    """A stable id, e.g. "tag:ortsdialog.example.se,2026:dialog-12"."""
    return f"tag:{site_host()},{TAG_DATE}:{specific}"


def paragraphs(*texts):
    """The non-empty texts as escaped HTML paragraphs."""
    return linebreaks("\n\n".join(text for text in texts if text), autoescape=True)


def when(moment):
    local = timezone.localtime(moment)
    return _("%(day)s kl. %(time)s") % {
        "day": date_format(local, "l j F Y"),
        "time": date_format(local, "H.i"),
    }


def start_of(day):
    return timezone.make_aware(datetime.combine(day, time.min))


def event_line(event):
    """E.g. "Förbättringsvandring: tisdag 12 maj 2026 kl. 18.00, Bygdegården, Byvägen 1."."""
    if event is None:
        return ""
    values = {"kind": event.get_kind_display(), "when": when(event.start), "where": event.address}
    if event.cancelled:
        return _("%(kind)s: %(when)s. Inställd.") % values
    return _("%(kind)s: %(when)s, %(where)s.") % values


class EntryBuilder:
    """Turns dialogues and updates into entries; on the site feed titles name the village."""

    def __init__(self, request, name_places):
        self.request = request
        self.name_places = name_places

    def titled(self, title, dialogue):
        if not self.name_places:
            return title
        return _("%(place)s: %(title)s") % {"place": dialogue.place.title, "title": title}

    def new_dialogue(self, dialogue):
        walk, meeting = dialogue.walk, dialogue.meeting
        dates = [event_line(walk), event_line(meeting)]
        if not (walk or meeting):
            dates = [_("Datum för vandringen och dialogmötet är inte bestämda ännu.")]
        return Entry(
            id=tag_uri(f"dialog-{dialogue.pk}"),
            # The dialogue's title names its village already (DialoguePage.save).
            title=_("Ny dialog: %(title)s") % {"title": dialogue.title},
            link=dialogue.get_url(self.request),
            summary=paragraphs(dialogue.intro, *dates),
            published=dialogue.first_published_at,
            updated=dialogue.last_published_at or dialogue.first_published_at,
        )

    def summary(self, dialogue):
        published = start_of(dialogue.summary_published_at)
        fallback = _("Sammanställningen från %(title)s är publicerad.") % {"title": dialogue.title}
        return Entry(
            id=tag_uri(f"dialog-{dialogue.pk}-sammanstallning"),
            title=_("Sammanställning: %(title)s") % {"title": dialogue.title},
            link=dialogue.get_url(self.request) + SUMMARY_ANCHOR,
            summary=paragraphs(dialogue.summary_intro or fallback),
            published=published,
            updated=published,
        )

    def status_change(self, update):
        proposal = update.proposal
        status = update.get_status_display()
        facts = [_("Ny status: %(status)s") % {"status": status}, update.public_message]
        if update.responsible:
            facts.append(_("Ansvarig: %(name)s") % {"name": update.responsible.name})
        if update.progress_step:
            facts.append(_("Steg i genomförandet: %(step)s") % {"step": update.progress_step.name})
        if update.progress_percent is not None:
            facts.append(
                _("Så mycket är klart: %(percent)d %%") % {"percent": update.progress_percent}
            )
        if update.planned_date:
            facts.append(_("Planerat: %(day)s") % {"day": date_format(update.planned_date)})
        elif update.planned_date_unknown_reason:
            reason = update.planned_date_unknown_reason
            facts.append(_("Planerat: datum inte bestämt. %(reason)s") % {"reason": reason})
        title = _("%(reference)s %(title)s: %(status)s") % {
            "reference": proposal.reference,
            "title": proposal.public_title,
            "status": status,
        }
        return Entry(
            id=tag_uri(f"uppdatering-{update.pk}"),
            title=self.titled(title, proposal.dialogue),
            link=proposal.get_public_url(self.request),
            summary=paragraphs(*facts),
            published=update.created_at,
            updated=update.created_at,
        )


def entries(request, place=None):
    """The newest public news of `place`, or of every village when `place` is None."""
    dialogues, summaries, updates = news_of(timezone.localdate(), place)
    all_dialogues = [*dialogues, *summaries, *(update.proposal.dialogue for update in updates)]
    if place is None:
        attach_places(all_dialogues)
    else:
        for dialogue in all_dialogues:
            dialogue.place = place
    build = EntryBuilder(request, name_places=place is None)
    found = [
        *map(build.new_dialogue, dialogues),
        *map(build.summary, summaries),
        *map(build.status_change, updates),
    ]
    found.sort(key=lambda entry: entry.published, reverse=True)
    return found[:MAX_ENTRIES]


class NewsFeed(Feed):
    """An Atom feed of the `FeedContent` that `get_object` gathers for each request."""

    feed_type = Atom1Feed

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        patch_cache_control(response, public=True, max_age=MAX_AGE)
        return response

    def municipality(self, request):
        return MunicipalitySettings.for_request(request).municipality_name

    def feed_guid(self, content):
        return content.id

    def title(self, content):
        return content.title

    def subtitle(self, content):
        return content.subtitle

    def link(self, content):
        return content.link

    def author_name(self, content):
        return content.author

    def items(self, content):
        return content.entries

    def item_guid(self, entry):
        return entry.id

    def item_title(self, entry):
        return entry.title

    def item_link(self, entry):
        return entry.link

    def item_description(self, entry):
        return entry.summary

    def item_pubdate(self, entry):
        return entry.published

    def item_updateddate(self, entry):
        return entry.updated


class PlaceFeed(NewsFeed):
    def get_object(self, request, place):
        municipality = self.municipality(request)
        return FeedContent(
            id=tag_uri(f"ort-{place.pk}"),
            title=_("%(place)s – %(site)s (%(municipality)s)")
            % {
                "place": place.title,
                "site": settings.WAGTAIL_SITE_NAME,
                "municipality": municipality,
            },
            subtitle=_("Nya dialoger, sammanställningar och svar på förslag i %(place)s.")
            % {"place": place.title},
            link=place.get_url(request),
            author=municipality,
            entries=entries(request, place),
        )


class SiteFeed(NewsFeed):
    def get_object(self, request):
        municipality = self.municipality(request)
        return FeedContent(
            id=tag_uri("alla-orter"),
            title=_("Alla orter – %(site)s (%(municipality)s)")
            % {"site": settings.WAGTAIL_SITE_NAME, "municipality": municipality},
            subtitle=_("Nya dialoger, sammanställningar och svar på förslag i alla orter."),
            link="/",
            author=municipality,
            entries=entries(request),
        )


_place_feed = PlaceFeed()
site_feed = SiteFeed()


def place_feed(request, place):
    """The `flode/` route of a village page."""
    return _place_feed(request, place)
