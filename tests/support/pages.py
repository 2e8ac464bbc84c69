"""Small builders for test content: a site tree with as many villages and dialogues as needed.

Imported everywhere as `from tests.support import pages as factories`.
"""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Page, Site

from home.models import HomePage, MunicipalitySettings, StandardPage
from places.models import PlaceIndexPage, PlacePage
from rounds.models import DialogueEvent, DialoguePage, RoundIndexPage, RoundPage
from tests.support.images import image_file


def in_days(days):
    """Now, on the second, moved `days` days (back when negative)."""
    return timezone.now().replace(microsecond=0) + timedelta(days=days)


def home_page():
    """The default site's home page, created (with the tree root) when missing."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site and isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
    home = root.add_child(instance=HomePage(title="Ortsdialog", slug="start", intro="Välkommen."))
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Test"},
    )
    return home


def standard_page(parent=None, **fields):
    fields.setdefault("title", "Om utvecklingsdialogerna")
    fields.setdefault("intro", "Så går det till.")
    return (parent or home_page()).add_child(instance=StandardPage(**fields))


def place_index(home=None):
    existing = PlaceIndexPage.objects.first()
    if existing:
        return existing
    return (home or home_page()).add_child(
        instance=PlaceIndexPage(title="Orter", slug="orter", intro="Alla orter.")
    )


def round_index(home=None):
    existing = RoundIndexPage.objects.first()
    if existing:
        return existing
    return (home or home_page()).add_child(
        instance=RoundIndexPage(title="Omgångar", slug="omgangar", intro="Alla omgångar.")
    )


def place(title="Läckeby", **fields):
    fields.setdefault("intro", f"{title} är en ort norr om staden.")
    fields.setdefault("population", 943)
    fields.setdefault("population_year", 2019)
    return place_index().add_child(instance=PlacePage(title=title, **fields))


def round_page(title="Omgång 2026–2027", **fields):
    today = timezone.localdate()
    fields.setdefault("start_date", today - timedelta(days=200))
    fields.setdefault("end_date", today + timedelta(days=500))
    return round_index().add_child(instance=RoundPage(title=title, **fields))


def event(kind, start, hours=2, **fields):
    """An unsaved event of `kind` starting at `start`."""
    fields.setdefault("venue_name", "Bygdegården")
    fields.setdefault("street_address", "Byvägen 1")
    fields.setdefault("postal_code", "388 98")
    fields.setdefault("postal_town", "Läckeby")
    return DialogueEvent(kind=kind, start=start, end=start + timedelta(hours=hours), **fields)


def dialogue(place_page, round_page, walk_in_days=10, meeting_in_days=20, extra_events=0, **fields):
    """A published dialogue with a walk and a meeting this many days from now."""
    now = in_days(0)
    events = [
        event(DialogueEvent.Kind.WALK, now + timedelta(days=walk_in_days)),
        event(DialogueEvent.Kind.DIALOGUE, now + timedelta(days=meeting_in_days)),
    ]
    events += [
        event(DialogueEvent.Kind.OTHER, now + timedelta(days=walk_in_days + n), title="Öppet hus")
        for n in range(1, extra_events + 1)
    ]
    fields.setdefault("title", f"Utvecklingsdialog {round_page.start_date.year}")
    fields.setdefault("intro", "Välkommen att vara med.")
    return place_page.add_child(instance=DialoguePage(round=round_page, events=events, **fields))


def municipality_settings(**fields):
    fields.setdefault("municipality_name", "Testkommun")
    fields.setdefault("contact_email", "kommun@example.org")
    fields.setdefault("contact_phone", "0480-45 00 00")
    site = Site.objects.get(is_default_site=True)
    settings, _ = MunicipalitySettings.objects.update_or_create(site=site, defaults=fields)
    return settings


def dialogue_with_events(place_page, round_page, events, **fields):
    """A published dialogue with exactly these (unsaved) events; `events` may be empty."""
    fields.setdefault("title", f"Utvecklingsdialog i {place_page.title}")
    fields.setdefault("intro", "Välkommen att vara med.")
    return place_page.add_child(
        instance=DialoguePage(round=round_page, events=list(events), **fields)
    )


def portal_image(title="Bygdegården", **fields):
    """An image with its required alternative text, stored in the test storage."""
    from home.models import PortalImage

    fields.setdefault("description", f"{title} en sommardag.")
    return PortalImage.objects.create(title=title, file=image_file(), **fields)


def other_site(hostname="annan.example.org"):
    """A second site with its own home page beside the default one: a separate tree."""
    root = Page.get_first_root_node()
    other_home = root.add_child(
        instance=StandardPage(title="Annan webbplats", slug="annan", intro="En annan webbplats.")
    )
    Site.objects.create(hostname=hostname, port=80, root_page=other_home, site_name="Annan")
    return other_home
