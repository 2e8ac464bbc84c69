"""What pages show from rounds: coming events, open dialogues, summaries, a village's dialogues
and a dialogue's proposals. Added through the hook "extend_page_context" (rounds/wagtail_hooks.py),
for the pages of `home` and `places` (which sit below rounds) as for rounds' own.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from places.models import PlacePage

from ..proposals.continuity import earlier_promises
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


def first_screen(request, event, open_dialogue, more_url, more_text):
    """The top of a dialogue or village page: the next date, and how to propose while open.

    What most visitors come for, so it comes before the introduction and the phases.
    """
    if event is None and open_dialogue is None:
        return None
    box = {"event": event, "more_url": more_url, "more_text": more_text}
    if open_dialogue is not None:
        box["propose_url"] = open_dialogue.get_url(request) + open_dialogue.reverse_subpage(
            "proposal_form"
        )
        box["closes"] = open_dialogue.proposal_window_closes
    return box


def home_page(page, request, context):
    """What is coming up, what takes proposals, what was decided."""
    now = timezone.now()
    context["upcoming_events"] = upcoming_events(now, limit=8)
    context["open_dialogues"] = open_for_proposals(timezone.localdate(now))
    context["latest_summaries"] = latest_summaries(timezone.localdate(now), limit=3)
    # "Välj din ort": most visitors come for one village.
    context["places"] = PlacePage.objects.live().public().defer_streamfields().order_by("title")


def village_index(page, request, context):
    """Each village in the list with its next walk or dialogue."""
    next_events = next_event_by_place(timezone.now())
    for place in context["places"]:
        place.next_event = next_events.get(place.path)


def village(page, request, context):
    """The village's dialogues, its coming events, its latest summary and its proposals."""
    now = timezone.now()
    today = timezone.localdate(now)
    dialogues = dialogues_of_place(page)
    context["dialogues"] = dialogues
    events = upcoming_events(now, place=page)
    context["upcoming_events"] = events
    event = next((e for e in events if not e.cancelled), None)
    open_dialogue = next((d for d in dialogues if d.is_open_for_proposals(today)), None)
    context["first_screen"] = first_screen(
        request,
        event,
        open_dialogue,
        event.dialogue.get_url(request) if event else None,
        _("Mer om %(dialogue)s") % {"dialogue": event.dialogue.short_title} if event else None,
    )
    context["latest_summary"] = next((d for d in dialogues if d.summary_is_published(today)), None)
    context["proposal_tally"] = status_tally(proposals_in(dialogues))


def round_page(page, request, context):
    """The round's dialogues in the order they take place."""
    context["dialogues"] = dialogues_of_round(page)


def dialogue(page, request, context):
    """The count of the dialogue's public proposals, what the village's earlier dialogues left
    open, and once published its summary."""
    proposals = proposals_of_dialogue(page)  # built once: public() queries the restrictions
    context["proposal_tally"] = status_tally(proposals)
    context["earlier_promises"] = earlier_promises(page)
    context["first_screen"] = first_screen(
        request,
        context["next_event"],
        page if context["is_open_for_proposals"] else None,
        "#events-heading",
        _("Alla tider, barnpassning och tillgänglighet"),
    )
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
