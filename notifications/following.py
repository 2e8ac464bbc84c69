"""Following a village by email: ask, confirm (double opt-in), and forget who never confirmed.

Asking sends only a confirmation email, and answers the same whether the address already
follows the village or not. What a follower gets changes only through a link sent to the
address: the link carries the choice, and confirming it applies the choice.
"""

from datetime import timedelta
from typing import NamedTuple
from urllib.parse import urlencode

from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from portal.web.links import absolute_url

from . import limits, tokens
from .mail import queue_email, unsubscribe_url
from .models import Follower

UNCONFIRMED_DAYS = tokens.CONFIRM_MAX_AGE // (24 * 60 * 60)  # as long as the link works
UPDATES_PARAMETER = "besked"  # the choice, carried in the confirmation link
RESEND_AFTER = 15 * 60  # seconds: asking again within the same quarter of an hour sends nothing


def normalise(email):
    """The address as stored: surrounding spaces gone, the domain in lower case."""
    local, _, domain = email.strip().rpartition("@")
    return f"{local}@{domain.lower()}"


def request_follow(place, email, updates, now=None):
    """Handle "Följ <ort>": create or find the follower and send a link to confirm.

    - a new address: an unconfirmed follower, and the confirmation email;
    - not confirmed yet: the confirmation email again, and a week more to use it;
    - confirmed with another choice: a link that changes the choice when used;
    - confirmed with the same choice: nothing to send.
    At most one email per follower and choice in each quarter of an hour, however often the
    form is sent, and a few a day per recipient across all villages (notifications.limits), so
    that nobody's inbox can be flooded through the form. Over a limit nothing is sent, and the
    caller answers as if it were.
    """
    now = now or timezone.now()
    follower, created = find_or_create(place, normalise(email), updates)
    if follower.confirmed_at is None and not created:
        Follower.objects.filter(pk=follower.pk).update(created_at=now)
    elif follower.confirmed_at is not None and follower.updates == updates:
        return None
    return send_confirmation(follower, updates, now)


def find_or_create(place, email, updates):
    """(follower, created) for the address, matched without regard to case."""
    existing = Follower.objects.filter(place=place, email__iexact=email).first()
    if existing:
        return existing, False
    try:
        with transaction.atomic():
            return Follower.objects.create(place=place, email=email, updates=updates), True
    except IntegrityError:  # the same address, sent twice at the same moment
        return Follower.objects.get(place=place, email__iexact=email), False


def confirm_url(follower, updates):
    token = tokens.confirm_token(follower)
    query = urlencode({UPDATES_PARAMETER: updates})
    return absolute_url(f"{reverse('notifications:follow_confirm', args=[token])}?{query}")


def send_confirmation(follower, updates, now):
    """Queue the email with the confirmation link (or the link that changes the choice)."""
    if not limits.take_confirmation(follower.email):
        return None
    email = queue_confirmation(follower, updates, now)
    if email is None:  # the same email went out this quarter of an hour
        limits.give_back_confirmation(follower.email)
    elif follower.confirmed_at is None:
        limits.record_unconfirmed_confirmation()
    return email


def queue_confirmation(follower, updates, now):
    slot = int(now.timestamp()) // RESEND_AFTER
    context = {
        "follower": follower,
        "place": follower.place,
        "changing": follower.confirmed_at is not None,
        "updates_label": Follower.Updates(updates).label,
        "confirm_url": confirm_url(follower, updates),
        "valid_days": UNCONFIRMED_DAYS,
    }
    return queue_email(
        to=follower.email,
        name="follow_confirm",
        context=context,
        unsubscribe=unsubscribe_url(follower=follower),
        dedupe_key=f"follow-confirm:{follower.pk}:{updates}:{slot}",
    )


class Confirmation(NamedTuple):
    """What a confirmation link leads to: state is "valid", "expired", "gone" or "forged"."""

    state: str
    follower: Follower | None = None
    place_id: int | None = None


def check_confirmation(token):
    """Read a confirmation link's token; an expired one still tells which village it was for."""
    try:
        follower_id = tokens.read_confirm_token(token)
    except signing.SignatureExpired:
        follower_id = signing.loads(token, salt=tokens.CONFIRM_SALT)["f"]
        follower = Follower.objects.filter(pk=follower_id).only("place_id").first()
        return Confirmation("expired", place_id=follower and follower.place_id)
    except (signing.BadSignature, KeyError, TypeError):
        return Confirmation("forged")
    follower = Follower.objects.filter(pk=follower_id).select_related("place").first()
    if follower is None:  # unsubscribed, or removed after a week without confirming
        return Confirmation("gone")
    return Confirmation("valid", follower, follower.place_id)


def confirm(follower, updates=None, now=None):
    """Start sending to the follower, with the choice from the link when it is a valid one."""
    fields = []
    if follower.confirmed_at is None:
        follower.confirmed_at = now or timezone.now()
        fields.append("confirmed_at")
    if updates in Follower.Updates.values and updates != follower.updates:
        follower.updates = updates
        fields.append("updates")
    if fields:
        follower.save(update_fields=fields)
    return follower


def purge_unconfirmed(now=None):
    """Delete followers who did not confirm within the link's week (data minimisation)."""
    cutoff = (now or timezone.now()) - timedelta(days=UNCONFIRMED_DAYS)
    deleted, _ = Follower.objects.filter(confirmed_at__isnull=True, created_at__lt=cutoff).delete()
    return deleted
