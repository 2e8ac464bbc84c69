"""The ways onto a resident's calendar from a page: the .ics file, Google Calendar, Outlook, and
the help pages for calendars and feeds."""

from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from tests.support import pages as factories
from tests.support.html import soup_of, text_of

pytestmark = pytest.mark.usefixtures("clear_cache")

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def soon(days, hour=18):
    day = timezone.localdate() + timedelta(days=days)
    return datetime(day.year, day.month, day.day, hour, tzinfo=STOCKHOLM)


@pytest.fixture
def coming(site_tree):
    walk = factories.event("walk", soon(12), hours=2)
    dialogue = factories.dialogue_with_events(
        site_tree["place"], site_tree["round"], [walk], slug="lankar"
    )
    return {**site_tree, "dialogue": dialogue, "walk": dialogue.events.get()}


def links_named(soup, text):
    """The links in `soup` (a page or one event's article) whose text starts with `text`."""
    return [a for a in soup.select("a") if text_of(a).startswith(text)]


def query_of(href):
    url = urlsplit(href)
    return url.scheme, url.netloc, url.path, {k: v[0] for k, v in parse_qs(url.query).items()}


def test_each_coming_event_links_google_and_outlook_with_its_details(client, coming):
    walk, dialogue = coming["walk"], coming["dialogue"]
    page_url = f"http://testserver{dialogue.url}"
    start = walk.start.astimezone(UTC)
    end = walk.end.astimezone(UTC)
    for url in (dialogue.url, coming["place"].url, "/"):
        soup = soup_of(client, url).select_one(f'article[aria-labelledby="event-{walk.pk}"]')
        [google] = links_named(soup, "Lägg till i Google Kalender")
        scheme, host, path, query = query_of(google["href"])
        assert (scheme, host, path) == ("https", "calendar.google.com", "/calendar/render")
        assert query["action"] == "TEMPLATE"
        assert query["text"] == "Förbättringsvandring i Läckeby"
        assert query["dates"] == f"{start:%Y%m%dT%H%M%SZ}/{end:%Y%m%dT%H%M%SZ}"
        assert query["location"] == walk.address
        assert page_url in query["details"]

        [outlook] = links_named(soup, "Lägg till i Outlook")
        scheme, host, path, query = query_of(outlook["href"])
        assert (scheme, host, path) == (
            "https",
            "outlook.live.com",
            "/calendar/0/deeplink/compose",
        )
        assert query["subject"] == "Förbättringsvandring i Läckeby"
        assert query["startdt"] == f"{start:%Y-%m-%dT%H:%M:%SZ}"
        assert query["enddt"] == f"{end:%Y-%m-%dT%H:%M:%SZ}"
        assert query["location"] == walk.address
        assert page_url in query["body"]

        # The .ics download stays, and help is one click away.
        [ics] = links_named(soup, "Lägg till i kalender")
        assert ics["href"] == f"/kalender/{walk.uid}.ics"
        assert soup.select_one('a[href="/kalender/hjalp/"]') is not None


def test_summer_and_winter_times_go_to_google_in_utc(client, site_tree):
    year = timezone.localdate().year + 1
    winter = factories.event("dialogue", datetime(year, 1, 20, 18, tzinfo=STOCKHOLM))
    summer = factories.event("walk", datetime(year, 6, 20, 18, tzinfo=STOCKHOLM))
    dialogue = factories.dialogue_with_events(
        site_tree["place"], site_tree["round"], [winter, summer], slug="tider"
    )
    soup = soup_of(client, dialogue.url)
    dates = [query_of(a["href"])[3]["dates"] for a in links_named(soup, "Lägg till i Google")]
    assert dates == [
        f"{year}0120T170000Z/{year}0120T190000Z",
        f"{year}0620T160000Z/{year}0620T180000Z",
    ]


