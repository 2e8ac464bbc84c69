"""Fixtures for the browser tests: the system Chromium, a fresh page per test, the test site.

The browser is started once for this package (so once per run) and closed when its last test
has finished. While Playwright's sync API is running it keeps an asyncio loop in the test
thread, and Django refuses database access from a thread with a running loop, so the fixture
sets DJANGO_ALLOW_ASYNC_UNSAFE for exactly that time; the unit tests never see it.

Without /usr/bin/chromium (or the playwright package) the tests are skipped with a hint, except
on CI (CI=true), where a missing browser is a failure: the tests must not silently not run.
"""

import mimetypes
import os
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage

from tests.support.browser_site import build_site

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
MISSING_CHROMIUM = (
    f"Chromium not found at {CHROMIUM}: install Debian's chromium package to run the browser tests"
)


def _unavailable(reason):
    if os.environ.get("CI", "").strip().lower() == "true":
        pytest.fail(f"{reason} (CI=true: the browser tests must run on CI)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="package")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable(
            "The playwright package is missing: install the dev dependencies (make install)"
        )
    if not os.access(CHROMIUM, os.X_OK):
        _unavailable(MISSING_CHROMIUM)

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def _serve_media(route):
    """Answer /media/ requests from the storage, as the web server does in production.

    The test settings keep uploads in memory and the live server serves only static files, so
    without this the browser would show broken images.
    """
    name = unquote(urlsplit(route.request.url).path).removeprefix(settings.MEDIA_URL)
    if not default_storage.exists(name):
        route.fulfill(status=404, body="Not found")
        return
    with default_storage.open(name) as file:
        body = file.read()
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    route.fulfill(status=200, body=body, content_type=content_type)


@pytest.fixture
def page(browser, live_server, transactional_db):
    """A page in a fresh browser context (no cookies, no cache) on the live server."""
    context = browser.new_context(
        base_url=live_server.url,
        locale="sv-SE",
        timezone_id="Europe/Stockholm",
        viewport={"width": 1280, "height": 800},
    )
    context.set_default_timeout(10_000)
    context.route(f"{live_server.url}{settings.MEDIA_URL}**", _serve_media)
    browser_page = context.new_page()
    yield browser_page
    context.close()
    _wait_for_live_server_requests()


def _wait_for_live_server_requests(timeout=10.0):
    """Let requests the browser left in flight finish before the database is flushed.

    On PostgreSQL a query of such a request can deadlock with the flush's TRUNCATE.
    The live server handles each request in a thread running `process_request_thread`.
    """
    deadline = time.monotonic() + timeout
    for thread in threading.enumerate():
        if "process_request_thread" in thread.name:
            thread.join(max(0.0, deadline - time.monotonic()))


@pytest.fixture
def site(transactional_db):
    """Every page type in every state a template branches on (see tests/support/browser_site.py)."""
    return build_site()


@pytest.fixture
def visit(page, site):
    """Open the path on the live server and check the status; returns the page."""

    def open_path(path, status=200):
        response = page.goto(path)
        assert response is not None, f"no response for {path}"
        assert response.status == status, f"{path} answered {response.status}, not {status}"
        return page

    return open_path


@pytest.fixture
def admin_page(page, visit, site):
    """The browser, logged in to the admin as an administrator (who sees every column)."""
    get_user_model().objects.create_superuser("admin", "admin@example.org", "lösenord-1")
    visit("/admin/login/")
    page.locator("#id_username").fill("admin")
    page.locator("#id_password").fill("lösenord-1")
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/admin/")
    return page
