"""Seed the whole demo: settings, snippets, site pages, villages, the schedule and proposals."""

import math

from django.db import transaction
from wagtail.models import Site

from home.models import MunicipalitySettings, StandardPage
from places.models import PlaceIndexPage, PlacePage
from rounds.models import AnswerTemplate, ContactPerson, Department, RoundIndexPage, Theme

from .content import site_pages
from .content.snippets import ANSWER_TEMPLATES, CONTACTS, DEPARTMENTS, THEMES
from .content.stream import facts, paragraphs
from .content.villages import POPULATION_YEAR, SCENE_ALT, VILLAGES
from .ensure import ensure_image, ensure_page
from .proposals import seed_proposals
from .schedule import seed_rounds

KALMAR = (56.6634, 16.3568)


@transaction.atomic
def seed(today):
    """Fill the default site with the demo; objects that already exist are left as they are."""
    site = Site.objects.select_related("root_page").get(is_default_site=True)
    home = site.root_page.specific
    seed_snippets()
    places = ensure_page(
        home,
        PlaceIndexPage,
        "orter",
        title="Orter",
        intro=site_pages.PLACES_INTRO,
        show_in_menus=True,
    )
    rounds = ensure_page(
        home,
        RoundIndexPage,
        "omgangar",
        title="Omgångar",
        intro=site_pages.ROUNDS_INTRO,
        show_in_menus=True,
    )
    about = ensure_standard_page(home, site_pages.ABOUT, show_in_menus=True)
    accessibility = ensure_standard_page(home, site_pages.accessibility(today))
    privacy = ensure_standard_page(home, site_pages.PRIVACY)
    easy_read = ensure_standard_page(home, site_pages.EASY_READ)
    update_home(home, about)
    update_settings(site, accessibility, privacy, easy_read)
    villages = {village.slug: ensure_village(places, village) for village in VILLAGES}
    seed_rounds(rounds, villages, today)
    seed_proposals(rounds)


def seed_snippets():
    for order, (name, description) in enumerate(THEMES, start=1):
        Theme.objects.get_or_create(
            name=name, defaults={"description": description, "sort_order": order * 10}
        )
    for name, kind, description, website in DEPARTMENTS:
        Department.objects.get_or_create(
            name=name, defaults={"kind": kind, "description": description, "website": website}
        )
    for name, role, phone, email in CONTACTS:
        ContactPerson.objects.get_or_create(
            name=name, defaults={"role": role, "phone": phone, "email": email}
        )
    for order, (name, status, text) in enumerate(ANSWER_TEMPLATES, start=1):
        AnswerTemplate.objects.get_or_create(
            name=name, defaults={"status": status, "text": text, "sort_order": order * 10}
        )


def ensure_standard_page(home, content, **extra):
    return ensure_page(
        home,
        StandardPage,
        content["slug"],
        title=content["title"],
        intro=content["intro"],
        body=content["body"],
        **extra,
    )


def update_home(home, about):
    """Give the home page from the migration its demo texts, unless an editor has saved it."""
    if home.latest_revision_id is not None:
        return
    home.title = home.draft_title = "Ortsdialog"
    home.intro = site_pages.HOME_INTRO
    home.method_heading = "Så går en utvecklingsdialog till"
    home.method_text = site_pages.home_method_text(about.pk)
    home.save_revision().publish()


def update_settings(site, accessibility, privacy, easy_read):
    """Fill in the settings that are still empty or at their default."""
    settings = MunicipalitySettings.for_site(site)
    defaults = {
        "municipality_name": ("Kommunen", "Kalmar kommun"),
        "contact_email": ("", site_pages.EMAIL),
        "contact_phone": ("", site_pages.PHONE),
        "accessibility_page_id": (None, accessibility.pk),
        "privacy_page_id": (None, privacy.pk),
        "easy_read_page_id": (None, easy_read.pk),
    }
    missing = {
        name: value for name, (empty, value) in defaults.items() if getattr(settings, name) == empty
    }
    if missing:
        for name, value in missing.items():
            setattr(settings, name, value)
        settings.save()


def distance_km(latitude, longitude):
    """Distance as the crow flies to central Kalmar (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*KALMAR, float(latitude), float(longitude)))
    a = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 6371 * 2 * math.asin(math.sqrt(a))


def village_facts(village):
    """Location facts; the population is a page field and shown by the template already."""
    distance = round(distance_km(village.latitude, village.longitude))
    return facts(
        [
            ("Läge", village.direction[0].upper() + village.direction[1:]),
            ("Avstånd till Kalmar centrum", f"Cirka {distance} km fågelvägen"),
            *village.facts,
        ],
        title="I korthet",
    )


def ensure_village(index, village):
    image = ensure_image(
        title=f"{village.name} – illustration",
        description=f"Illustration av landskapet vid {village.name}: {SCENE_ALT[village.scene]}.",
        seed=village.slug,
        scene=village.scene,
    )
    return ensure_page(
        index,
        PlacePage,
        village.slug,
        title=village.name,
        intro=village.intro,
        body=[paragraphs(*village.paragraphs), village_facts(village)],
        population=village.population,
        population_year=POPULATION_YEAR,
        hero_image=image,
        latitude=village.latitude,
        longitude=village.longitude,
        tags=village.tags,
    )
