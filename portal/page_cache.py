"""Anonymous pages from the shared cache.

Django's cache framework rather than wagtail-cache: the pages that must be cached are not only
Wagtail pages (feeds, calendars, search, the figures are Django views), and invalidation is one
generation number (portal.web.page_cache) rather than wagtail-cache's clearing of a whole cache,
which on the shared Redis would also clear the rate limits. Django's own UpdateCache/FetchFromCache
middleware pair cannot key on the generation and the date, nor tell a CDN more than max-age, and
looks up each page's Vary headers in a second round trip; this middleware keys a page on what
can change it (`page_key`) and reads the page and the generation in one round trip.

A request is served from the cache only if it is a GET or HEAD with no session or messages
cookie (staff and anyone mid-way through a form are never served a shared copy), outside the
admin and the static and media files. A response is stored only if it is a 200 that sets no
cookie and does not say private or no-store (the private link pages, the forms and the receipts
do).
"""

import hashlib

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.urls import reverse
from django.utils.cache import cc_delim_re, get_conditional_response, patch_cache_control

from portal.web import page_cache
from portal.web.page_cache import GENERATION_KEY, Lifetimes, key_prefix

UNCACHEABLE_DIRECTIVES = {"private", "no-store", "no-cache"}
KEYED_VARY_HEADERS = {"accept-encoding", "cookie"}
MESSAGES_COOKIE = CookieStorage.cookie_name  # a message waits for this visitor


class AnonymousPageCacheMiddleware:
    """Serve anonymous GET requests from the cache; store the public answers to them.

    Outermost but for the security middleware: a cached page skips everything below, and is
    stored compressed, as GZipMiddleware left it, with the ETag ConditionalGetMiddleware gave it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_SECONDS or not self.is_cacheable_request(request):
            return self.get_response(request)
        cache = caches[settings.PAGE_CACHE_ALIAS]
        key = page_key(request)
        # One round trip: the current generation and the page with the generation it was
        # rendered in; a page of an older generation is never served.
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY) or page_cache.generation()
        stored_generation, cached = found.get(key, (None, None))
        if cached is not None and stored_generation == generation:
            response = get_conditional_response(request, etag=cached.get("ETag"), response=cached)
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if request.method == "GET" and self.is_cacheable_response(response):
            lifetimes = Lifetimes()
            if not response.has_header("Cache-Control"):
                patch_cache_control(response, **lifetimes.cache_control())
            if lifetimes.shared:
                # The generation read before rendering: a change committed meanwhile wins.
                cache.set(key, (generation, response), lifetimes.shared)
        response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def is_cacheable_request(request):
        if request.method not in ("GET", "HEAD"):
            return False
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            return False
        if MESSAGES_COOKIE in request.COOKIES:
            return False
        path = request.path_info
        return not path.startswith(
            (reverse("wagtailadmin_home"), settings.STATIC_URL, settings.MEDIA_URL)
        )

    @staticmethod
    def is_cacheable_response(response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        directives = {
            part.split("=")[0].strip().lower()
            for part in cc_delim_re.split(response.get("Cache-Control", ""))
        }
        if directives & UNCACHEABLE_DIRECTIVES:
            return False
        # What the key tells apart (page_key); Cookie only because the page looked at the empty
        # session of a reader without one.
        return set(vary_headers(response)) <= KEYED_VARY_HEADERS


def page_key(request):
    """The page's key: the date (key_prefix), whether the reader takes gzip, and the full
    address with its query. No other request header changes what a page says."""
    gzip = "gzip" if "gzip" in request.headers.get("Accept-Encoding", "") else "plain"
    address = hashlib.md5(request.build_absolute_uri().encode(), usedforsecurity=False)
    return f"{key_prefix()}.{gzip}.{address.hexdigest()}"


def vary_headers(response):
    return [
        header.strip().lower()
        for header in cc_delim_re.split(response.get("Vary", ""))
        if header.strip()
    ]
