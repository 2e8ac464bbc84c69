"""The page cache's generation and how long a cached page may live.

Every cached anonymous page is stored with the generation it was rendered in, under a key that
starts with today's local date. A change to anything a public page shows calls `invalidate()`,
which starts a new generation: every page cached before it is never served again (Redis evicts
it in time). One
number instead of a list of the pages each change touches, because almost every change shows on
several pages (a proposal answered is on its page, the dialogue's list, the village page, the
summary, two feeds and the search) and a missed one would show a resident yesterday's answer.

This module is the lowest layer (portal.web) so that every app can invalidate.
"""

import time
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

GENERATION_KEY = "page-cache:generation"


def generation():
    """The current generation: a number that changes at every invalidation."""
    return cache.get_or_set(GENERATION_KEY, time.time_ns, timeout=None)


def invalidate():
    """Start a new generation once the current transaction commits.

    After the commit, not before: a page rendered from the old data while the transaction was
    open was stored under the old generation, and is never served again.
    """
    transaction.on_commit(_new_generation)


def _new_generation():
    cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def key_prefix(now=None):
    """The cache key prefix for pages rendered now: today's local date, so a page that says
    "i morgon" or lists the coming events is never served after midnight. (The generation is
    stored with the page, see portal.page_cache, so one read fetches both.)"""
    today = timezone.localdate(now)
    return f"{settings.PAGE_CACHE_KEY_PREFIX}.{today.isoformat()}"


class Lifetimes:
    """How long a cached page may live: in our cache and a CDN's (s-maxage), in the browser
    (max-age), and served stale while a CDN fetches a fresh one (stale-while-revalidate).

    None of them reaches past local midnight, so no cache anywhere serves yesterday's page.
    """

    BROWSER_SECONDS = 60
    STALE_SECONDS = 60

    def __init__(self, now=None, shared_seconds=None):
        now = timezone.localtime(now)
        midnight = datetime.combine(now.date() + timedelta(days=1), datetime.min.time())
        left = int((timezone.make_aware(midnight, now.tzinfo) - now).total_seconds())
        shared = settings.PAGE_CACHE_SECONDS if shared_seconds is None else shared_seconds
        self.stale = min(self.STALE_SECONDS, left // 2)
        self.shared = max(0, min(shared, left - self.stale))
        self.browser = min(self.BROWSER_SECONDS, self.shared)

    def cache_control(self):
        return {
            "public": True,
            "max_age": self.browser,
            "s_maxage": self.shared,
            "stale_while_revalidate": self.stale,
        }