def test_no_calendar_links_for_past_or_cancelled_events(client, site_tree):
    past = factories.event("walk", soon(-2))
    called_off = factories.event("dialogue", soon(5), cancelled=True)
    dialogue = factories.dialogue_with_events(
        site_tree["place"], site_tree["round"], [past, called_off], slug="over"
    )
    soup = soup_of(client, dialogue.url)
    assert len(soup.select(".event")) == 2
    for name in ("Lägg till i kalender", "Lägg till i Google", "Lägg till i Outlook"):
        assert not links_named(soup, name), name


def test_nothing_is_loaded_from_google_or_microsoft(client, coming):
    """The links are plain addresses: no script, image, frame or stylesheet from those
    services, and the Content-Security-Policy does not open up to them."""
    response = client.get(coming["dialogue"].url)
    soup = soup_of(client, coming["dialogue"].url)
    assert links_named(soup, "Lägg till i Google Kalender")
    for element in soup.select("script[src], img[src], iframe, link[href], source, object"):
        address = element.get("src") or element.get("href") or element.get("data") or ""
        assert "google" not in address and "live.com" not in address, element
    policy = response["Content-Security-Policy"]
    assert "google" not in policy and "live.com" not in policy and "outlook" not in policy
    assert "default-src 'self'" in policy or "default-src 'none'" in policy


# The help pages


def test_calendar_help_tells_phone_and_computer_users_what_to_do(client, site_tree):
    response = client.get("/kalender/hjalp/")
    assert response.status_code == 200
    soup = soup_of(client, "/kalender/hjalp/")
    assert text_of(soup.select_one("h1")) == "Så får du in tiderna i din kalender"
    headings = [text_of(h) for h in soup.select("main h2, main h3")]
    for expected in (
        "Lägga till ett tillfälle",
        "Prenumerera på en orts kalender",
        "Vad gör länkarna till Google och Outlook?",
        "iPhone och iPad",
        "Android",
        "Dator",
    ):
        assert expected in headings
    assert soup.select_one("#prenumerera") is not None
    [subscribe] = [a for a in soup.select("main a") if "alla vandringar" in text_of(a)]
    assert subscribe["href"] == "webcal://testserver/kalender/"
    [address] = soup.select("main a.calendar-address")
    assert address["href"] == "http://testserver/kalender/"
    assert "Vår webbplats hämtar ingenting från Google eller Microsoft" in text_of(soup)
    assert client.post("/kalender/hjalp/").status_code == 405


def test_the_village_and_home_pages_link_the_calendar_help(client, coming):
    for url in (coming["place"].url, "/"):
        soup = soup_of(client, url)
        assert soup.select_one('main a[href="/kalender/hjalp/#prenumerera"]') is not None, url


def test_feed_explainer_for_all_villages_and_for_one(client, coming):
    place = coming["place"]
    soup = soup_of(client, "/flode/om/")
    assert text_of(soup.select_one("h1")) == "Nyheter från alla orter som flöde"
    assert soup.select_one("main a.feed-address")["href"] == "/flode/"
    [alternate] = soup.select('head link[rel="alternate"]')
    assert alternate["href"] == "/flode/"

    soup = soup_of(client, f"/flode/om/?ort={place.slug}")
    assert text_of(soup.select_one("h1")) == "Nyheter från Läckeby som flöde"
    assert soup.select_one("main a.feed-address")["href"] == f"{place.url}flode/"
    follow = soup.select_one(f'main a[href="{place.url}#follow-heading"]')
    assert text_of(follow) == "Följ Läckeby med e-post"
    assert client.get(f"{place.url}flode/")["Content-Type"].startswith("application/atom+xml")


def test_feed_explainer_for_an_unknown_or_unpublished_village_is_not_found(client, coming):
    assert client.get("/flode/om/?ort=finns-inte").status_code == 404
    hidden = factories.place("Ruda")
    hidden.unpublish()
    assert client.get(f"/flode/om/?ort={hidden.slug}").status_code == 404
    assert client.post("/flode/om/").status_code == 405
