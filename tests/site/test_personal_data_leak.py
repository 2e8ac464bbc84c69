"""No personal data in any public response: the whole site is crawled and searched for markers.

Every personal value (name, email, phone, postal address, a display name not chosen to be shown,
the photo's file name, moderation reasons, internal notes, the case officer, the resident's
original text where the public text was redacted) contains the token PERSONAL. The public text of
proposals the public must not see (pending, hidden, withdrawn, under an unpublished dialogue)
contains UNPUBLISHED. Neither token, nor any private follow-up token or its hash, may appear in
any body or header, nor in the "Stämmer det?" emails and answer page. The tokens are not
hexadecimal, so colours and hashes cannot contain them by chance.
"""

from datetime import timedelta
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from notifications.checks import send_proposal_checks
from notifications.overdue import send_overdue_digests
from rounds.models import Proposal
from rounds.models.proposals import Visibility
from tests.support import pages as factories
from tests.support.crawl import crawl, fetch, leaks, same_site_path
from tests.support.following import followers_of, publish
from tests.support.images import jpeg_bytes
from tests.support.leaks import PERSONAL, UNPUBLISHED, LeakySite
from tests.support.mail import html_of, links_in, path_of
from tests.support.registrations import form_url
from tests.support.search import index_columns, indexed_texts, proposal_entries

pytestmark = pytest.mark.usefixtures("clear_cache")


@pytest.fixture
def leaky(site_tree):
    return LeakySite(site_tree)


def test_no_marker_in_any_public_response(client, leaky):
    # First only what a visitor reaches by following links from the start page...
    site = crawl(client, ["/"])
    for item in leaky.public:
        detail = site.get(item.get_public_url())
        assert detail is not None, f"the crawl never reached {item.get_public_url()}"
        assert detail.status == 200
    # ...then every list, filter, photo and 404 route, whether linked or not.
    photos = [item.get_public_url() + "foto/" for item in leaky.public]
    extra = ["/robots.txt", "/halsa/"]  # the load balancer's health check is public too
    crawl(client, leaky.list_urls() + photos + leaky.hidden_urls() + extra, seen=site)
    # robots.txt, the sitemap it names and the pages' meta and JSON-LD are checked like the rest.
    assert "/sitemap.xml" in site and b"<urlset" in site["/sitemap.xml"].body
    assert any(b"application/ld+json" in f.body for f in site.values())
    assert site["/halsa/"].status == 200

    assert not [f"{url}: {f.status}" for url, f in site.items() if f.status >= 500]
    for url in leaky.hidden_urls():
        assert site[url].status == 404, f"{url} answered {site[url].status}"
    # The text published without its photo: the page neither shows nor links the photo.
    withheld = site[leaky.photo_withheld.get_public_url()]
    assert withheld.status == 200 and b"Skymd sikt vid korsningen" in withheld.body
    assert b"/foto/" not in withheld.body
    photo = site[leaky.public[0].get_public_url() + "foto/"]
    assert (photo.status, photo.headers["Content-Type"]) == (200, "image/jpeg")
    assert photo.body == jpeg_bytes()

    # Feeds and calendars are reached through the links on the pages, and checked like them.
    content_types = {f.headers.get("Content-Type", "").split(";")[0] for f in site.values()}
    assert {"application/atom+xml", "text/calendar"} <= content_types
    assert "/flode/" in site and "/kalender/" in site
    # So are the help pages for people: the calendar help and the feed explainers.
    place = leaky.tree["place"]
    for url in ("/kalender/hjalp/", "/flode/om/", f"/flode/om/?ort={place.slug}"):
        assert url in site and site[url].status == 200, f"the crawl never reached {url}"

    # "Så har det gått" and the CSV beside it, for the municipality, the village and the round.
    figures = ["/sa-har-det-gatt/", "/sa-har-det-gatt.csv"]
    for page in (place, leaky.tree["round"]):
        figures += [page.url + "sa-har-det-gatt/", page.url + "sa-har-det-gatt.csv"]
    for url in figures:
        assert url in site and site[url].status == 200, f"the crawl never reached {url}"

    # The anmälan form is linked from the event; the anmälningar themselves are nowhere.
    signup_form = form_url(leaky.meeting)
    assert signup_form in site and site[signup_form].status == 200, "the crawl missed anmälan"

    found = leaks(site.values(), [PERSONAL, UNPUBLISHED, *leaky.secrets])
    assert not found, "\n".join(found)
    # The crawl did see the public content: the test can tell a full page from an empty one.
    bodies = b"".join(f.body for f in site.values()).decode("utf-8", "replace")
    for text in [
        "Farthinder på Storgatan",
        "Berit på backen",  # the display name its resident chose to show
        "SBF 2026/118",
        "Papperskorgen är uppsatt.",
        "Hållplatsen sköts av Kalmar länstrafik",
        "Det här lovade vi",  # what the village's earlier dialogue left open
        "Datumet har passerat — nytt besked kommer",
        # "Stämmer det?": the counts, the published comment, the proposer's "Nej" in the timeline
        "3 invånare säger att det är gjort, 1 att det inte är klart än.",
        "Papperskorgen står där nu, tack.",
        "Invånaren säger att det inte är klart",
    ]:
        assert text in bodies
    print(f"\ncrawled {len(site)} URLs")


