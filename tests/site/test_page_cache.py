"""Anonymous pages from the cache: stored once, served to every reader without cookies, and
never stale after a change a reader would see (portal/page_cache.py, portal/cache_invalidation.py).

Invalidation happens when a change commits; the tests run in a transaction, so each change runs
inside `django_capture_on_commit_callbacks(execute=True)`, as a real commit would.
"""

from datetime import datetime, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from portal.web.page_cache import Lifetimes, key_prefix
from rounds.models.proposals import Status, Visibility
from tests.support import frontend_cache
from tests.support import pages as factories
from tests.support import proposals as make
from tests.support.admin import CASE_OFFICERS, login
from tests.support.admin import url as admin_url


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what a commit would run after the block: the invalidation."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def fetch(url, client=None):
    return (client or Client()).get(url)


def test_the_second_reader_gets_the_page_from_the_cache(site_tree):
    url = site_tree["place"].url

    first, second = fetch(url), fetch(url)

    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert second.content == first.content
    assert "Läckeby" in second.content.decode()


def test_a_cached_page_tells_a_cdn_how_long_it_may_keep_it(site_tree):
    response = fetch(site_tree["dialogue"].url)

    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert "public" in directives
    assert {d.split("=")[0] for d in directives} >= {
        "max-age",
        "s-maxage",
        "stale-while-revalidate",
    }


@pytest.mark.parametrize("name", ["home", "places", "place", "dialogue", "rounds", "round"])
def test_reading_a_page_changes_nothing_that_would_empty_the_cache(site_tree, commit, name):
    """No page may save a model while it renders (a rendition, a counter): every reader would
    then start a new generation and nobody would ever get a cached page."""
    make.proposal(site_tree["dialogue"])
    url = site_tree[name].url
    with commit():
        fetch(url)
    with commit():
        assert fetch(url)["X-Page-Cache"] == "hit"


def test_a_signed_in_editor_is_never_served_nor_stores_a_shared_copy(client, site_tree):
    login(client, CASE_OFFICERS)
    url = site_tree["place"].url

    editor_view = client.get(url)
    assert "X-Page-Cache" not in editor_view
    assert fetch(url)["X-Page-Cache"] == "miss"  # the editor's page was not stored
    assert client.get(url).get("X-Page-Cache") is None


def test_the_admin_and_its_previews_are_never_cached(client, site_tree):
    login(client, CASE_OFFICERS)
    dialogue = site_tree["dialogue"]
    preview = f"/admin/pages/{dialogue.pk}/edit/preview/"

    assert "X-Page-Cache" not in client.get("/admin/")
    assert "X-Page-Cache" not in client.get(preview)
    assert "X-Page-Cache" not in Client().get("/admin/login/")


def test_the_proposal_form_with_its_csrf_token_is_never_stored(dialogue):
    url = dialogue.url + "lamna-forslag/"

    first, second = fetch(url), fetch(url)

    assert 'name="csrfmiddlewaretoken"' in first.content.decode()
    assert second["X-Page-Cache"] == "miss"
    assert "private" in second["Cache-Control"]


def test_the_private_follow_up_link_is_never_stored(site_tree):
    item = make.proposal(site_tree["dialogue"])
    url = f"/mitt-forslag/{item.follow_token}/"

    assert fetch(url).status_code == 200
    response = fetch(url)
    assert response["X-Page-Cache"] == "miss"
    assert "no-store" in response["Cache-Control"]


def test_a_reader_with_a_message_waiting_gets_a_fresh_page(site_tree):
    url = site_tree["place"].url
    fetch(url)
    reader = Client()
    reader.cookies["messages"] = "a message for this reader"

    assert "X-Page-Cache" not in reader.get(url)


def test_a_page_edit_shows_once_it_is_published(site_tree, commit):
    place = site_tree["place"]
    fetch(place.url)

    place.intro = "Läckeby har en ny badplats."
    with commit():
        place.save_revision()  # a draft shows nowhere public
    assert "ny badplats" not in fetch(place.url).content.decode()
    with commit():
        place.get_latest_revision().publish()

    response = fetch(place.url)
    assert response["X-Page-Cache"] == "miss"
    assert "ny badplats" in response.content.decode()


