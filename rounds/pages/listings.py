"""Public listings of dialogues and events: each a constant number of queries.

Every listing starts from `DialoguePage.objects.listed()` (live, public, long texts deferred,
events prefetched) and gets each dialogue's village attached by `tree.attach_places`.
"""

from datetime import UTC, datetime

from ..models import DialogueEvent, DialoguePage, attach_replacements
from .tree import attach_places, parent_path

FAR_FUTURE = datetime.max.replace(tzinfo=UTC)


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
    events = attach_replacements(list(events))
    attach_places(event.dialogue for event in events)
    return events


def next_event_by_place(now):
    """The next event of each village, keyed by the village page's path."""
    next_events = {}
    for event in upcoming_events(now):
        next_events.setdefault(parent_path(event.dialogue.path), event)
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
