"""A proposal carried out, its resident who wants status emails, the village's followers."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from rounds.models import Proposal
from rounds.models.proposals import Status
from tests.support import proposals as make

# In the past, so that answers given now come after the answer they are about.
DONE_AT = timezone.now().replace(microsecond=0) - timedelta(weeks=6)
ASK_AT = DONE_AT + timedelta(weeks=4, days=1)
PROPOSER = "anna.resident@example.org"


def answered_on(when, dialogue, status, *, answer=None, **fields):
    """A public proposal received a month before `when` and answered with `status` then."""
    proposal = make.proposal(dialogue, **fields)
    received = when - timedelta(days=30)
    proposal.updates.update(created_at=received)
    Proposal.objects.filter(pk=proposal.pk).update(submitted_at=received)
    make.answer(proposal, status, created_at=when, **(answer or {}))
    mail.outbox.clear()
    return proposal


@pytest.fixture
def done(village):
    """Läckeby's proposal, "Genomfört" on DONE_AT; the resident asked for status emails."""
    return answered_on(
        DONE_AT,
        village["dialogue"],
        Status.DONE,
        answer={"public_message": "Lampan är uppsatt."},
        email=PROPOSER,
        notify_status=True,
        name="Anna Invånare",
    )
