"""What a village was promised before: the proposals of its earlier dialogues that are still
open, so a new visit starts from what is owed rather than from a blank page.

Shown on the dialogue page ("Det här lovade vi 2024 — så står det till") and listed in the
followers' "Ny dialog" email. Three queries, however many dialogues and proposals: the earlier
dialogues, their events, and their open public proposals.
"""

from dataclasses import dataclass, field

from django.utils import timezone

from ..models import DialoguePage, Proposal
from ..models.proposals import Visibility
from .queries import PRIVATE_FIELDS


@dataclass
class Promises:
    """The open proposals of one earlier dialogue, overdue ones first."""

    dialogue: DialoguePage
    year: int
    proposals: list = field(default_factory=list)


def held_on(dialogue):
    """The day a dialogue took place: its meeting, else its first event, else its round's
    start, else when it was first published. Reads the events already loaded."""
    event = dialogue.meeting or next(iter(dialogue.ordered_events), None)
    if event is not None:
        return timezone.localdate(event.start)
    if dialogue.round_id and dialogue.round:
        return dialogue.round.start_date
    published = dialogue.first_published_at or timezone.now()
    return timezone.localdate(published)


def earlier_promises(dialogue, today=None):
    """The open public proposals of the village's dialogues held before `dialogue`, one group
    per dialogue, the latest dialogue first; an empty list when there are none."""
    when = held_on(dialogue)
    earlier = [
        other
        for other in DialoguePage.objects.listed().sibling_of(dialogue, inclusive=False)
        if held_on(other) < when
    ]
    if not earlier:
        return []
    by_id = {other.pk: other for other in earlier}
    proposals = (
        Proposal.objects.filter(visibility=Visibility.PUBLIC, dialogue_id__in=by_id)
        .still_open()
        .with_promise(today)
        .select_related("theme", "responsible")
        .defer(*PRIVATE_FIELDS)
        .order_by("-is_overdue", "reference")
    )
    groups = {other.pk: Promises(other, held_on(other).year) for other in earlier}
    for proposal in proposals:
        proposal.dialogue = by_id[proposal.dialogue_id]  # already loaded: no query per item
        groups[proposal.dialogue_id].proposals.append(proposal)
    found = [group for group in groups.values() if group.proposals]
    found.sort(key=lambda group: held_on(group.dialogue), reverse=True)
    return found


def first_promises(groups, limit):
    """At most `limit` proposals from `groups`, in their order, and how many were left out:
    for an email, which should stay short."""
    shown, left = [], 0
    for group in groups:
        room = max(limit - sum(len(g.proposals) for g in shown), 0)
        if room:
            shown.append(Promises(group.dialogue, group.year, group.proposals[:room]))
        left += max(len(group.proposals) - room, 0)
    return shown, left
