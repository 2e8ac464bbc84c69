""" "Stämmer det?": whom to ask, recording an answer, and the answers in figures.

Weeks after a proposal became "Genomfört" or "Åtgärdas" (`PROPOSALS_VERIFY_AFTER_WEEKS`), the
resident who sent it and the village's followers are asked whether it is done (the emails are
notifications' business). A "Nej" from the resident who sent it adds the entry "Invånaren säger
att det inte är klart" to the proposal's one timeline, which puts it back in the working
group's queue (`said_not_done`) until they answer with an update of their own.
"""

from datetime import timedelta
from typing import NamedTuple

from django.conf import settings
from django.db import transaction
from django.db.models import Count, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from ..models import Proposal, ProposalCheck, ProposalUpdate
from ..models.checks import CheckAnswer, CommentVisibility
from ..models.proposals import Status

CHECKED_STATUSES = (Status.DONE, Status.DIRECT_ACTION)
# A proposal is asked about only this long after its due date: turning the feature on, or a
# job that did not run for a while, never asks about what was done years ago.
ASK_WITHIN = timedelta(weeks=8)


def respondent_key(email):
    """The stored stand-in for a person: a keyed hash of the address, not the address."""
    address = email.strip().lower()
    return salted_hmac("rounds.checks.respondent", address, algorithm="sha256").hexdigest()


def due_proposals(now=None):
    """Public proposals whose "Genomfört" or "Åtgärdas" is old enough to ask about."""
    now = now or timezone.now()
    due = now - timedelta(weeks=settings.PROPOSALS_VERIFY_AFTER_WEEKS)
    return Proposal.objects.public().filter(
        status__in=CHECKED_STATUSES,
        withdrawn_at=None,
        status_changed_at__lte=due,
        status_changed_at__gt=due - ASK_WITHIN,
    )


def ask(proposal, email, *, is_proposer, now=None):
    """The question's row for this person and proposal: (check, True) the first time only."""
    return ProposalCheck.objects.get_or_create(
        proposal=proposal,
        respondent=respondent_key(email),
        defaults={"is_proposer": is_proposer, "asked_at": now or timezone.now()},
    )


@transaction.atomic
def record_answer(check, answer, comment="", now=None):
    """Save the person's answer (the same link changes it); a changed comment waits for
    moderation again. A "Nej" from the proposer adds the public timeline entry, once."""
    if answer not in CheckAnswer.values:
        raise ValueError(answer)
    now = now or timezone.now()
    comment = comment.strip()
    if comment != check.comment:
        check.comment = comment
        check.comment_visibility = CommentVisibility.PENDING
    check.answer = answer
    check.answered_at = now
    check.save()
    if answer == CheckAnswer.NO and check.is_proposer:
        _resident_says_not_done(check.proposal, now)
    return check


def _resident_says_not_done(proposal, now):
    """Add the resident's "not done" to the timeline, unless it is already the latest entry.

    The entry repeats the latest update's status, responsible, date and progress, so the
    status and a promise's date stay the working group's word.
    """
    latest = proposal.updates.order_by("-created_at", "-pk").first()
    if latest is None or latest.from_resident:
        return
    ProposalUpdate.objects.create(
        proposal=proposal,
        status=latest.status,
        responsible=latest.responsible,
        planned_date=latest.planned_date,
        progress_step=latest.progress_step,
        progress_percent=latest.progress_percent,
        public_message=_("Invånaren som lämnade förslaget säger att det inte är klart."),
        from_resident=True,
        created_at=max(now, latest.created_at),  # the latest entry, whatever the clocks say
    )


def said_not_done(proposals=None):
    """Proposals whose latest timeline entry is the proposer's "Nej, inte än": the working
    group owes them an answer. One subquery, however many proposals."""
    proposals = Proposal.objects.all() if proposals is None else proposals
    latest = ProposalUpdate.objects.filter(proposal=OuterRef("pk")).order_by("-created_at", "-pk")
    return (
        proposals.annotate(latest_from_resident=Subquery(latest.values("from_resident")[:1]))
        .filter(latest_from_resident=True)
        .order_by("status_changed_at", "pk")
    )


class AnswerCount(NamedTuple):
    yes: int
    no: int


class AnswerCounts(NamedTuple):
    """The answers per proposal id (only proposals with answers) and in total."""

    by_proposal: dict[int, AnswerCount]
    total: AnswerCount


def answer_counts(proposals):
    """Count the "Ja" and "Nej" answers about `proposals`, in one query."""
    rows = (
        ProposalCheck.objects.filter(proposal__in=proposals.values("pk"))
        .exclude(answer="")
        .order_by()
        .values("proposal_id")
        .annotate(
            yes=Count("pk", filter=Q(answer=CheckAnswer.YES)),
            no=Count("pk", filter=Q(answer=CheckAnswer.NO)),
        )
    )
    by_proposal = {row["proposal_id"]: AnswerCount(row["yes"], row["no"]) for row in rows}
    total = AnswerCount(
        sum(count.yes for count in by_proposal.values()),
        sum(count.no for count in by_proposal.values()),
    )
    return AnswerCounts(by_proposal, total)


def public_comments(proposal):
    """The moderated comments on a proposal, newest first: their text and answer, no one's name."""
    return (
        ProposalCheck.objects.filter(proposal=proposal, comment_visibility=CommentVisibility.PUBLIC)
        .exclude(comment="")
        .exclude(answer="")
        .only("answer", "comment", "answered_at")
        .order_by("-answered_at", "-pk")
    )
