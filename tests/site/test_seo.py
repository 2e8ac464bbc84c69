"""What search engines and link previews see: descriptions, canonical links, Open Graph,
robots.txt, the sitemap and the dialogue's events as schema.org JSON-LD."""

import json
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from rounds.models import DialogueEvent
from tests.support import pages as factories
from tests.support.crawl import sitemap_locations
from tests.support.proposals import proposal

pytestmark = pytest.mark.usefixtures("clear_cache")


def head(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    soup = BeautifulSoup(response.content, "html.parser")
    meta = {
        tag.get("name") or tag.get("property"): tag["content"]
        for tag in soup.head.find_all("meta", content=True)
    }
    canonical = [link["href"] for link in soup.head.find_all("link", rel="canonical")]
    scripts = [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]
    return meta, canonical, scripts, response.content.decode()


PAGE_KEYS = ["home", "places", "place", "rounds", "round", "dialogue", "standard"]


@pytest.mark.parametrize("key", PAGE_KEYS)
def test_every_page_has_a_description_canonical_link_and_open_graph(client, site_tree, key):
    page = site_tree[key]
    meta, canonical, _, _ = head(client, page.url)
    full_url = page.get_full_url()
    assert canonical == [full_url]
    assert 0 < len(meta["description"]) <= 160
    assert meta["og:description"] == meta["description"]
    assert meta["og:title"] == page.title
    assert (meta["og:url"], meta["og:type"]) == (full_url, "website")
    assert (meta["og:site_name"], meta["og:locale"]) == ("Testkommun", "sv_SE")
    assert "og:image" not in meta  # none of these pages has a hero image


def test_description_prefers_the_editors_then_the_intro_cut_at_a_word(client, site_tree):
    place = site_tree["place"]
    place.intro = "Läckeby ligger vid kusten. " + "Här finns skola, affär och en bygdegård. " * 8
    place.save_revision().publish()
    description = head(client, place.url)[0]["description"]
    assert description.startswith("Läckeby ligger vid kusten.") and description.endswith("…")
    assert len(description) <= 160
    assert description[:-1].split()[-1] in place.intro.split()  # cut between words

    place.search_description = "Allt om Läckeby på en sida."
    place.save_revision().publish()
    assert head(client, place.url)[0]["description"] == "Allt om Läckeby på en sida."


def test_a_page_without_intro_gets_a_fallback_for_its_type(client, site_tree):
    page = site_tree["standard"]
    page.intro = ""
    page.save_revision().publish()
    meta = head(client, page.url)[0]
    assert meta["description"] == "Information om utvecklingsdialogerna i kommunens orter."


def test_filtered_and_paginated_lists_point_to_the_plain_list(client, site_tree):
    url = site_tree["dialogue"].url + "forslag/"
    meta, canonical, scripts, _ = head(client, url + "?status=done&sida=2")
    assert canonical == [site_tree["dialogue"].get_full_url() + "forslag/"]
    assert meta["og:url"] == canonical[0]
    assert "Invånarnas förslag" in meta["description"]
    assert scripts == []  # the events belong to the dialogue page, not its lists


def test_a_proposal_is_described_by_its_title_and_status_never_its_proposer(client, site_tree):
    item = proposal(
        site_tree["dialogue"],
        name="Greta Gömd",
        email="greta@example.org",
        phone="070-123 45 67",
        public_title="Belysning vid busshållplatsen",
    )
    url = item.get_public_url()
    meta, canonical, _, html = head(client, url)
    assert canonical == ["http://localhost" + url]
    assert meta["description"] == (
        f"Förslag {item.reference}: Belysning vid busshållplatsen. Status: Mottaget."
    )
    assert meta["og:type"] == "article"
    head_html = html.split("</head>")[0]
    for private in ("Greta", "greta@example.org", "070-123 45 67"):
        assert private not in head_html


def test_the_village_hero_image_is_the_preview_image(client, site_tree):
    place = site_tree["place"]
    place.hero_image = factories.portal_image()
    place.save_revision().publish()
    meta = head(client, place.url)[0]
    assert meta["og:image"].startswith("http://")
    assert meta["og:image"].endswith(".png") and "fill-1200x630" in meta["og:image"]
    assert meta["og:image:alt"] == "Bygdegården en sommardag."


def test_the_dialogue_page_describes_each_event_as_schema_org(client, site_tree):
    dialogue = site_tree["dialogue"]
    walk = dialogue.events.get(kind=DialogueEvent.Kind.WALK)
    walk.cancelled = True
    walk.save()
    _, _, scripts, _ = head(client, dialogue.url)
    assert [s["name"] for s in scripts] == ["Förbättringsvandring", "Dialogmöte"]
    cancelled, meeting = scripts
    assert cancelled["eventStatus"] == "https://schema.org/EventCancelled"
    assert meeting["eventStatus"] == "https://schema.org/EventScheduled"
    assert meeting["@type"] == "Event" and meeting["url"] == dialogue.get_full_url()
    assert meeting["startDate"][-6:] in {"+01:00", "+02:00"}  # Stockholm time, with its offset
    assert meeting["endDate"] > meeting["startDate"]
    assert meeting["location"]["name"] == "Bygdegården"
    assert meeting["location"]["address"]["streetAddress"] == "Byvägen 1"
    assert meeting["location"]["address"]["postalCode"] == "388 98"
    assert meeting["organizer"] == {"@type": "GovernmentOrganization", "name": "Testkommun"}


def test_json_ld_cannot_close_its_script_element(client, site_tree):
    dialogue = site_tree["dialogue"]
    meeting = dialogue.events.get(kind=DialogueEvent.Kind.DIALOGUE)
    meeting.venue_name = "</script><script>alert(1)</script>"
    meeting.save()
    _, _, scripts, html = head(client, dialogue.url)
    assert "<script>alert(1)" not in html
    assert scripts[1]["location"]["name"] == "</script><script>alert(1)</script>"


def test_robots_txt_keeps_crawlers_out_of_admin_and_private_links(client, site_tree):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    for private in ("/admin/", "/mitt-forslag/", "/bevaka/", "/e-post/"):
        assert f"Disallow: {private}" in lines
    assert "Disallow: /" not in lines  # the public site stays open
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_sitemap_lists_live_public_pages_only(client, site_tree):
    home = site_tree["home"]
    draft = factories.standard_page(home, title="Utkast", slug="utkast")
    draft.unpublish()
    secret = factories.standard_page(home, title="Intern", slug="intern")
    secret.view_restrictions.create(restriction_type="password", password="hemligt")
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    locations = set(sitemap_locations(response.content))
    for key in PAGE_KEYS:
        assert site_tree[key].get_full_url() in locations, key
    assert not {url for url in locations if "/utkast/" in url or "/intern/" in url}


def test_a_past_event_keeps_its_real_dates(client, site_tree):
    dialogue = factories.dialogue_with_events(
        site_tree["place"],
        site_tree["round"],
        [factories.event(DialogueEvent.Kind.DIALOGUE, factories.in_days(-30), hours=3)],
        slug="forra",
    )
    _, _, scripts, _ = head(client, dialogue.url)
    start = timezone.localtime(dialogue.events.get().start)
    assert scripts[0]["startDate"] == start.isoformat()
    assert scripts[0]["endDate"] == (start + timedelta(hours=3)).isoformat()
