"""Anonymous pages from the shared cache.

Django's cache framework rather than wagtail-cache: the pages that must be cached are not only
Wagtail pages (feeds, calendars, search, the figures are Django views), and invalidation is one
generation number (portal.web.page_cache) rather than wagtail-cache's clearing of a whole cache,
which on the shared Redis would also clear the rate limits. Django's own UpdateCache/FetchFromCache
middleware pair cannot key on the generation and the date, nor tell a CDN more than max-age; this
middleware uses its helpers for the keys and the Vary headers.

A request is served from the cache only if it is a GET or HEAD with no session or messages
cookie (staff and anyone mid-way through a form are never served a shared copy), outside the
admin and the static and media files. A response is stored only if it is a 200 that sets no
cookie and does not say private or no-store (the private link pages, the forms and the receipts
do).
"""

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.urls import reverse
from django.utils.cache import (
    cc_delim_re,
    get_cache_key,
    get_conditional_response,
    has_vary_header,
    learn_cache_key,
    patch_cache_control,
)

from portal.web.page_cache import Lifetimes, key_prefix

UNCACHEABLE_DIRECTIVES = {"private", "no-store", "no-cache"}
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
        prefix = key_prefix()
        key = get_cache_key(request, prefix, "GET", cache=cache)
        cached = cache.get(key) if key else None
        if cached is not None:
            response = get_conditional_response(request, etag=cached.get("ETag"), response=cached)
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if request.method == "GET" and self.is_cacheable_response(response, request):
            lifetimes = Lifetimes()
            if not response.has_header("Cache-Control"):
                patch_cache_control(response, **lifetimes.cache_control())
            if lifetimes.shared:
                key = learn_cache_key(request, response, lifetimes.shared, prefix, cache=cache)
                # Rendered later, when the template response is; stored as it leaves.
                if hasattr(response, "render") and callable(response.render):
                    response.add_post_render_callback(lambda r: cache.set(key, r, lifetimes.shared))
                else:
                    cache.set(key, response, lifetimes.shared)
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
    def is_cacheable_response(response, request):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        directives = {
            part.split("=")[0].strip().lower()
            for part in cc_delim_re.split(response.get("Cache-Control", ""))
        }
        if directives & UNCACHEABLE_DIRECTIVES:
            return False
        # A page that read the (empty) session varies on the cookie: one copy for everyone
        # without cookies, none per CSRF cookie.
        return not (request.COOKIES and has_vary_header(response, "Cookie"))
