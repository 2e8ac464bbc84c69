"""Public listings of dialogues, events and proposals: each a constant number of queries.

Every listing starts from `DialoguePage.objects.listed()` (live, public, long texts deferred,
events prefetched) and gets each dialogue's village attached by `attach_places`.
"""

from datetime import UTC, datetime
from typing import NamedTuple

from django.db.models import Count, Prefetch
from wagtail.models import Page

from .models import DialogueEvent, DialoguePage, Proposal, ProposalUpdate
from .models.proposals import Status, Visibility

FAR_FUTURE = datetime.max.replace(tzinfo=UTC)


def attach_places(dialogues):
    """Set `dialogue.place` on each dialogue with one query for all their parent villages."""
    dialogues = list(dialogues)
    parent_paths = {dialogue.path[: -Page.steplen] for dialogue in dialogues}
    places = {page.path: page for page in Page.objects.filter(path__in=parent_paths)}
    for dialogue in dialogues:
        dialogue.place = places.get(dialogue.path[: -Page.steplen])
    return dialogues


def _first_start(dialogue):
    """When a dialogue's first event starts; dialogues without events sort last."""
    events = dialogue.ordered_events
    return events[0].start if events else FAR_FUTURE


def upcoming_events(now, limit=None, place=None):
    """Events that have not ended yet, soonest first, each with `dialogue.place` set."""
    dialogues = DialoguePage.objects.live().public()
    if place is not None:
        dialogues = dialogues.child_of(place)
    events = (
        DialogueEvent.objects.filter(end__gte=now, dialogue__in=dialogues)
        .select_related("dialogue")
        .defer("dialogue__body", "dialogue__summary")
        .order_by("start")
    )
    if limit:
        events = events[:limit]
    events = list(events)
    attach_places(event.dialogue for event in events)
    return events


def next_event_by_place(now):
    """The next event of each village, keyed by the village page's path."""
    next_events = {}
    for event in upcoming_events(now):
        next_events.setdefault(event.dialogue.path[: -Page.steplen], event)
    return next_events


def open_for_proposals(today):
    """Dialogues that take proposals today, the one closing first at the top."""
    candidates = (
        DialoguePage.objects.listed()
        .filter(proposals_open__lte=today)
        .exclude(proposals_close__lt=today)
    )
    dialogues = [d for d in candidates if d.is_open_for_proposals(today)]
    dialogues.sort(key=lambda d: d.proposal_window_closes)
    return attach_places(dialogues)


def latest_summaries(today, limit=3):
    """The most recently published summaries."""
    dialogues = (
        DialoguePage.objects.listed()
        .filter(summary_published_at__lte=today)
        .order_by("-summary_published_at", "-pk")[:limit]
    )
    return attach_places(dialogues)


def dialogues_of_place(place):
    """A village's dialogues, the newest first."""
    dialogues = sorted(DialoguePage.objects.listed().child_of(place), key=_first_start)
    dialogues.reverse()
    return attach_places(dialogues)


def dialogues_of_round(round_page):
    """A round's dialogues in the order they take place."""
    dialogues = sorted(DialoguePage.objects.listed().filter(round=round_page), key=_first_start)
    return attach_places(dialogues)


# Public proposals. Lists load no personal data: reading a deferred field on an item would
# cost a query per item, which the query-count tests catch.

PRIVATE_FIELDS = (
    "title",
    "body",
    "name",
    "email",
    "phone",
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


def listed_proposals(proposals):
    """What a list of proposals shows: theme, responsible and dialogue joined, no personal data."""
    return proposals.select_related("theme", "responsible", "dialogue").defer(
        *PRIVATE_FIELDS, "dialogue__body", "dialogue__summary"
    )


def proposal_with_timeline(proposals, reference):
    """One proposal with its public updates and their responsible bodies, or None."""
    updates = ProposalUpdate.objects.select_related("responsible").defer("internal_note", "author")
    return (
        proposals.filter(reference=reference)
        .select_related("theme", "responsible")
        .defer(*(field for field in PRIVATE_FIELDS if field != "display_name"))
        .prefetch_related(Prefetch("updates", queryset=updates))
        .first()
    )
