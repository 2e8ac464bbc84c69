"""The only writers of registrations: saving one (and announcing it) and deleting old ones."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from ..models import EventRegistration
from .signals import registration_received

# Days after its event a registration is kept: time for the contact to follow up on a need,
# the same 30 days the outbox keeps an email's address (notifications.send_queued_emails).
KEEP_DAYS = 30


def register(registration):
    """Save the resident's anmälan and tell the listeners, in one transaction."""
    with transaction.atomic():
        registration.save()
        registration_received.send(sender=EventRegistration, registration=registration)
    return registration


def delete_old(now=None, keep_days=KEEP_DAYS):
    """Delete the registrations of events that ended more than `keep_days` days ago."""
    now = now or timezone.now()
    old = EventRegistration.objects.filter(event__end__lt=now - timedelta(days=keep_days))
    deleted, _ = old.delete()
    return deleted
