"""Refusing follow requests that come from another site, or too often from one client.

Each check returns a `rounds.abuse.Refusal` (a Swedish message and an HTTP status) or None,
like the proposal form's checks in rounds.abuse; the view keeps what was typed.
"""

import math
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from rounds.abuse import RateLimit, Refusal


def cross_site_refusal(request):
    """A refusal (403) when the browser says the form was sent from another site.

    Browsers send Sec-Fetch-Site and Origin with every POST. A request without them (an old
    browser, a script) is let through: it can do no more than anyone can with the form.
    """
    origin = request.headers.get("Origin")
    foreign = request.headers.get("Sec-Fetch-Site") == "cross-site" or (
        origin is not None
        and urlsplit(origin).netloc != request.get_host()
        and origin not in settings.CSRF_TRUSTED_ORIGINS
    )
    if not foreign:
        return None
    return Refusal(
        _(
            "Formuläret skickades från en annan webbplats. Kontrollera din e-postadress och "
            "skicka formuläret här igen."
        ),
        status=403,
    )


FOLLOW_LIMIT = RateLimit("follow", "FOLLOW_RATE_LIMIT", "FOLLOW_RATE_WINDOW")


def rate_refusal(request):
    """A refusal (429) when the client has asked to follow as often as the window allows."""
    wait = FOLLOW_LIMIT.seconds_until_allowed(request)
    if not wait:
        return None
    minutes = math.ceil(wait / 60)
    return Refusal(
        ngettext(
            "Formuläret har skickats många gånger på kort tid. Vänta %(minutes)d minut och "
            "försök sedan igen.",
            "Formuläret har skickats många gånger på kort tid. Vänta %(minutes)d minuter och "
            "försök sedan igen.",
            minutes,
        )
        % {"minutes": minutes},
        status=429,
    )


def record_request(request, now=None):
    FOLLOW_LIMIT.record(request, now)
