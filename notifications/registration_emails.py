"""Emails about a resident's anmälan to an event: the registration to the dialogue's contact
(else the municipality's address), the receipt to the resident, and their reminder the day
before, which repeats what they asked for.

The resident's emails go only to the address they gave, the contact's only to staff; none is
ever sent to anyone else. Reminders are queued by `manage.py send_reminders`.
"""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Site

from home.models import MunicipalitySettings
from portal.web.links import absolute_url
from rounds.models import DialoguePage, EventRegistration

from . import limits
from .mail import keeps_the_work, queue_email
from .models import OutgoingEmail
from .notices import local_midnight

REMINDER_DAYS = 1  # the day before the event


def municipality():
    site = Site.objects.filter(is_default_site=True).first()
    return MunicipalitySettings.for_site(site) if site else None


def contact_address(dialogue):
    """Where the registration goes: the dialogue's contact person, else the municipality."""
    contact = dialogue.contact
    if contact and contact.email:
        return contact.email
    settings = municipality()
    return settings.contact_email if settings else ""


def context_for(registration):
    event = registration.event
    dialogue = event.dialogue
    return {
        "registration": registration,
        "event": event,
        "dialogue": dialogue,
        "place": dialogue.get_parent(),
        "contact": dialogue.contact,
        "needs": registration.needs_text(),
        "dialogue_url": absolute_url(dialogue.get_url()),
    }


@keeps_the_work
def send_to_contact(registration):
    """The registration with everything the resident wrote, for whoever arranges the help."""
    to = contact_address(registration.event.dialogue)
    if not to:
        return None
    return queue_email(
        to=to,
        name="registration_received",
        context=context_for(registration),
        unsubscribe=None,  # staff email about their own event: there is nothing to stop
        dedupe_key=f"registration-contact:{registration.pk}",
    )


@keeps_the_work
def send_receipt(registration):
    """The resident's confirmation, when they gave an address (at most a few a day to one)."""
    if not limits.receipt_allowed(registration.email):
        return None
    return queue_email(
        to=registration.email,
        name="registration_receipt",
        context=context_for(registration),
        unsubscribe=None,  # the resident asked for this one email and its one reminder
        dedupe_key=f"registration-receipt:{registration.pk}",
    )


@keeps_the_work
def queue_reminder(registration):
    event = registration.event
    return queue_email(
        to=registration.email,
        name="registration_reminder",
        context=context_for(registration),
        unsubscribe=None,
        dedupe_key=f"registration-reminder:{registration.pk}:{event.sequence}",
    )


def send_reminders(today, now=None):
    """The day before an event, remind each resident who registered with an address.

    Not for cancelled or begun events, nor under unpublished dialogues; a moved event is a new
    reminder (its sequence is in the key). Returns how many were queued.
    """
    now = now or timezone.now()
    day = today + timedelta(days=REMINDER_DAYS)
    registrations = (
        EventRegistration.objects.filter(
            event__start__gte=local_midnight(day),
            event__start__lt=local_midnight(day + timedelta(days=1)),
            event__start__gt=now,
            event__cancelled=False,
            event__dialogue__in=DialoguePage.objects.live().public(),
        )
        .exclude(email="")
        .select_related("event__dialogue__contact")
        .defer("event__dialogue__body", "event__dialogue__summary")
        .order_by("pk")
    )
    queued = 0
    for registration in registrations:
        key = f"registration-reminder:{registration.pk}:{registration.event.sequence}"
        if not OutgoingEmail.objects.filter(dedupe_key=key).exists():
            queued += queue_reminder(registration) is not None
    return queued
