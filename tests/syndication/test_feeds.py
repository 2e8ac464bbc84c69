"""Atom feeds of a village and of the whole site: what a feed reader shows, and nothing private."""

from datetime import UTC, date, datetime, timedelta
from email.utils import parsedate_to_datetime
from itertools import count
from urllib.parse import urlsplit

import feedparser
import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from rounds.models import DialogueEvent, DialoguePage, ProposalUpdate
from rounds.models.proposals import Status, Visibility
from rounds.syndication.feeds import MAX_ENTRIES
from tests.support import pages as factories
from tests.support import proposals as make
from tests.support.crawl import fetch, leaks
from tests.support.html import soup_of, text_of
from tests.support.leaks import PERSONAL, UNPUBLISHED, LeakySite
from tests.support.queries import count_queries

pytestmark = pytest.mark.usefixtures("clear_cache")

SITE_FEED = "/flode/"
ATOM = "application/atom+xml"
QUERY_BUDGET = {"village": 15, "site": 9}


def at(days_ago, hour=12):
    """A moment `days_ago` days back, on the minute, in UTC."""
    moment = datetime.now(UTC).replace(hour=hour, minute=0, second=0, microsecond=0)
    return moment - timedelta(days=days_ago)


def published(page, when):
    """Publish `page` through Wagtail, as an editor does, dated `when`."""
    page.save_revision().publish()
    DialoguePage.objects.filter(pk=page.pk).update(first_published_at=when, last_published_at=when)
    return DialoguePage.objects.get(pk=page.pk)


def read_feed(client, url):
    """GET `url` and parse it; it must be well-formed Atom."""
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    assert response["Content-Type"].startswith(ATOM)
    feed = feedparser.parse(response.content)
    assert not feed.bozo, f"{url} is not well-formed: {feed.get('bozo_exception')}"
    assert feed.version == "atom10"
    return feed


def titles(feed):
    return [entry.title for entry in feed.entries]


