""" "Stämmer det?" by email: the question to the resident who sent a proposal and to the
village's followers who want status news, and reading the link it carries.

`send_proposal_checks` (the daily job) asks each person once per proposal
(`rounds.proposals.checks.ask` keeps the row that says so), only those who asked for news:
the proposer who left an address and wants status emails, confirmed followers whose choice
includes status changes. A person who is both is asked once, as the proposer.
"""

import logging
from datetime import timedelta
from typing import NamedTuple

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from portal.web.links import absolute_url
from rounds.models import Proposal, ProposalCheck
from rounds.pages.tree import attach_places
from rounds.proposals.checks import ask, due_proposals

from .mail import queue_email, unsubscribe_url
from .models import Follower
from .resident_emails import wants_status_emails
from .tokens import check_token, read_check_token

logger = logging.getLogger(__name__)

WANTS_STATUS_NEWS = (Follower.Updates.EACH, Follower.Updates.WEEKLY)


def link_max_age():
    return timedelta(days=settings.PROPOSALS_VERIFY_LINK_DAYS)


def send_proposal_checks(now=None):
    """Queue the question to everyone not yet asked about each due proposal; return how many."""
    now = now or timezone.now()
    proposals = list(due_proposals(now).select_related("dialogue").order_by("pk"))
    attach_places([proposal.dialogue for proposal in proposals])
    place_ids = {proposal.dialogue.place.pk for proposal in proposals if proposal.dialogue.place}
    followers = {}
    for follower in Follower.objects.filter(
        place_id__in=place_ids, confirmed_at__isnull=False, updates__in=WANTS_STATUS_NEWS
    ).order_by("pk"):
        followers.setdefault(follower.place_id, []).append(follower)
    queued = 0
    for proposal in proposals:
        place = proposal.dialogue.place
        if wants_status_emails(proposal):
            queued += _ask(proposal, proposal.email, None, now)
        for follower in followers.get(place.pk if place else None, []):
            queued += _ask(proposal, follower.email, follower, now)
    return queued


def _ask(proposal, email, follower, now):
    """Make the question's row and queue its email together: 1 when sent now, else 0."""
    try:
        with transaction.atomic():
            check, created = ask(proposal, email, is_proposer=follower is None, now=now)
            if not created:
                return 0
            queue_check_email(check, email, follower)
            return 1
    except Exception:
        logger.exception("Could not queue the question about proposal %s", proposal.pk)
        return 0


def queue_check_email(check, email, follower):
    proposal = check.proposal
    return queue_email(
        to=email,
        name="proposal_check",
        context={
            "proposal": proposal,
            "place": proposal.dialogue.place,
            "is_proposer": follower is None,
            "answer_url": absolute_url(reverse("notifications:check", args=[check_token(check)])),
            "public_url": absolute_url(proposal.get_public_url()),
            "link_days": settings.PROPOSALS_VERIFY_LINK_DAYS,
        },
        unsubscribe=unsubscribe_url(proposal=proposal)
        if follower is None
        else unsubscribe_url(follower=follower),
        dedupe_key=f"proposal-check:{check.pk}",
    )


class FoundCheck(NamedTuple):
    state: str  # "valid", "expired", "forged" or "gone"
    check: ProposalCheck | None = None


def find_check(token):
    """The question a link is for, if the link is genuine, recent and its proposal public."""
    try:
        check_id = read_check_token(token, link_max_age())
    except signing.SignatureExpired:
        return FoundCheck("expired")
    except signing.BadSignature:
        return FoundCheck("forged")
    check = (
        ProposalCheck.objects.filter(
            pk=check_id, proposal__in=Proposal.objects.public().filter(withdrawn_at=None)
        )
        .select_related("proposal__dialogue")
        .first()
    )
    return FoundCheck("valid", check) if check else FoundCheck("gone")
