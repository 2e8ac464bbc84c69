"""The admin's querysets: each is one query, whatever the number of emails or followers."""

from django.db.models import Count, Q

from places.models import PlacePage

from ..models import Follower, OutgoingEmail

UNDELIVERED = Q(state=OutgoingEmail.State.FAILED) | Q(
    state=OutgoingEmail.State.QUEUED, attempts__gt=0
)


def undelivered(emails=None):
    """Emails the mail server has refused: given up, or waiting for another try."""
    emails = OutgoingEmail.objects.all() if emails is None else emails
    return emails.filter(UNDELIVERED)


def followers_per_place():
    """Every village with `confirmed` and `unconfirmed` counts of its followers, by name."""
    return (
        PlacePage.objects.defer_streamfields()
        .annotate(
            confirmed=Count("followers", filter=Q(followers__confirmed_at__isnull=False)),
            unconfirmed=Count("followers", filter=Q(followers__confirmed_at__isnull=True)),
        )
        .order_by("title")
    )


def followers_with_address(address):
    """Every village's follower with this address, however its letters are written."""
    return Follower.objects.filter(email__iexact=address.strip())
