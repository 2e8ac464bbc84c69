"""The Content-Security-Policy and Permissions-Policy headers, and the cookies a resident can
get: the CSRF cookie of a form, for a day, never for only reading; and `skickat_till`, for
minutes after sending (tests/proposals/test_receipt.py).

The browser side (no page breaks the policy) is tests/browser/test_content_security_policy.py.
"""

import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

from portal.demo.content.site_pages import PRIVACY
from portal.web.sent_to import COOKIE, MAX_AGE
from tests.support import proposals as make
from tests.support.crawl import crawl
from tests.support.proposal_form import form_url

PUBLIC_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
ADMIN_POLICY = {
    **PUBLIC_POLICY,
    "script-src": "'self' 'unsafe-inline'",
    "style-src": "'self' 'unsafe-inline'",
    "frame-ancestors": "'self'",
}
PERMISSIONS_POLICY = (
    "accelerometer=(), browsing-topics=(), camera=(), display-capture=(), geolocation=(), "
    "gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), serial=(), "
    "usb=()"
)
DAY = 24 * 60 * 60


def policy(response):
    """The Content-Security-Policy header as {directive: sources}; django-csp's order varies."""
    header = response.headers.get("Content-Security-Policy")
    assert header, "no Content-Security-Policy header"
    directives = (part.strip().split(None, 1) for part in header.split(";") if part.strip())
    return dict(directives)


@pytest.fixture
def dialogue(dialogue):
    make.proposal(dialogue, photo_name="foto.jpg")
    return dialogue


# Content-Security-Policy


def test_a_public_page_allows_only_our_own_origin_and_nothing_inline(client, site_tree):
    response = client.get(site_tree["home"].url)

    assert policy(response) == PUBLIC_POLICY


def test_every_public_page_has_the_public_policy_and_the_permissions_policy(client, dialogue):
    site = crawl(client, ["/", form_url(dialogue), "/sok/?q=skolan", "/finns-inte/"])

    pages = [fetched for fetched in site.values() if fetched.is_html]
    assert len(pages) > 10
    assert {fetched.status for fetched in pages} >= {200, 404}
    for fetched in pages:
        assert policy(fetched) == PUBLIC_POLICY, fetched.url
        assert fetched.headers["Permissions-Policy"] == PERMISSIONS_POLICY, fetched.url


def test_the_csrf_refusal_page_has_the_public_policy(site_tree, dialogue):
    client = Client(enforce_csrf_checks=True)

    response = client.post(form_url(dialogue), {"title": "Belysning"})

    assert response.status_code == 403
    assert policy(response) == PUBLIC_POLICY


def test_the_admin_has_its_own_policy(client, db):
    assert policy(client.get("/admin/login/")) == ADMIN_POLICY

    client.force_login(get_user_model().objects.create_superuser("admin", "a@example.org", "x"))
    response = client.get("/admin/")

    assert response.status_code == 200
    assert policy(response) == ADMIN_POLICY


def test_a_page_previewed_in_the_admin_may_be_framed_by_the_admin(site_tree):
    """Wagtail renders a preview through the middleware with a dummy request for the page's
    own URL; the admin shows it in a frame, which frame-ancestors 'none' would refuse."""
    response = site_tree["place"].make_preview_request()

    assert response.status_code == 200
    assert policy(response) == ADMIN_POLICY


def test_the_admin_shows_no_gravatar_images(client, db):
    """A third-party image the admin policy would refuse, and that tells Gravatar who works."""
    client.force_login(get_user_model().objects.create_superuser("admin", "a@example.org", "x"))

    assert "gravatar" not in client.get("/admin/").content.decode()


INLINE = {
    "style attribute": re.compile(r"<[a-z][^>]*\sstyle\s*=", re.IGNORECASE),
    "style element": re.compile(r"<style[\s>]", re.IGNORECASE),
    # JSON-LD is data the browser never runs (home/seo.py), so it is not an inline script.
    "inline script": re.compile(
        r"<script(?![^>]*\s(?:src=|type=\"application/ld\+json\"))[^>]*>", re.IGNORECASE
    ),
    "event handler": re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.IGNORECASE),
    "javascript: URL": re.compile(r"javascript:", re.IGNORECASE),
}


def test_no_web_template_has_inline_script_or_style():
    """The policy refuses them. Emails are not web pages: their inline styles are right."""
    templates = settings.BASE_DIR / "templates"
    found = [
        f"{path.relative_to(templates)}: {what}"
        for path in sorted(templates.rglob("*.html"))
        if path.relative_to(templates).parts[0] != "emails"
        for what, pattern in INLINE.items()
        if pattern.search(path.read_text())
    ]

    assert found == []


# Permissions-Policy


def test_the_permissions_policy_denies_powerful_features_everywhere(client, site_tree, dialogue):
    for path in [site_tree["home"].url, form_url(dialogue), "/admin/login/"]:
        assert client.get(path).headers["Permissions-Policy"] == PERMISSIONS_POLICY, path


# The CSRF cookie


def test_opening_the_proposal_form_sets_the_csrf_cookie_for_a_day(client, dialogue):
    response = client.get(form_url(dialogue))

    cookie = response.cookies[settings.CSRF_COOKIE_NAME]
    assert cookie["max-age"] == DAY
    assert cookie["path"] == "/"
    assert cookie["samesite"] == "Lax"
    assert cookie["httponly"] is True
    assert list(response.cookies) == ["csrftoken"]


def test_readers_get_no_cookie_only_a_form_sets_one(client, dialogue):
    """Every page a visitor can reach by links, each opened by a new visitor."""
    urls = [url for url, fetched in crawl(client, ["/"]).items() if fetched.is_html]

    setting_cookies = {url for url in urls if Client().get(url).cookies}

    assert len(urls) > 10
    assert setting_cookies == {form_url(dialogue)}


def test_the_privacy_notice_names_the_cookie_and_how_long_it_lasts():
    """The demo's privacy notice and the settings must say the same (finding 14)."""
    notice = next(str(block) for block in PRIVACY["body"] if "Kakan" in str(block))

    assert "inga kakor när du bara läser" in notice
    assert "När du öppnar ett formulär för att skicka något" in notice
    assert "csrftoken" in notice and settings.CSRF_COOKIE_NAME == "csrftoken"
    assert "ett dygn efter att du senast öppnade ett formulär" in notice
    assert settings.CSRF_COOKIE_AGE == DAY


def test_the_privacy_notice_names_the_sent_to_cookie_and_how_long_it_lasts():
    """The masked address after sending (portal.web.sent_to) lasts ten minutes at most."""
    notice = next(str(block) for block in PRIVACY["body"] if COOKIE in str(block))

    assert COOKIE == "skickat_till"
    assert "a***@example.org" in notice
    assert "senast efter tio minuter" in notice
    assert MAX_AGE == 10 * 60
