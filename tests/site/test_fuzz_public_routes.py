"""Every public route answers hostile input with a 4xx or a page, never a 5xx.

Each route of the public site (pages and their routes, the proposal lists with their filters,
a proposal and its photo, feeds, calendars, search, following, the private follow-up link and
unsubscribing) is requested with NUL bytes, huge and negative numbers, very long strings, bad
UTF-8 and odd unicode: in the path, in every query parameter it knows, in unknown and repeated
parameters, and in what its forms post. Run on SQLite and PostgreSQL: they fail differently.
"""

from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import reverse

from notifications.mail import unsubscribe_url
from notifications.models import Follower
from notifications.tokens import confirm_token
from rounds.models.proposals import Visibility
from tests.support import proposals as make

# Already percent-encoded: what a client can put in a URL, bad UTF-8 included.
EVIL = [
    "%00",
    "a%00b",
    "100000000000000000000",
    "9223372036854775808",
    "-1",
    "-99999999999999999999",
    "0",
    "1e400",
    "x" * 3000,
    "%FF%FE",
    "%C0%AF",
    "%ED%A0%80",  # a lone surrogate in UTF-8
    quote("‮ÅÄÖ😀\u200b"),
    quote("' OR 1=1 --"),
    quote("../../etc/passwd"),
]
# The query parameters public views read, and some they do not.
PARAMETERS = ["sida", "forslagssida", "q", "status", "tema", "ordning", "klart", "updates"]
UNKNOWN = ["utm_source", "page", "p", "id", "format", "callback", "%00"]
FORM = "application/x-www-form-urlencoded"
# In place of a path segment (an id, a slug, a reference, a token).
IN_PATH = ["%00", "100000000000000000000", "9223372036854775808", "-1", "0", "x" * 3000]
IN_PATH += ["%FF%FE", "%ED%A0%80", quote("‮ÅÄÖ😀"), quote("' OR 1=1 --")]


def reads_query(url):
    """Lists, search, the follow form and the follow-up page read their query parameters."""
    return "forslag/" in url or url == "/sok/" or url.startswith(("/bevaka/", "/mitt-forslag/"))


@pytest.fixture
def routes(site_tree):
    """Every public URL of a small site with a public proposal with a photo, a pending one and
    a follower: [(url, segment_to_replace or None)]."""
    dialogue, place = site_tree["dialogue"], site_tree["place"]
    public = make.proposal(dialogue, photo_name="lampa.jpg")
    pending = make.proposal(dialogue, visibility=Visibility.PENDING, photo_name="bank.jpg")
    follower = Follower.objects.create(place=place, email="anna@example.org")
    event = dialogue.ordered_events[0]
    detail = dialogue.url + dialogue.reverse_subpage("proposal_detail", args=[public.reference])
    token = pending.follow_token
    confirm = reverse("notifications:follow_confirm", args=[confirm_token(follower)])
    unsubscribe = unsubscribe_url(follower=follower).removeprefix("http://testserver")
    return [
        ("/", None),
        ("/orter/", None),
        (place.url, place.slug),
        (place.url + "forslag/", None),
        (place.url + "flode/", None),
        (place.url + "kalender/", None),
        (dialogue.url, dialogue.slug),
        (dialogue.url + "forslag/", None),
        (dialogue.url + "lamna-forslag/", None),
        (detail, public.reference),
        (detail + "foto/", public.reference),
        ("/omgangar/", None),
        (site_tree["round"].url, site_tree["round"].slug),
        (site_tree["standard"].url, site_tree["standard"].slug),
        ("/sok/", None),
        ("/flode/", None),
        ("/kalender/", None),
        (reverse("calendars:event", args=[event.uid]), str(event.uid)),
        (reverse("notifications:follow", args=[place.pk]), str(place.pk)),
        (reverse("notifications:follow_sent", args=[place.pk]), str(place.pk)),
        (confirm, confirm.rstrip("/").rsplit("/", 1)[1]),
        (unsubscribe, unsubscribe.rstrip("/").rsplit("/", 1)[1]),
        (reverse("proposals:follow", args=[token]), token),
        (reverse("proposals:receipt", args=[token]), token),
        (reverse("proposals:photo", args=[token]), token),
        ("/dokument/1/", "1"),
    ]


def answers(client, method, url, data=None):
    response = (
        getattr(client, method)(url, data) if data is not None else getattr(client, method)(url)
    )
    return response.status_code


def test_hostile_input_never_gets_a_server_error(routes, settings):
    settings.PROPOSALS_MIN_FILL_SECONDS = 0
    client = Client(raise_request_exception=False)
    failures = []

    def check(method, url, data=None):
        status = answers(client, method, url, data)
        if status >= 500:
            failures.append(f"{method.upper()} {url[:200]} {str(data)[:100]} -> {status}")

    for url, segment in routes:
        # Views that read the query get every value; for the rest a few show it is ignored.
        for value in EVIL if reads_query(url) else EVIL[::5]:
            query = "&".join(
                [f"{name}={value}" for name in PARAMETERS + UNKNOWN]
                + [f"sida={value}", "sida=2", f"q={value}", "tema=1", "tema="]  # repeated
            )
            check("get", f"{url}?{query}")
        for value in IN_PATH if segment else ():
            check("get", url.replace(segment, value, 1))
        check("get", url + "x" * 2000 + "/")
        check("head", f"{url}?sida={EVIL[2]}")

    assert not failures, "\n".join(failures)


FORM_FIELDS = [
    "title", "body", "location", "theme", "name", "email", "phone", "display_name",
    "show_name", "notify_status", "age_group", "consent", "website", "started", "step",
    "photo_draft", "updates", "action", "tema",
]  # fmt: skip


def test_hostile_posts_to_every_public_form_never_get_a_server_error(routes, settings):
    settings.PROPOSALS_MIN_FILL_SECONDS = 0
    client = Client(raise_request_exception=False)
    token = next(url for url, _ in routes if url.endswith("/kvitto/")).split("/")[2]
    targets = [url for url, _ in routes if url.startswith(("/bevaka/", "/e-post/"))]
    targets += [url for url, _ in routes if url.endswith("/lamna-forslag/")]
    targets += [reverse(f"proposals:{name}", args=[token]) for name in ("withdraw", "stop_emails")]
    failures = []
    for url in targets:
        for value in [*EVIL, "x" * 5000, ""]:
            body = "&".join(f"{name}={value}" for name in FORM_FIELDS + UNKNOWN)
            status = client.post(url, body, content_type=FORM).status_code
            if status >= 500:
                failures.append(f"POST {url} {value[:40]!r} -> {status}")
    assert not failures, "\n".join(failures)


def test_the_routes_are_real_so_the_hostile_requests_reached_the_views(routes, client):
    statuses = {url: client.get(url).status_code for url, _ in routes}
    assert {url for url, status in statuses.items() if status != 200} == {"/dokument/1/"}
