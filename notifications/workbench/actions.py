"""What staff can do from the admin: try an email again now, and forget a follower's address."""

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from .. import mail
from ..models import OutgoingEmail
from .queries import followers_with_address, undelivered

RETRY_ACTION = "notifications.email.retry"
FORGET_ACTION = "notifications.follower.forget"


def can_retry(email):
    return email.state == OutgoingEmail.State.FAILED or (
        email.state == OutgoingEmail.State.QUEUED and email.attempts > 0
    )


def retry_now(email, user):
    """Queue an email the mail server refused for one more attempt now.

    Returns False when it was not waiting for a retry (sent meanwhile, or never tried).
    If the attempt fails too, the email is given up again (or retried later), with the error.
    """
    now = timezone.now()
    with transaction.atomic():
        retried = (
            undelivered()
            .filter(pk=email.pk)
            .update(state=OutgoingEmail.State.QUEUED, next_attempt_at=now)
        )
        if retried:
            log(instance=email, action=RETRY_ACTION, user=user)
    if retried:
        email.refresh_from_db()
        mail.enqueue_delivery(email)  # The immediate backend sends it before this returns.
    return bool(retried)


def forget_address(address, user):
    """Delete the address's followers in every village; returns how many there were.

    The audit log names the villages, never the address.
    """
    with transaction.atomic():
        followers = list(followers_with_address(address).select_related("place"))
        for follower in followers:
            log(
                instance=follower,
                action=FORGET_ACTION,
                user=user,
                data={"place": follower.place.title},
            )
        followers_with_address(address).filter(pk__in=[f.pk for f in followers]).delete()
    return len(followers)