def test_the_crawl_follows_subscribe_links_and_leaves_other_services_alone():
    page = "http://testserver/orter/lackeby/"
    assert same_site_path("webcal://testserver/orter/lackeby/kalender/", page) == (
        "/orter/lackeby/kalender/"
    )
    assert same_site_path("https://calendar.google.com/calendar/render?x=1", page) is None
    assert same_site_path("https://outlook.live.com/calendar/0/deeplink/compose", page) is None
    assert same_site_path("webcal://annan.example.org/kalender/", page) is None


def test_searching_for_a_marker_finds_nothing(client, leaky):
    for marker in leaky.searches:
        response = fetch(client, "/sok/?" + urlencode({"q": marker}))
        assert response.status == 200
        soup = BeautifulSoup(response.body, "html.parser")
        assert not soup.select(".search-result"), f"searching {marker!r} found something"
        # The page repeats the search words back; nothing else may carry a marker.
        found = leaks([response], [PERSONAL, UNPUBLISHED, *leaky.secrets], ignore=[marker])
        assert not found, "\n".join(found)
    # The control: a word of a public proposal is found, so the search does look at proposals.
    soup = BeautifulSoup(fetch(client, "/sok/?q=farthinder").body, "html.parser")
    assert "Farthinder på Storgatan" in soup.select_one(".search-result--proposal").get_text()


def test_personal_data_is_not_in_the_search_index(leaky):
    columns, entries, texts = index_columns(), proposal_entries(), indexed_texts()
    assert {"title", "body"} <= set(columns)
    # Only moderated public text is indexed, never pending, hidden or withdrawn proposals (one
    # published under a draft dialogue is, and the search leaves it out); no personal data.
    assert len(texts) == Proposal.objects.filter(visibility=Visibility.PUBLIC).count() > 0
    not_public = Proposal.objects.exclude(visibility=Visibility.PUBLIC).values_list("pk", flat=True)
    assert not entries.filter(object_id__in=[str(pk) for pk in not_public]).exists()
    assert not [text for text in texts if PERSONAL in text]


def test_the_postal_address_is_not_even_on_the_residents_own_pages(client, leaky):
    """The address is for the envelope only. The private follow page and the receipt show it to
    nobody, its owner included: whoever has the link (a shared computer, a forwarded email)
    would see where the resident lives."""
    resident = leaky.by_letter
    assert resident.reply_by_letter and PERSONAL in resident.postal_address
    for name in ("follow", "receipt"):
        response = fetch(client, reverse(f"proposals:{name}", args=[resident.follow_token]))
        assert response.status == 200, name
        assert resident.reference.encode() in response.body
        found = leaks([response], [PERSONAL, *leaky.secrets], ignore=[resident.follow_token])
        assert not found, "\n".join(found)


def test_the_promise_emails_hold_no_personal_data(leaky):
    """The followers' "Ny dialog" with the earlier promises, and the department's weekly
    digest of passed dates: nothing personal but the department's own address in To."""
    followers_of(leaky.tree["place"], leaky.paryd)
    new = factories.dialogue(leaky.tree["place"], leaky.tree["round"], slug="dialog-2027")
    mail.outbox.clear()
    publish(new)
    send_overdue_digests(timezone.localdate())

    kinds = {message.subject.split(":")[0] for message in mail.outbox}
    assert {"Ny dialog", "Förslag där datumet har passerat"} <= kinds
    for message in mail.outbox:
        text = "\n".join([message.subject, message.body, html_of(message)])
        assert "Gångväg till skolan" in text
        assert PERSONAL not in text and UNPUBLISHED not in text, message.subject


def test_the_stammer_det_emails_and_page_hold_no_personal_data(client, leaky):
    """The question to the village's followers about a proposal sent with personal data, and
    the page its link opens: the proposal's public text only."""
    followers_of(leaky.tree["place"], leaky.paryd)
    mail.outbox.clear()
    send_proposal_checks(timezone.now() + timedelta(weeks=4, days=1))

    assert {message.to[0] for message in mail.outbox} >= {"each@example.org"}
    for message in mail.outbox:
        text = "\n".join([message.subject, message.body, html_of(message)])
        assert "Papperskorg vid badplatsen" in text
        assert PERSONAL not in text and UNPUBLISHED not in text, message.subject
        link = next(url for url in links_in(message) if "/stammer-det/" in url)
        answer_page = fetch(client, path_of(link))
        assert answer_page.status == 200
        found = leaks([answer_page], [PERSONAL, UNPUBLISHED, *leaky.secrets])
        assert not found, "\n".join(found)
