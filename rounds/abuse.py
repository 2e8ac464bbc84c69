"""Keeping bots and floods out of the proposal form without a CAPTCHA.

A honeypot field people leave empty, a minimum time between opening the form and sending it,
and a per-client limit on sent proposals kept in Django's cache. Each check returns a
`Refusal` (a Swedish message and an HTTP status) or None; the view keeps what was typed.
"""

import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

HONEYPOT_FIELD = "website"
STARTED_FIELD = "started"
_STARTED_SALT = "rounds.abuse.started"
_RATE_SALT = "rounds.abuse.rate"


@dataclass(frozen=True)
class Refusal:
    message: str
    status: int = 400


def honeypot_refusal(data):
    """A refusal when the field hidden from people was filled in."""
    if data.get(HONEYPOT_FIELD, "").strip():
        return Refusal(
            _(
                "Formuläret kunde inte skickas eftersom fältet som ska lämnas tomt var ifyllt. "
                "Kontrollera dina uppgifter och försök igen."
            )
        )
    return None


def start_stamp():
    """A signed note of when the form was opened, for the form's hidden field."""
    return signing.dumps(time.time(), salt=_STARTED_SALT)


def seconds_since(stamp):
    """Seconds since the stamp was made; None when it is missing or was not made here."""
    try:
        started = float(signing.loads(stamp or "", salt=_STARTED_SALT))
    except (signing.BadSignature, TypeError, ValueError):
        return None
    return time.time() - started


def valid_stamp(stamp):
    """The stamp if it was made here, otherwise a new one."""
    return stamp if seconds_since(stamp) is not None else start_stamp()


def fill_time_refusal(stamp):
    """A refusal when the form came back faster than a person can fill it in."""
    elapsed = seconds_since(stamp)
    if elapsed is None:
        return Refusal(
            _("Formuläret kunde inte kontrolleras. Kontrollera dina uppgifter och skicka igen.")
        )
    if elapsed < settings.PROPOSALS_MIN_FILL_SECONDS:
        return Refusal(
            _("Formuläret skickades mycket snabbt. Vänta några sekunder och försök sedan igen.")
        )
    return None


def client_key(request, scope):
    """A cache key for the client: a keyed hash of its address, never the address itself.

    Behind a reverse proxy, PROPOSALS_CLIENT_IP_HEADER names the header the proxy sets to the
    client's address (e.g. HTTP_X_REAL_IP); otherwise every client would share the proxy's.
    """
    header = settings.PROPOSALS_CLIENT_IP_HEADER
    address = (header and request.META.get(header)) or request.META.get("REMOTE_ADDR", "")
    return f"{scope}:sent:" + salted_hmac(_RATE_SALT, f"{scope}:{address}").hexdigest()


@dataclass(frozen=True)
class RateLimit:
    """At most `limit` actions per client within `window` seconds, counted in Django's cache.

    Both are names of settings, read on every call so they can be configured and overridden.
    """

    scope: str
    limit_setting: str
    window_setting: str

    @property
    def limit(self):
        return max(1, getattr(settings, self.limit_setting))

    @property
    def window(self):
        return getattr(settings, self.window_setting)

    def _recent(self, request, now):
        moments = cache.get(client_key(request, self.scope), [])
        return [moment for moment in moments if moment > now - self.window]

    def seconds_until_allowed(self, request, now=None):
        """0 when the client may act again, otherwise how many seconds to wait."""
        now = now or time.time()
        recent = self._recent(request, now)
        if len(recent) < self.limit:
            return 0
        return max(1, math.ceil(recent[-self.limit] + self.window - now))

    def record(self, request, now=None):
        """Count one action against the client's limit."""
        now = now or time.time()
        recent = [*self._recent(request, now), now][-self.limit :]
        cache.set(client_key(request, self.scope), recent, self.window)


PROPOSAL_LIMIT = RateLimit("proposals", "PROPOSALS_RATE_LIMIT", "PROPOSALS_RATE_WINDOW")


def seconds_until_allowed(request, now=None):
    """0 when the client may send another proposal, otherwise how many seconds to wait."""
    return PROPOSAL_LIMIT.seconds_until_allowed(request, now)


def rate_refusal(request):
    """A refusal (429) when the client has sent as many proposals as the window allows."""
    wait = seconds_until_allowed(request)
    if not wait:
        return None
    minutes = math.ceil(wait / 60)
    return Refusal(
        ngettext(
            "Du har skickat många förslag på kort tid. Vänta %(minutes)d minut och "
            "skicka sedan igen. Det du har skrivit finns kvar.",
            "Du har skickat många förslag på kort tid. Vänta %(minutes)d minuter och "
            "skicka sedan igen. Det du har skrivit finns kvar.",
            minutes,
        )
        % {"minutes": minutes},
        status=429,
    )


def record_submission(request, now=None):
    """Count one sent proposal against the client's limit."""
    PROPOSAL_LIMIT.record(request, now)
