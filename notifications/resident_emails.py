"""Emails to the resident who sent a proposal: the receipt, publication and each public answer.

They go only to the proposal's own address, through the outbox (notifications.mail), and hold
no staff names, internal notes or moderation reasons. Preparing one never costs the resident
their proposal or the case officer their update: a failure is logged, and the work is kept.
"""

from django.urls import reverse
from django.utils import timezone

from portal.web.links import absolute_url
from rounds.models.proposals import Status

from .mail import keeps_the_work, queue_email, unsubscribe_url


@keeps_the_work
def send_receipt(proposal, token):
    """Queue the receipt, with the private follow-up link (`token` exists only at submission)."""
    if not proposal.email:
        return None
    context = {
        "follow_url": absolute_url(reverse("proposals:follow", args=[token])),
        "emails_coming": proposal.notify_status,
        "events": [
            event
            for event in proposal.dialogue.ordered_events
            if not event.cancelled and event.end >= timezone.now()
        ],
    }
    return queue(proposal, "proposal_receipt", context, f"proposal-receipt:{proposal.pk}")


def wants_status_emails(proposal):
    """True when the resident asked for news and the proposal is public and not withdrawn."""
    return bool(
        proposal.email
        and proposal.notify_status
        and proposal.is_public
        and not proposal.withdrawn_at
    )


@keeps_the_work
def send_published(proposal):
    """Queue "your proposal is published" once, the first time moderation publishes it."""
    if not wants_status_emails(proposal):
        return None
    context = {
        "public_url": absolute_url(proposal.get_public_url()),
        "redacted": proposal.public_title != proposal.title
        or proposal.public_body != proposal.body,
        "photo_withheld": bool(proposal.photo) and proposal.photo_withheld,
    }
    return queue(proposal, "proposal_published", context, f"proposal-published:{proposal.pk}")


@keeps_the_work
def send_status(update):
    """Queue the email about a new public update of a proposal."""
    proposal = update.proposal
    if not wants_status_emails(proposal):
        return None
    duplicate_of = proposal.duplicate_of if update.status == Status.DUPLICATE else None
    context = {
        "update": update,
        "public_url": absolute_url(proposal.get_public_url()),
        "duplicate_url": absolute_url(duplicate_of.get_public_url())
        if duplicate_of and duplicate_of.is_public
        else "",
    }
    return queue(proposal, "proposal_status", context, f"proposal-status:{update.pk}")


def queue(proposal, name, context, dedupe_key):
    """Queue email `name` to the proposal's resident; None if it was queued before."""
    dialogue = proposal.dialogue
    return queue_email(
        to=proposal.email,
        name=name,
        context={
            "proposal": proposal,
            "dialogue": dialogue,
            "place": dialogue.get_parent(),
            **context,
        },
        unsubscribe=unsubscribe_url(proposal=proposal),
        dedupe_key=dedupe_key,
    )
