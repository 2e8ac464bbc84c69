"""Public proposals: what lists, counts and a proposal's page load, never any personal data.

Lists defer the personal fields: reading one on an item would cost a query per item, which the
query-count tests catch.
"""

from typing import NamedTuple

from django.db.models import Count, Prefetch

from ..models import DialoguePage, Proposal, ProposalUpdate
from ..models.proposals import Status, Visibility

PRIVATE_FIELDS = (
    "title",
    "body",
    "name",
    "email",
    "phone",
    "postal_address",
    "display_name",
    "age_group",
    "hidden_reason",
    "follow_token_hash",
)


class StatusCount(NamedTuple):
    status: str
    label: str
    count: int


class StatusTally(NamedTuple):
    """How many public proposals have each status, every status in the method's order."""

    total: int
    rows: list[StatusCount]


def proposals_of_dialogue(dialogue):
    """The public proposals of one dialogue."""
    return Proposal.objects.public().filter(dialogue=dialogue)


def proposals_of_place(place):
    """The public proposals of all a village's dialogues."""
    return Proposal.objects.public().filter(dialogue__in=DialoguePage.objects.child_of(place))


def proposals_in(dialogues):
    """The public proposals of `dialogues`, already known to be live and public (a listing's)."""
    return Proposal.objects.filter(
        visibility=Visibility.PUBLIC, dialogue__in=[dialogue.pk for dialogue in dialogues]
    )


def status_tally(proposals):
    """Count `proposals` per status in one query."""
    counts = dict(
        proposals.order_by().values("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    rows = [
        StatusCount(status.value, status.label, counts.get(status.value, 0)) for status in Status
    ]
    return StatusTally(sum(counts.values()), rows)


def listed_proposals(proposals, today=None):
    """What a list of proposals shows: theme, responsible and dialogue joined, whether its
    promised date has passed, no personal data."""
    return (
        proposals.with_promise(today)
        .select_related("theme", "responsible", "dialogue", "progress_step")
        .defer(*PRIVATE_FIELDS, "dialogue__body", "dialogue__summary")
    )


def proposal_with_timeline(proposals, reference, today=None):
    """One proposal with its public updates, their responsible bodies and steps, and whether
    its promised date has passed, or None."""
    updates = ProposalUpdate.objects.select_related("responsible", "progress_step").defer(
        "internal_note", "author"
    )
    return (
        proposals.filter(reference=reference)
        .with_promise(today)
        .select_related("theme", "responsible")
        .defer(*(field for field in PRIVATE_FIELDS if field != "display_name"))
        .prefetch_related(Prefetch("updates", queryset=updates))
        .first()
    )
