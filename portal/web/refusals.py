"""Why a public form was refused, in Swedish, and the honeypot every public form carries.

A check returns a `Refusal` (a message, an HTTP status, and for 429 when to try again) or None;
the view shows the message above the form and keeps what was typed.
"""

import math
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

HONEYPOT_FIELD = "website"


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


def wait_message(seconds):
    """The "wait N minutes" of a refusal, rounded up so that trying again then works."""
    minutes = max(1, math.ceil(seconds / 60))
    return ngettext(
        "Vänta %(minutes)d minut och försök sedan igen.",
        "Vänta %(minutes)d minuter och försök sedan igen.",
        minutes,
    ) % {"minutes": minutes}
