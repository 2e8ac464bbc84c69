"""What notifications listens to: a dialogue published (its dates and summary for the village's
followers), what happens to a proposal (the resident's emails, the followers' status news) and
a resident's anmälan to an event (to the contact person, and the resident's receipt).

The senders are Wagtail's publishing and `rounds.proposals.services`, inside their transaction;
every receiver keeps the work (`keeps_the_work`): a failure to queue an email is logged and never
undoes the publishing, the proposal or the answer.
"""

from django.dispatch import receiver
from wagtail.signals import page_published

from rounds.models import DialoguePage
from rounds.proposals.signals import proposal_published, proposal_received, proposal_updated
from rounds.registrations.signals import registration_received

from . import limits, notices, registration_emails, resident_emails
from .mail import keeps_the_work


@receiver(page_published, sender=DialoguePage, dispatch_uid="notifications.dialogue_published")
@keeps_the_work  # emails are queued, not sent, here; a failure never stops the publishing
def dialogue_published(sender, instance, **kwargs):
    notices.dialogue_published(instance)


@receiver(proposal_received, dispatch_uid="notifications.proposal_received")
@keeps_the_work  # the limit counts in the cache: if it is down, the proposal still lands
def proposal_receipt(sender, proposal, token, receipt, **kwargs):
    """The receipt with the private link, when the resident sent the proposal online; True
    when it was queued (the receipt page says so)."""
    if receipt and limits.receipt_allowed(proposal.email):
        return resident_emails.send_receipt(proposal, token) is not None
    return False


@receiver(proposal_published, dispatch_uid="notifications.proposal_published")
def proposal_made_public(sender, proposal, **kwargs):
    resident_emails.send_published(proposal)


@receiver(proposal_updated, dispatch_uid="notifications.proposal_updated")
def proposal_answered(sender, update, **kwargs):
    resident_emails.send_status(update)
    notices.status_changed(update)  # the village's followers


@receiver(registration_received, dispatch_uid="notifications.registration_received")
def registration_made(sender, registration, **kwargs):
    """The anmälan to the contact, and its receipt to the resident if they gave an address."""
    registration_emails.send_to_contact(registration)
    if registration.email:
        registration_emails.send_receipt(registration)