def path_of(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def moment(parsed):
    return datetime(*parsed[:6], tzinfo=UTC)


@pytest.fixture
def news(site_tree):
    """Läckeby: a published dialogue, an older one with a summary, a proposal with answers.

    Påryd beside it has a dialogue and an answered proposal of its own.
    """
    place, round_page = site_tree["place"], site_tree["round"]
    dialogue = published(site_tree["dialogue"], at(20))
    older = factories.dialogue(
        place,
        round_page,
        slug="forra",
        title="Utvecklingsdialog 2024",
        walk_in_days=-400,
        meeting_in_days=-390,
        summary=[("text", "<p>Det här gjorde vi.</p>")],
        summary_intro="Trettio förslag, tolv åtgärdade.",
        summary_published_at=timezone.localdate() - timedelta(days=10),
    )
    older = published(older, at(500))
    roads = make.department("Samhällsbyggnadsförvaltningen")
    lamp = make.proposal(dialogue, title="Belysning vid busshållplatsen")
    make.answer(lamp, Status.REVIEWING, created_at=at(5))
    make.answer(
        lamp,
        Status.PLANNED,
        responsible=roads,
        public_message="Belysningen ingår i nästa års budget.",
        planned_date=date(2027, 5, 1),
        created_at=at(2),
    )
    paryd = factories.place("Påryd")
    paryd_dialogue = published(
        factories.dialogue(paryd, round_page, title="Dialog i Påryd"), at(15)
    )
    bus = make.proposal(paryd_dialogue, title="Busskur vid kyrkan")
    make.answer(
        bus,
        Status.FORWARDED,
        responsible=make.department("Kalmar Länstrafik", kind="external"),
        public_message="Hållplatsen sköts av Kalmar länstrafik.",
        created_at=at(1),
    )
    return {
        **site_tree,
        "dialogue": dialogue,
        "older": older,
        "lamp": lamp,
        "paryd": paryd,
        "paryd_dialogue": paryd_dialogue,
        "bus": bus,
        "feed": site_tree["place"].url + "flode/",
    }


def test_village_feed_lists_its_news_newest_first(client, news):
    feed = read_feed(client, news["feed"])
    lamp = news["lamp"]

    assert feed.feed.title == "Läckeby – Ortsdialog (Testkommun)"
    assert feed.feed.author == "Testkommun"
    assert feed.feed.link == "http://testserver/orter/lackeby/"
    assert {"rel": "self", "href": "http://testserver/orter/lackeby/flode/"} in [
        {"rel": link.rel, "href": link.href} for link in feed.feed.links
    ]
    assert feed.feed.language == "sv"
    assert titles(feed) == [
        f"{lamp.reference} Belysning vid busshållplatsen: Längre planering",
        f"{lamp.reference} Belysning vid busshållplatsen: Behandlas",
        "Sammanställning: Läckeby: Utvecklingsdialog 2024",
        f"Ny dialog: {news['dialogue'].title}",
        "Ny dialog: Läckeby: Utvecklingsdialog 2024",
    ]
    # Nothing from Påryd, and no "Mottaget": every proposal starts there, it is not news.
    assert "Busskur" not in " ".join(titles(feed))
    assert "Mottaget" not in " ".join(titles(feed))


def test_entries_say_what_happened_and_when(client, news):
    feed = read_feed(client, news["feed"])
    planned, reviewing, summary, new, old = feed.entries

    assert planned.link == "http://testserver" + news["lamp"].get_public_url()
    assert moment(planned.published_parsed) == at(2)
    assert moment(planned.updated_parsed) == at(2)
    for text in [
        "Ny status: Längre planering",
        "Belysningen ingår i nästa års budget.",
        "Ansvarig: Samhällsbyggnadsförvaltningen",
        "Planerat: 1 maj 2027",
    ]:
        assert text in planned.summary
    assert reviewing.summary == "<p>Ny status: Behandlas</p>"

    assert summary.link == "http://testserver/orter/lackeby/forra/#summary-heading"
    assert summary.summary == "<p>Trettio förslag, tolv åtgärdade.</p>"
    summary_day = timezone.localdate() - timedelta(days=10)
    assert timezone.localdate(moment(summary.published_parsed)) == summary_day

    assert new.link == "http://testserver" + news["dialogue"].url
    assert moment(new.published_parsed) == at(20)
    assert "Välkommen att vara med." in new.summary
    assert moment(old.published_parsed) == at(500)


def test_a_new_dialogue_gives_its_dates_in_swedish_local_time(client, news):
    events = [
        # Summer time (UTC+2) for the walk, winter time (UTC+1) for the meeting.
        factories.event(DialogueEvent.Kind.WALK, datetime(2026, 6, 2, 16, 0, tzinfo=UTC)),
        factories.event(DialogueEvent.Kind.DIALOGUE, datetime(2026, 10, 27, 17, 0, tzinfo=UTC)),
    ]
    dialogue = factories.dialogue_with_events(news["paryd"], news["round"], events)
    published(dialogue, at(0, hour=0))
    entry = read_feed(client, news["paryd"].url + "flode/").entries[0]

    assert entry.title == "Ny dialog: Påryd: Utvecklingsdialog i Påryd"
    address = "Bygdegården, Byvägen 1, 388 98 Läckeby."
    assert entry.summary == (
        "<p>Välkommen att vara med.</p>\n\n"
        f"<p>Förbättringsvandring: tisdag 2 juni 2026 kl. 18.00, {address}</p>\n\n"
        f"<p>Dialogmöte: tisdag 27 oktober 2026 kl. 18.00, {address}</p>"
    )


def test_a_dialogue_without_dates_says_so(client, news):
    dialogue = factories.dialogue_with_events(news["paryd"], news["round"], [], intro="")
    published(dialogue, at(0, hour=0))
    entry = read_feed(client, news["paryd"].url + "flode/").entries[0]
    assert entry.summary == "<p>Datum för vandringen och dialogmötet är inte bestämda ännu.</p>"


def test_entry_links_lead_to_the_public_pages(client, news):
    """Every kind of entry is there to follow (two updates, a summary, two dialogues), so an
    empty feed cannot pass by having no links to check."""
    feed = read_feed(client, news["feed"])
    assert len(feed.entries) == 5
    fragments = []
    for entry in feed.entries:
        path = path_of(entry.link)
        response = client.get(path)
        assert response.status_code == 200, f"{entry.title}: {path} answered {response.status_code}"
        fragment = urlsplit(entry.link).fragment
        if fragment:
            assert f'id="{fragment}"' in response.content.decode(), f"no #{fragment} on {path}"
            fragments.append(fragment)
    assert fragments == ["summary-heading"]  # the summary's anchor was checked too


def test_entry_ids_are_stable_tag_uris(client, news):
    first = read_feed(client, news["feed"])
    ids = [entry.id for entry in first.entries]
    assert len(ids) == 5  # uniqueness and the tag prefix are checked on real entries
    assert len(set(ids)) == len(ids)
    assert all(entry_id.startswith("tag:testserver,2026:") for entry_id in ids)
    assert first.feed.id.startswith("tag:testserver,2026:")

    # Renaming the dialogue changes its title and address, not the entry's identity.
    dialogue = news["dialogue"]
    dialogue.title, dialogue.slug = "Dialogen 2026", "dialogen-2026"
    dialogue.save_revision().publish()
    again = read_feed(client, news["feed"])
    by_id = {entry.id: entry for entry in again.entries}
    assert [entry.id for entry in again.entries] == ids
    renamed = by_id[first.entries[3].id]
    # The editor types the new title alone: the village is still named.
    assert renamed.title == "Ny dialog: Läckeby: Dialogen 2026"
    assert renamed.link.endswith("/dialogen-2026/")


def test_site_feed_lists_every_village_and_names_it(client, news):
    feed = read_feed(client, SITE_FEED)
    bus, lamp = news["bus"], news["lamp"]

    assert feed.feed.title == "Alla orter – Ortsdialog (Testkommun)"
    assert feed.feed.author == "Testkommun"
    assert feed.feed.link == "http://testserver/"
    assert titles(feed) == [
        f"Påryd: {bus.reference} Busskur vid kyrkan: Skickat vidare",
        f"Läckeby: {lamp.reference} Belysning vid busshållplatsen: Längre planering",
        f"Läckeby: {lamp.reference} Belysning vid busshållplatsen: Behandlas",
        "Sammanställning: Läckeby: Utvecklingsdialog 2024",
        "Ny dialog: Påryd: Dialog i Påryd",
        f"Ny dialog: {news['dialogue'].title}",
        "Ny dialog: Läckeby: Utvecklingsdialog 2024",
    ]
    village_ids = {entry.id for entry in read_feed(client, news["feed"]).entries}
    assert village_ids < {entry.id for entry in feed.entries}  # the same entry, the same id


def test_a_village_with_nothing_yet_gives_a_valid_empty_feed(client, news):
    """Empty because Tomteboda has no news, not because feeds are: Läckeby's has its five."""
    empty = factories.place("Tomteboda")
    feed = read_feed(client, empty.url + "flode/")
    assert feed.feed.title == "Tomteboda – Ortsdialog (Testkommun)"
    assert feed.entries == []
    assert len(read_feed(client, news["feed"]).entries) == 5


def test_an_unknown_village_has_no_feed(client, news):
    """404 for a village that does not exist, while a known village's feed answers."""
    assert client.get("/orter/finns-inte/flode/").status_code == 404
    assert read_feed(client, news["feed"]).entries


def test_a_private_or_unpublished_village_has_no_public_feed(client, news):
    """Both villages are in the feeds until one is made private and the other unpublished, so
    what disappears is taken out, not missing from the start."""
    assert read_feed(client, news["paryd"].url + "flode/").entries
    assert "Påryd" in " ".join(titles(read_feed(client, SITE_FEED)))
    PageViewRestriction.objects.create(page=news["paryd"], restriction_type="login")
    response = client.get(news["paryd"].url + "flode/")
    assert response.status_code == 302  # to the login page
    assert "Påryd" not in " ".join(titles(read_feed(client, SITE_FEED)))

    url = news["feed"]
    assert read_feed(client, url).entries
    news["place"].unpublish()
    assert client.get(url).status_code == 404


def test_feeds_may_be_cached_for_a_short_while(client, news):
    """Last-Modified is the newest entry's date; with no entries Django would give "now"."""
    for url in (news["feed"], SITE_FEED):
        response = client.get(url)
        assert response.status_code == 200, url
        cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
        assert cache_control == {"public", "max-age=900"}
        assert response["Last-Modified"]
        newest = feedparser.parse(response.content).entries[0]
        assert parsedate_to_datetime(response["Last-Modified"]) == moment(newest.updated_parsed)


def test_only_published_public_dialogues_and_summaries_appear(client, news):
    place, round_page = news["place"], news["round"]
    draft = factories.dialogue(place, round_page, slug="utkast", title="Utkastdialog", live=False)
    make.answer(make.proposal(draft, title="Utkastförslag"), Status.REVIEWING)
    unpublished = published(
        factories.dialogue(place, round_page, slug="indragen", title="Indragen dialog"), at(3)
    )
    unpublished.unpublish()
    private = published(
        factories.dialogue(place, round_page, slug="privat", title="Privat dialog"), at(3)
    )
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    make.answer(make.proposal(private, title="Privat förslag"), Status.REVIEWING)
    coming = factories.dialogue(
        place,
        round_page,
        slug="kommande",
        title="Kommande sammanställning",
        summary=[("text", "<p>Snart.</p>")],
        summary_published_at=timezone.localdate() + timedelta(days=1),
    )

    for url in (news["feed"], SITE_FEED):
        text = " ".join(titles(read_feed(client, url)))
        assert news["dialogue"].title in text  # the control: the published one is there
        for absent in ["Utkast", "Indragen", "Privat", "Kommande sammanställning"]:
            assert absent not in text, f"{absent} in {url}"
    assert coming.live  # left out because its date has not come, not because it is a draft


def test_updates_of_proposals_the_public_may_not_see_stay_out(client, news):
    dialogue = news["dialogue"]
    hidden = make.proposal(dialogue, title="Dold fråga")
    make.answer(hidden, Status.REVIEWING, public_message="Svar på dold fråga.")
    hidden.visibility = Visibility.HIDDEN
    hidden.save()
    pending = make.proposal(dialogue, visibility=Visibility.PENDING, title="Väntande fråga")
    # The services refuse to answer it; an update a data fix or an import left stays out too.
    ProposalUpdate.objects.create(proposal=pending, status=Status.REVIEWING)
    public = make.proposal(dialogue, title="Synlig fråga")
    make.answer(public, Status.DONE, public_message="Klart.")

    for url in (news["feed"], SITE_FEED):
        text = " ".join(titles(read_feed(client, url)))
        assert "Synlig fråga: Genomfört" in text
        assert "Dold fråga" not in text
        assert "Väntande fråga" not in text


def test_no_personal_or_unpublished_data_in_the_feeds(client, site_tree):
    leaky = LeakySite(site_tree)
    urls = [site_tree["place"].url + "flode/", leaky.paryd.url + "flode/", SITE_FEED]
    responses = [fetch(client, url) for url in urls]

    found = leaks(responses, [PERSONAL, UNPUBLISHED, *leaky.secrets])
    assert not found, "\n".join(found)
    # The control: the feeds do carry the public answers, so the search can find a marker.
    body = b"".join(response.body for response in responses).decode()
    for text in [
        "Farthinder på Storgatan",
        "Belysningen ingår i nästa års budget.",
        "Hållplatsen sköts av Kalmar länstrafik",
        "Papperskorgen är uppsatt.",
    ]:
        assert text in body
    # The only author anywhere is the municipality.
    for response in responses:
        feed = feedparser.parse(response.body)
        assert {author.name for author in feed.feed.authors} == {"Testkommun"}
        assert all(entry.get("author", "Testkommun") == "Testkommun" for entry in feed.entries)


def test_public_text_is_escaped_not_run(client, news):
    make.answer(news["lamp"], Status.DONE, public_message="Klart <script>alert(1)</script> & fint.")
    response = client.get(news["feed"])
    raw = response.content.decode()
    assert "<script>" not in raw
    assert "&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt; &amp;amp; fint." in raw


def test_a_cancelled_event_is_shown_as_cancelled(client, news):
    walk = news["dialogue"].walk
    walk.cancelled = True
    walk.save()
    entry = next(e for e in read_feed(client, news["feed"]).entries if e.title.startswith("Ny"))
    assert "Förbättringsvandring: " in entry.summary
    assert "Inställd." in entry.summary


def test_a_feed_holds_at_most_the_newest_entries(client, news):
    lamp = news["lamp"]
    ProposalUpdate.objects.bulk_create(
        ProposalUpdate(
            proposal=lamp, status=Status.REVIEWING, created_at=at(0, hour=1) - timedelta(minutes=n)
        )
        for n in range(MAX_ENTRIES + 5)
    )
    feed = read_feed(client, news["feed"])
    assert len(feed.entries) == MAX_ENTRIES
    dates = [moment(entry.published_parsed) for entry in feed.entries]
    assert dates == sorted(dates, reverse=True)
    assert dates[0] == at(0, hour=1)


def test_pages_advertise_their_feed_and_link_its_explainer(client, news):
    """Feed readers find the Atom document in the head; people follow the visible link to a
    page that says what a feed is, with the address to copy."""
    explainer = f"/flode/om/?ort={news['place'].slug}"
    pages = {
        news["place"].url: (news["feed"], explainer),
        news["dialogue"].url: (news["feed"], explainer),
        "/": (SITE_FEED, "/flode/om/"),
    }
    for url, (feed_url, explainer_url) in pages.items():
        soup = soup_of(client, url)
        alternate = soup.select('head link[rel="alternate"][type="application/atom+xml"]')
        assert [link["href"] for link in alternate] == [feed_url], url
        assert alternate[0]["title"]
        read_feed(client, feed_url)
        assert not soup.select(f'main a[href="{feed_url}"]'), f"{url} sends people to raw Atom"
        visible = soup.select(f'main a[href="{explainer_url}"]')
        assert len(visible) == 1, f"{url} should link the explainer once, visibly"
        assert "Atom-flöde" in text_of(visible[0])
        explained = soup_of(client, explainer_url)
        [address] = explained.select("main a.feed-address")
        assert address["href"] == feed_url
        assert text_of(address) == f"http://testserver{feed_url}"
    place_link = soup_of(client, news["place"].url).select_one(f'a[href="{explainer}"]')
    assert text_of(place_link) == "Prenumerera på nyheter från Läckeby (Atom-flöde)"


def test_feeds_use_a_constant_number_of_queries(client, news):
    themes = [make.theme(f"Tema {n}") for n in range(4)]
    departments = [make.department(f"Förvaltning {n}") for n in range(8)]
    urls = {"village": news["feed"], "site": SITE_FEED}

    numbers = count(1)

    def grow(villages):
        for n in range(villages):
            village = factories.place(f"By {next(numbers):02}")
            dialogue = published(
                factories.dialogue(
                    village,
                    news["round"],
                    summary=[("text", "<p>Klart.</p>")],
                    summary_published_at=timezone.localdate() - timedelta(days=n),
                ),
                at(n),
            )
            for target in (dialogue, news["dialogue"]):
                proposals = make.bulk_public(target, 5, themes, departments)
                ProposalUpdate.objects.bulk_create(
                    ProposalUpdate(
                        proposal=p,
                        status=Status.PLANNED,
                        responsible=departments[i % len(departments)],
                        public_message=f"Svar {i}.",
                        created_at=at(n, hour=i),
                    )
                    for i, p in enumerate(proposals)
                )

    grow(1)
    small = {key: count_queries(client, url) for key, url in urls.items()}
    small_entries = len(read_feed(client, SITE_FEED).entries)
    grow(15)
    large = {key: count_queries(client, url) for key, url in urls.items()}

    assert len(read_feed(client, SITE_FEED).entries) == MAX_ENTRIES > small_entries
    assert len(read_feed(client, news["feed"]).entries) == MAX_ENTRIES
    report = {key: (len(small[key]), len(large[key])) for key in urls}
    print(f"\nfeed queries (few → many entries): {report}")
    for key in urls:
        assert len(large[key]) == len(small[key]), report[key]
        # Wagtail finds the village page in 8 queries; the feed itself needs 7 (site 9 in all).
        assert len(large[key]) <= QUERY_BUDGET[key], report[key]
