"""Keeping bots and floods out of the proposal form without a CAPTCHA.

A honeypot field people leave empty, a minimum time between opening the form and sending it,
and limits in the shared cache (rounds.ratelimits): per client address a ceiling that a full
village hall on one Wi-Fi never reaches, a smaller one for reviews carrying an upload (decoding
a photo is expensive), and receipts per recipient and day. Each check returns a `Refusal` (a
Swedish message, an HTTP status, and for 429 when to try again) or None; the view keeps what
was typed.
"""

import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from home.models import MunicipalitySettings

from .ratelimits import DAY, HOUR, Limit, client_address, normalised_recipient

HONEYPOT_FIELD = "website"
STARTED_FIELD = "started"
_STARTED_SALT = "rounds.abuse.started"

PROPOSAL_LIMIT = Limit("proposals", "PROPOSALS_PER_CLIENT_HOUR", HOUR)
UPLOAD_LIMIT = Limit("uploads", "PROPOSALS_UPLOADS_PER_CLIENT_HOUR", HOUR)
RECEIPT_LIMIT = Limit("receipts", "PROPOSALS_RECEIPTS_PER_ADDRESS_DAY", DAY)


@dataclass(frozen=True)
class Refusal:
    message: str
    status: int = 400
    retry_after: int | None = None  # seconds, sent as Retry-After


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


def wait_message(seconds):
    """The "wait N minutes" of a refusal, rounded up so that trying again then works."""
    minutes = max(1, math.ceil(seconds / 60))
    return ngettext(
        "Vänta %(minutes)d minut och försök sedan igen.",
        "Vänta %(minutes)d minuter och försök sedan igen.",
        minutes,
    ) % {"minutes": minutes}


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


def receipt_allowed(email):
    """Whether a receipt may go to this address today; the proposal is kept either way.

    Stops a script from flooding a stranger's inbox with receipts; the receipt page shows the
    private link regardless.
    """
    return bool(email) and RECEIPT_LIMIT.take(normalised_recipient(email))
