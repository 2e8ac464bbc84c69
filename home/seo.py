"""What search engines and link previews read about a page: its description, canonical address,
Open Graph tags and robots.txt. Kept in Python so the templates only print the result.

The base layer knows no higher app, so sub-pages are recognised by what their view put in the
context (a `proposal`, a list's `results`, the form's `closes`) and pages may add structured data
through a `structured_data(request)` method of their own.
"""

import json

from django.http import HttpResponse
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from portal.web.links import absolute_url

DESCRIPTION_LENGTH = 160
OG_IMAGE_FILTER = "fill-1200x630"

# Routes that belong to one resident or one address: nothing for a search engine.
PRIVATE_PREFIXES = ("/admin/", "/mitt-forslag/", "/bevaka/", "/e-post/")

FALLBACKS = {
    "home.homepage": "Följ utvecklingsdialogerna i kommunens orter: när vandringar och dialogmöten "
    "är, lämna förslag och se vad som händer med dem.",
    "home.standardpage": "Information om utvecklingsdialogerna i kommunens orter.",
    "places.placeindexpage": "Alla orter med utvecklingsdialoger: nästa vandring, nästa dialogmöte "
    "och invånarnas förslag.",
    "places.placepage": "Om orten {title}: kommande tillfällen, dialoger och invånarnas förslag.",
    "rounds.roundindexpage": "Alla omgångar av utvecklingsdialoger och när varje ort får besök.",
    "rounds.roundpage": "{title}: vilka orter som får besök och när.",
    "rounds.dialoguepage": "{title}: förbättringsvandring, dialogmöte och förslag från invånarna.",
}
DEFAULT_FALLBACK = "Utvecklingsdialoger med kommunens orter: datum, förslag och uppföljning."


def trimmed(text, length=DESCRIPTION_LENGTH):
    """`text` on one line, cut at a word to at most `length` characters."""
    return Truncator(" ".join(str(text).split())).chars(length, truncate="…")


def description(context):
    """The meta description: the sub-page's own, the editor's, the intro, or the type's."""
    page, proposal = context.get("page"), context.get("proposal")
    if proposal is not None and hasattr(proposal, "public_title"):
        return trimmed(
            _("Förslag %(reference)s: %(title)s. Status: %(status)s.")
            % {
                "reference": proposal.reference,
                "title": proposal.public_title,
                "status": proposal.get_status_display(),
            }
        )
    if page is None or not hasattr(page, "specific_class"):
        return DEFAULT_FALLBACK
    if "results" in context and "tally" in context:
        return trimmed(
            _("Invånarnas förslag för %(title)s och vad som har hänt med varje förslag.")
            % {"title": page.title}
        )
    if "closes" in context:
        return trimmed(
            _("Lämna ett förslag till %(title)s: vad kan bli bättre i orten?")
            % {"title": page.title}
        )
    own = getattr(page, "search_description", "") or getattr(page, "intro", "")
    if own:
        return trimmed(own)
    label = page.specific_class._meta.label_lower if page.specific_class else ""
    return trimmed(FALLBACKS.get(label, DEFAULT_FALLBACK).format(title=page.title))


def canonical_url(request, page=None):
    """The address itself without its query: filtered or paginated lists name the plain list.

    On a page it is on the site's own root URL (Wagtail's Site), whatever Host was asked for.
    """
    parts = page.get_url_parts(request) if hasattr(page, "get_url_parts") else None
    if parts and parts[1]:
        return parts[1].rstrip("/") + request.path
    return absolute_url(request.path, request)


def og_image(page):
    """The page's hero image as an absolute rendition URL and its alt text, or None."""
    image = getattr(page, "hero_image", None)
    if image is None:
        return None
    rendition = image.get_rendition(OG_IMAGE_FILTER)
    return {"url": rendition.full_url, "alt": image.description}


def json_ld(data):
    """`data` as JSON that cannot close the script element it is printed in."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def robots_txt(request):
    """Everything may be crawled except the admin and the private links; the sitemap is named."""
    lines = ["User-agent: *", *(f"Disallow: {prefix}" for prefix in PRIVATE_PREFIXES)]
    lines += ["", f"Sitemap: {absolute_url('/sitemap.xml', request)}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
