"""A breadth-first crawl of the site through Django's test client, and a search for leaks in it.

Tests that must prove something about every public response (no personal data, no broken link)
start at "/" and a few known URLs, follow every same-site link, and inspect what came back:

    site = crawl(client, ["/", "/orter/lackeby/forslag/"])
    crawl(client, print_urls([dialogue.url]), seen=site)  # the print pages, linked or not
    assert not leaks(site.values(), markers)
"""

import json
from collections import deque
from dataclasses import dataclass
from urllib.parse import quote, urljoin, urlsplit
from xml.etree import ElementTree

from bs4 import BeautifulSoup

SAME_SITE_HOSTS = {"", "testserver", "localhost"}
SKIP_PREFIXES = ("/admin/",)
LINK_ATTRIBUTES = {"a": "href", "link": "href", "area": "href", "img": "src", "script": "src"}
REDIRECTS = {301, 302, 303, 307, 308}
# The printable routes of every dialogue (rounds/pages/printing.py): the summary in large print
# (404 until it is published) and the kom ihåg-kort.
DIALOGUE_PRINT_ROUTES = ("sammanstallning/stor-text/", "kort/")


@dataclass
class Fetched:
    """One response: where it came from and everything a visitor could read in it."""

    url: str
    status: int
    headers: dict
    body: bytes
    found_on: str | None  # the page that linked here; None for a start URL

    @property
    def is_html(self):
        return self.headers.get("Content-Type", "").startswith("text/html")


def same_site_path(href, base):
    """The path and query `href` on the page at `base` points to; None if it leaves the site."""
    url = urlsplit(urljoin(base, href.strip()))
    # webcal:// is the subscribe link to our own calendars: fetched like the https address.
    if url.scheme not in {"", "http", "https", "webcal"} or url.netloc not in SAME_SITE_HOSTS:
        return None
    path = url.path or "/"
    if path.startswith(SKIP_PREFIXES):
        return None
    return f"{path}?{url.query}" if url.query else path


def sitemap_locations(body):
    """The page addresses a sitemap.xml lists (parsed as XML: an HTML parser warns)."""
    sitemap = ElementTree.fromstring(body)  # noqa: S314 - our own test server's sitemap
    return [
        loc.text.strip() for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    ]


def linked_paths(fetched):
    """Same-site URLs this response points to: links, images, stylesheets, redirects."""
    if fetched.status in REDIRECTS:
        target = same_site_path(fetched.headers.get("Location", ""), fetched.url)
        return [target] if target else []
    content_type = fetched.headers.get("Content-Type", "")
    if fetched.url.endswith("robots.txt"):  # robots.txt names the sitemap, which lists the pages
        lines = fetched.body.decode("utf-8", "replace").splitlines()
        named = [line.partition(":")[2].strip() for line in lines if line.startswith("Sitemap:")]
        return [path for path in (same_site_path(u, fetched.url) for u in named) if path]
    if "xml" in content_type and b"<urlset" in fetched.body:
        found = [same_site_path(url, fetched.url) for url in sitemap_locations(fetched.body)]
        return [path for path in found if path]
    if not fetched.is_html:
        return []
    soup = BeautifulSoup(fetched.body, "html.parser")
    found = []
    for tag, attribute in LINK_ATTRIBUTES.items():
        for element in soup.find_all(tag, attrs={attribute: True}):
            target = same_site_path(element[attribute], fetched.url)
            if target:
                found.append(target)
    return found


def fetch(client, url, found_on=None):
    response = client.get(url)
    if getattr(response, "streaming", False):
        body = b"".join(response.streaming_content)
    else:
        body = response.content
    return Fetched(url, response.status_code, dict(response.items()), body, found_on)


def crawl(client, start=("/",), seen=None, limit=3000):
    """Fetch `start` and every same-site URL reachable from it; {url: Fetched}, in visit order.

    /admin/, other hosts (the Google and Outlook calendar links) and mailto:/tel: links are left
    out; webcal:// links to this site are followed. Pass the result of an earlier
    crawl as `seen` to go on from it without fetching its URLs again. Raises if more than `limit`
    URLs turn up, so a page that makes endless links fails the test instead of hanging it.
    """
    seen = {} if seen is None else seen
    queue = deque((url, None) for url in start)
    while queue:
        url, found_on = queue.popleft()
        if url in seen:
            continue
        if len(seen) >= limit:
            raise AssertionError(f"more than {limit} URLs from {list(start)[:3]}: endless links?")
        fetched = seen[url] = fetch(client, url, found_on)
        queue.extend((link, url) for link in linked_paths(fetched) if link not in seen)
    return seen


def print_urls(dialogue_urls):
    """The printable pages of each dialogue at `dialogue_urls`, linked from it or not."""
    return [url + route for url in dialogue_urls for route in DIALOGUE_PRINT_ROUTES]


def spellings(marker):
    """The ways a marker can show up in a response: as is, in any case, URL- or JSON-escaped."""
    forms = {marker, quote(marker), quote(marker, safe=""), json.dumps(marker)[1:-1]}
    return {form.lower() for form in forms}


def leaks(responses, markers, ignore=()):
    """Descriptions of every marker found in the bodies or headers of `responses`.

    `ignore` lists strings to cut out of a body first, e.g. the search words a search page
    repeats back to the visitor.
    """
    found = []
    for fetched in responses:
        body = fetched.body.decode("utf-8", "replace").lower()
        for text in ignore:
            for form in spellings(text):
                body = body.replace(form, "")
        headers = "\n".join(f"{name}: {value}" for name, value in fetched.headers.items()).lower()
        for marker in markers:
            for form in spellings(marker):
                if form in body:
                    found.append(f"{marker!r} in the body of {fetched.url} ({fetched.status})")
                if form in headers:
                    found.append(f"{marker!r} in the headers of {fetched.url}")
    return found
