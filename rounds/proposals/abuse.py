"""Keeping bots and floods out of the proposal form without a CAPTCHA.

A honeypot field people leave empty, a minimum time between opening the form and sending it,
and limits in the shared cache (portal.web.ratelimits): per client address a ceiling that a full
village hall on one Wi-Fi never reaches, and a smaller one for reviews carrying an upload
(decoding a photo is expensive). Receipts per recipient are capped in `notifications.limits`.
Each check returns a `Refusal` (a Swedish message, an HTTP status, and for 429 when to try
again) or None; the view keeps what was typed.
"""

import time

from django.conf import settings
from django.core import signing
from django.utils.translation import gettext as _

from home.models import MunicipalitySettings
from portal.web.ratelimits import HOUR, Limit, client_address
from portal.web.refusals import Refusal, wait_message

STARTED_FIELD = "started"
_STARTED_SALT = "rounds.abuse.started"  # as first written: in-flight forms stay valid

PROPOSAL_LIMIT = Limit("proposals", "PROPOSALS_PER_CLIENT_HOUR", HOUR)
UPLOAD_LIMIT = Limit("uploads", "PROPOSALS_UPLOADS_PER_CLIENT_HOUR", HOUR)


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


def other_ways(request):
    """How to reach the municipality instead, from its settings; empty when none are set."""
    municipality = MunicipalitySettings.for_request(request)
    ways = [way for way in (municipality.contact_phone, municipality.contact_email) if way]
    if not ways:
        return ""
    return _("Du kan också lämna förslaget per brev eller telefon till kommunen: %(ways)s.") % {
        "ways": ", ".join(ways)
    }


def rate_refusal(request):
    """A refusal (429) when this address has sent more proposals this hour than a hall would.

    Many people may share one address (a village hall, a school, a mobile operator), so the
    message blames nobody, keeps what was typed and says what else to do.
    """
    wait = PROPOSAL_LIMIT.seconds_until_allowed(client_address(request))
    if not wait:
        return None
    return busy_refusal(request, wait)


def upload_refusal(request):
    """A refusal (429) when the review carries a photo beyond this address's upload limit.

    Counted before the photo is opened: decoding is the expensive part.
    """
    if "photo" not in request.FILES:
        return None
    if UPLOAD_LIMIT.take(client_address(request)):
        return None
    return busy_refusal(request, UPLOAD_LIMIT.seconds_left())


def busy_refusal(request, wait):
    message = " ".join(
        part
        for part in (
            _("Många skickar förslag från samma nätverk just nu."),
            wait_message(wait),
            _("Det du har skrivit finns kvar."),
            other_ways(request),
        )
        if part
    )
    return Refusal(message, status=429, retry_after=wait)


def record_submission(request, now=None):
    """Count one sent proposal against the client's address."""
    PROPOSAL_LIMIT.record(client_address(request), now)