def test_an_unpublished_page_is_gone_at_the_next_request(site_tree, commit):
    page = site_tree["standard"]
    assert fetch(page.url).status_code == 200

    with commit():
        page.unpublish()

    assert fetch(page.url).status_code == 404


def test_a_moved_page_sends_readers_on_from_its_old_address(site_tree, commit):
    page = site_tree["standard"]
    old_url = page.url
    fetch(old_url)
    fetch(site_tree["home"].url)

    with commit():
        page.move(site_tree["places"], pos="last-child")

    page.refresh_from_db()
    moved = fetch(old_url)
    assert (moved.status_code, moved["Location"]) == (301, page.url)  # Wagtail's redirect
    assert fetch(page.url).status_code == 200


def test_a_published_proposal_shows_on_the_dialogue_page(site_tree, commit):
    dialogue = site_tree["dialogue"]
    list_url = dialogue.url + "forslag/"
    fetch(list_url)
    item = make.proposal(dialogue, visibility=Visibility.PENDING)

    assert item.public_title not in fetch(list_url).content.decode()
    with commit():
        make.services.publish(item)

    assert item.public_title in fetch(list_url).content.decode()


def test_a_hidden_proposal_is_gone_at_the_next_request(site_tree, commit):
    dialogue = site_tree["dialogue"]
    item = make.proposal(dialogue)
    page = item.get_public_url()
    assert fetch(page).status_code == 200
    fetch(dialogue.url + "forslag/")

    with commit():
        make.services.hide(item, reason="Namnger en granne.")

    assert fetch(page).status_code == 404
    assert item.public_title not in fetch(dialogue.url + "forslag/").content.decode()


def test_a_proposal_answered_in_the_admin_shows_on_its_page_at_the_next_request(
    client, site_tree, commit
):
    item = make.proposal(site_tree["dialogue"])
    page = item.get_public_url()
    assert "Kommunen planerar" not in fetch(page).content.decode()
    assert fetch(page)["X-Page-Cache"] == "hit"
    login(client, CASE_OFFICERS)

    with commit():
        response = client.post(
            admin_url("answer", item.pk),
            {
                "status": Status.PLANNED,
                "public_message": "Kommunen planerar en ny belysning 2027.",
                "responsible": make.department().pk,
                "planned_date": "2027-05-01",
            },
        )

    assert response.status_code == 302
    assert "Kommunen planerar en ny belysning 2027." in fetch(page).content.decode()


def test_a_changed_event_time_shows_at_once(site_tree, commit):
    dialogue = site_tree["dialogue"]
    walk = dialogue.events.get(kind="walk")
    fetch(dialogue.url)
    new_start = timezone.localtime(walk.start).replace(hour=9, minute=45)

    walk.start, walk.end = new_start, new_start + timedelta(hours=2)
    with commit():
        walk.save()

    assert "09.45" in fetch(dialogue.url).content.decode()


def test_a_cancelled_event_says_so_at_once(site_tree, commit):
    dialogue = site_tree["dialogue"]
    walk = dialogue.events.get(kind="walk")
    fetch(dialogue.url)

    walk.cancelled, walk.cancellation_reason = True, "Vägarbete på Byvägen."
    with commit():
        walk.save()

    assert "Vägarbete på Byvägen." in fetch(dialogue.url).content.decode()


def test_saved_site_settings_show_on_every_page_at_once(site_tree, commit):
    fetch(site_tree["home"].url)

    with commit():
        factories.municipality_settings(municipality_name="Nya kommunen")

    assert "Nya kommunen" in fetch(site_tree["home"].url).content.decode()


def test_the_cache_key_changes_with_the_local_date():
    stockholm = timezone.get_current_timezone()
    evening = datetime(2027, 3, 9, 23, 59, tzinfo=stockholm)

    assert key_prefix(evening) != key_prefix(evening + timedelta(minutes=2))
    assert key_prefix(evening) == key_prefix(evening - timedelta(hours=23))


