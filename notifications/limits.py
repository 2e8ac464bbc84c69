"""Refusing follow requests from another site or in floods, and capping confirmation emails
and proposal receipts per recipient.

Limits live in the shared cache (portal.web.ratelimits) and key on several signals: per client
address a ceiling a village hall on one Wi-Fi never reaches; per recipient, however the address
is written, a few confirmation emails a day across all villages (over it, nothing is sent but
the answer is the same, so the form tells nobody what an address receives); and all
confirmation emails to unconfirmed addresses together, per hour, so that a script on many
addresses cannot make the site a spam cannon. Each check returns a `portal.web.refusals.Refusal` or
None, like the proposal form's checks; the view keeps what was typed.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

from portal.web.ratelimits import DAY, EVERYONE, HOUR, Limit, client_address, normalised_recipient
from portal.web.refusals import Refusal, wait_message


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


RECEIPT_LIMIT = Limit("receipts", "PROPOSALS_RECEIPTS_PER_ADDRESS_DAY", DAY)
FOLLOW_LIMIT = Limit("follow", "FOLLOW_PER_CLIENT_HOUR", HOUR)
RECIPIENT_LIMIT = Limit("follow-recipient", "FOLLOW_CONFIRMATIONS_PER_ADDRESS_DAY", DAY)
CONFIRMATIONS_LIMIT = Limit("follow-confirmations", "FOLLOW_CONFIRMATIONS_PER_HOUR", HOUR)


def rate_refusal(request):
    """A refusal (429) when this address has asked more often this hour than a hall would."""
    wait = FOLLOW_LIMIT.seconds_until_allowed(client_address(request))
    return busy_refusal(_("Många vill följa orter från samma nätverk just nu."), wait)


def flood_refusal(request):
    """A refusal (429) when more confirmation emails went out this hour than the site allows."""
    wait = CONFIRMATIONS_LIMIT.seconds_until_allowed(EVERYONE)
    return busy_refusal(
        _("Många vill följa orter just nu, så vi skickar inte fler bekräftelser en stund."), wait
    )


def busy_refusal(reason, wait):
    """429 that blames nobody: why, how long to wait, and that the address is kept; None when
    there is nothing to wait for."""
    if not wait:
        return None
    message = " ".join([reason, wait_message(wait), _("Din e-postadress finns kvar i formuläret.")])
    return Refusal(message, status=429, retry_after=wait)


def record_request(request, now=None):
    """Count one follow request against the client's address."""
    FOLLOW_LIMIT.record(client_address(request), now)


def take_confirmation(email):
    """Whether a confirmation email may go to this address now; counts it if so."""
    return RECIPIENT_LIMIT.take(normalised_recipient(email))


def give_back_confirmation(email):
    """The email was not sent after all (the same one went a moment ago)."""
    RECIPIENT_LIMIT.give_back(normalised_recipient(email))


def record_unconfirmed_confirmation():
    """Count one confirmation email to an address that has not confirmed (the flood ceiling)."""
    CONFIRMATIONS_LIMIT.record(EVERYONE)


def receipt_allowed(email):
    """Whether a proposal's receipt may go to this address today; the proposal is kept either way.

    Stops a script from flooding a stranger's inbox with receipts; the receipt page shows the
    private link regardless.
    """
    return bool(email) and RECEIPT_LIMIT.take(normalised_recipient(email))
