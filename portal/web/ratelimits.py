"""Counters in the shared cache, so that every app process counts the same actions.

A limit allows so many actions per subject (a client's address, an email address, or
everything together) in a fixed window. Counting is one atomic `cache.add` and `cache.incr`,
never a read-modify-write, so concurrent processes cannot lose counts. Subjects go into cache
keys only as keyed hashes: the cache never holds an address.
"""

import contextlib
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac

# The salt stays as first written: a new one would reset every running count.
_KEY_SALT = "rounds.ratelimits.subject"
EVERYONE = "*"  # the subject of a limit on all actions together

HOUR = 60 * 60
DAY = 24 * HOUR


def client_address(request):
    """The client's address: REMOTE_ADDR, or behind a reverse proxy the header it overwrites.

    PROPOSALS_CLIENT_IP_HEADER names that header (e.g. HTTP_X_REAL_IP). The proxy must set it,
    not append to it, or a client could choose its own address.
    """
    header = settings.PROPOSALS_CLIENT_IP_HEADER
    return (header and request.META.get(header, "").strip()) or request.META.get("REMOTE_ADDR", "")


def normalised_recipient(email):
    """One spelling per mailbox: case, surrounding spaces and `+tags` removed, and for Gmail
    the dots it ignores, so `Anna+1@x.se` and ` anna@X.se ` count as the same recipient."""
    local, _, domain = email.strip().lower().rpartition("@")
    local = local.split("+", 1)[0]
    if domain in {"gmail.com", "googlemail.com"}:
        local, domain = local.replace(".", ""), "gmail.com"
    return f"{local}@{domain}"


@dataclass(frozen=True)
class Limit:
    """At most the setting `limit_setting` actions per subject in each window of `window` s."""

    scope: str
    limit_setting: str
    window: int

    @property
    def limit(self):
        return max(1, getattr(settings, self.limit_setting))

    def _slot(self, now):
        return int(now // self.window)

    def _key(self, subject, now):
        digest = salted_hmac(_KEY_SALT, f"{self.scope}:{subject}", algorithm="sha256")
        return f"limit:{self.scope}:{self._slot(now)}:{digest.hexdigest()[:32]}"

    def seconds_left(self, now=None):
        """Seconds until the current window ends and counting starts again."""
        now = time.time() if now is None else now
        return max(1, math.ceil((self._slot(now) + 1) * self.window - now))

    def count(self, subject, now=None):
        now = time.time() if now is None else now
        return cache.get(self._key(subject, now), 0)

    def seconds_until_allowed(self, subject, now=None):
        """0 when the subject may act again, otherwise how many seconds to wait."""
        now = time.time() if now is None else now
        return 0 if self.count(subject, now) < self.limit else self.seconds_left(now)

    def record(self, subject, now=None):
        """Count one action; returns the count in this window, this one included."""
        now = time.time() if now is None else now
        key = self._key(subject, now)
        timeout = self.seconds_left(now) + 1
        for _ in range(3):  # the key may expire between add and incr
            cache.add(key, 0, timeout)
            try:
                return cache.incr(key)
            except ValueError:
                continue
        return 1

    def take(self, subject, now=None):
        """Count one action if the limit allows it: True when it may go ahead.

        Counting first and comparing after means concurrent requests cannot all slip past.
        """
        return self.record(subject, now) <= self.limit

    def give_back(self, subject, now=None):
        """Undo a `take` whose action did not happen after all (e.g. nothing needed sending)."""
        now = time.time() if now is None else now
        with contextlib.suppress(ValueError):  # the window has ended meanwhile
            cache.decr(self._key(subject, now))
