"""The automatic part of a published summary, "Ni sa – vi gjorde": the dialogue's public
proposals grouped by what came of them, each with its latest public answer.

One query, however many proposals: the answer and the planned date come from subqueries.
A duplicate is listed under the proposal it repeats when that one is in the same summary, so a
matter is counted once; the others are listed in a group of their own, so every public proposal
appears exactly once.
"""

from dataclasses import dataclass, field

from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _

from ..models import DialogueEvent, ProposalUpdate
from ..models.proposals import Status
from .queries import PRIVATE_FIELDS


@dataclass(frozen=True)
class Outcome:
    """What came of a proposal, as the summary names and explains it."""

    key: str
    heading: str
    explanation: str
    statuses: tuple
    responsible_label: str = ""


OUTCOMES = (
    Outcome(
        "direct_action",
        _("Åtgärdas"),
        _("Det här gör kommunen utan lång planering."),
        (Status.DIRECT_ACTION,),
    ),
    Outcome("done", _("Genomfört"), _("Det här är redan gjort."), (Status.DONE,)),
    Outcome(
        "planned",
        _("Längre planering"),
        _("Det här tar längre tid. Under varje förslag står vem som ansvarar."),
        (Status.PLANNED,),
        _("Ansvarig:"),
    ),
    Outcome(
        "forwarded",
        _("Skickat vidare"),
        _("Det här bestämmer någon annan än kommunen över. Förslaget är skickat dit."),
        (Status.FORWARDED,),
        _("Skickat till:"),
    ),
    Outcome(
        "not_feasible",
        _("Genomförs inte"),
        _("Det här blir inte av. Under varje förslag står varför."),
        (Status.NOT_FEASIBLE,),
    ),
    Outcome(
        "open",
        _("Behandlas fortfarande"),
        _("Arbetsgruppen har inte gett besked om de här förslagen ännu."),
        (Status.RECEIVED, Status.REVIEWING),
    ),
    Outcome(
        "duplicate",
        _("Samma som ett annat förslag"),
        _("De handlar om samma sak som ett förslag som inte finns i den här sammanställningen."),
        (Status.DUPLICATE,),
    ),
)


@dataclass
class OutcomeGroup:
    outcome: Outcome
    proposals: list = field(default_factory=list)

    @property
    def count(self):
        return len(self.proposals)


@dataclass
class Outcomes:
    """The non-empty groups in the summary's order, and how many proposals there were."""

    groups: list
    total: int
    nested_duplicates: int

    @property
    def open_count(self):
        return sum(group.count for group in self.groups if group.outcome.key == "open")


def summary_proposals(proposals, today=None):
    """`proposals` (a dialogue's public ones) with theme, responsible, answer and planned date.

    `answer` and `answered_at` are the latest update that has a public message; `promised_date`
    (with `is_overdue`, see `ProposalQuerySet.with_promise`) and `date_reason` (why no date is
    planned yet) are the latest update's. Personal data is not loaded.
    """
    updates = ProposalUpdate.objects.filter(proposal=OuterRef("pk")).order_by("-created_at", "-pk")
    answers = updates.exclude(public_message="")
    return (
        proposals.with_promise(today)
        .select_related("theme", "responsible", "progress_step")
        .defer(*PRIVATE_FIELDS)
        .annotate(
            answer=Subquery(answers.values("public_message")[:1]),
            answered_at=Subquery(answers.values("created_at")[:1]),
            date_reason=Subquery(updates.values("planned_date_unknown_reason")[:1]),
        )
        .order_by("reference")
    )


def _original_in(listed, proposal):
    """The first proposal in the chain `proposal` duplicates that is listed and no duplicate."""
    seen = {proposal.pk}
    target = listed.get(proposal.duplicate_of_id)
    while target is not None and target.status == Status.DUPLICATE and target.pk not in seen:
        seen.add(target.pk)
        target = listed.get(target.duplicate_of_id)
    if target is None or target.status == Status.DUPLICATE:
        return None
    return target


def group_proposals(proposals):
    """Group `proposals` (from `summary_proposals`) by outcome; see the module docstring."""
    proposals = list(proposals)
    listed = {proposal.pk: proposal for proposal in proposals}
    groups = {outcome.key: OutcomeGroup(outcome) for outcome in OUTCOMES}
    by_status = {status: groups[o.key] for o in OUTCOMES for status in o.statuses}
    nested = 0
    for proposal in proposals:
        proposal.repeats = []
    for proposal in proposals:
        original = _original_in(listed, proposal) if proposal.status == Status.DUPLICATE else None
        if original is not None:
            original.repeats.append(proposal)
            nested += 1
        else:
            by_status[proposal.status].proposals.append(proposal)
    return Outcomes(
        groups=[group for group in groups.values() if group.count],
        total=len(proposals),
        nested_duplicates=nested,
    )


def held_events(dialogue):
    """The walk and the meeting that took place (not cancelled), in order."""
    kinds = (DialogueEvent.Kind.WALK, DialogueEvent.Kind.DIALOGUE)
    return [e for e in dialogue.ordered_events if e.kind in kinds and not e.cancelled]


def summary_context(dialogue, request, proposals):
    """What a published summary shows besides the editor's text; `proposals` are its public ones."""
    return {
        "outcomes": group_proposals(summary_proposals(proposals)),
        "held_events": held_events(dialogue),
    }
