"""What pages show from rounds: coming events, open dialogues, summaries, a village's dialogues
and a dialogue's proposals. Added through the hook "extend_page_context" (rounds/wagtail_hooks.py),
for the pages of `home` and `places` (which sit below rounds) as for rounds' own.
"""

from django.utils import timezone

from ..proposals.queries import proposals_in, proposals_of_dialogue, status_tally
from ..proposals.summary import summary_context
from .listings import (
    dialogues_of_place,
    dialogues_of_round,
    latest_summaries,
    next_event_by_place,
    open_for_proposals,
    upcoming_events,
)
from .printing import print_context


def home_page(page, request, context):
    """What is coming up, what takes proposals, what was decided."""
    now = timezone.now()
    context["upcoming_events"] = upcoming_events(now, limit=8)
    context["open_dialogues"] = open_for_proposals(timezone.localdate(now))
    context["latest_summaries"] = latest_summaries(timezone.localdate(now), limit=3)


def village_index(page, request, context):
    """Each village in the list with its next walk or dialogue."""
    next_events = next_event_by_place(timezone.now())
    for place in context["places"]:
        place.next_event = next_events.get(place.path)


def village(page, request, context):
    """The village's dialogues, its coming events, its latest summary and its proposals."""
    now = timezone.now()
    dialogues = dialogues_of_place(page)
    context["dialogues"] = dialogues
    context["upcoming_events"] = upcoming_events(now, place=page)
    context["latest_summary"] = next(
        (d for d in dialogues if d.summary_is_published(timezone.localdate(now))), None
    )
    context["proposal_tally"] = status_tally(proposals_in(dialogues))


def round_page(page, request, context):
    """The round's dialogues in the order they take place."""
    context["dialogues"] = dialogues_of_round(page)


def dialogue(page, request, context):
    """The count of the dialogue's public proposals, and once published its summary."""
    proposals = proposals_of_dialogue(page)  # built once: public() queries the restrictions
    context["proposal_tally"] = status_tally(proposals)
    if context["summary_published"]:
        context.update(summary_context(page, request, proposals))
        context.update(print_context(page, request))  # the printed contact block's QR code


BY_PAGE_TYPE = {
    "home.homepage": home_page,
    "places.placeindexpage": village_index,
    "places.placepage": village,
    "rounds.roundpage": round_page,
    "rounds.dialoguepage": dialogue,
}


def extend(page, request, context):
    """Add to `context` what rounds has for `page`'s type, if anything."""
    add = BY_PAGE_TYPE.get(page._meta.label_lower)
    if add is not None:
        add(page, request, context)