@pytest.mark.parametrize(
    ("clock", "longest"),
    [((12, 0), 600 + 60), ((23, 50), 10 * 60), ((23, 59), 60)],
)
def test_no_cache_keeps_a_page_past_local_midnight(clock, longest):
    now = datetime(2027, 3, 9, *clock, tzinfo=timezone.get_current_timezone())

    lifetimes = Lifetimes(now, shared_seconds=600)

    assert lifetimes.shared + lifetimes.stale <= longest
    assert lifetimes.browser <= lifetimes.shared
    assert lifetimes.shared > 0


def test_a_page_answers_a_conditional_get_with_304_cached_or_not(site_tree):
    url = site_tree["dialogue"].url
    first = fetch(url)
    etag = first["ETag"]

    cached = Client().get(url, HTTP_IF_NONE_MATCH=etag)
    assert (cached.status_code, cached["X-Page-Cache"]) == (304, "hit")
    assert cached.content == b""


@pytest.mark.parametrize("path", ["/flode/", "/kalender/"])
def test_feeds_and_calendars_answer_a_conditional_get_with_304(settings, site_tree, path):
    settings.PAGE_CACHE_SECONDS = 0  # the feed's own ETag, without the page cache
    make.answer(make.proposal(site_tree["dialogue"]), Status.REVIEWING, public_message="Vi tittar.")
    first = fetch(path)

    again = Client().get(path, HTTP_IF_NONE_MATCH=first["ETag"])

    assert first.status_code == 200
    assert again.status_code == 304


def test_a_changed_page_gets_a_new_etag(site_tree, commit):
    place = site_tree["place"]
    etag = fetch(place.url)["ETag"]
    place.intro = "Ny text om orten."
    with commit():
        place.save_revision().publish()

    response = Client().get(place.url, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 200
    assert response["ETag"] != etag


@pytest.fixture
def cdn(settings):
    """A CDN in front of the site, configured as WAGTAILFRONTENDCACHE."""
    settings.WAGTAILFRONTENDCACHE = frontend_cache.SETTINGS
    frontend_cache.purged.clear()
    return frontend_cache.purged


def test_a_cdn_forgets_a_proposal_answered_and_the_pages_that_list_it(site_tree, commit, cdn):
    dialogue, place = site_tree["dialogue"], site_tree["place"]
    item = make.proposal(dialogue)
    cdn.clear()

    with commit():
        make.answer(item, Status.REVIEWING, public_message="Vi tittar på det.")

    base = "http://localhost"
    assert {
        base + item.get_public_url(),
        base + dialogue.url,
        base + dialogue.url + "forslag/",
        base + place.url,
        base + place.url + "flode/",
        base + site_tree["home"].url,
        base + site_tree["round"].url,
        base + "/flode/",
    } <= set(cdn)


def test_a_cdn_forgets_a_changed_event_and_its_calendar_file(site_tree, commit, cdn):
    dialogue = site_tree["dialogue"]
    walk = dialogue.events.get(kind="walk")

    walk.cancelled = True
    with commit():
        walk.save()

    assert {f"http://localhost/kalender/{walk.uid}.ics", "http://localhost" + dialogue.url} <= set(
        cdn
    )


def test_a_cdn_forgets_every_page_when_the_site_settings_change(site_tree, commit, cdn):
    with commit():
        factories.municipality_settings(municipality_name="Nya kommunen")

    assert {"http://localhost" + site_tree[name].url for name in site_tree} <= set(cdn)


def test_without_a_cdn_nothing_is_sent(site_tree, commit, settings):
    settings.WAGTAILFRONTENDCACHE = {}
    frontend_cache.purged.clear()

    with commit():
        factories.municipality_settings(municipality_name="Nya kommunen")

    assert frontend_cache.purged == []


def test_a_search_is_cached_here_but_kept_by_a_cdn_a_minute_at_most(site_tree, commit):
    dialogue = site_tree["dialogue"]
    fetch("/sok/?q=belysning")
    item = make.proposal(dialogue, visibility=Visibility.PENDING, title="Bättre belysning")

    with commit():
        make.services.publish(item)
    response = fetch("/sok/?q=belysning")

    assert "Bättre belysning" in response.content.decode()
    assert "s-maxage=60" in response["Cache-Control"]
