"""The figures of "Så har det gått": what came of the proposals of a village, a round or the
whole municipality, and the working group's breakdowns per department and per village.

Only public proposals count (moderated public, under a live and public dialogue, not
withdrawn). However many proposals there are, a set of figures costs four queries: the
proposals, their updates, the dialogues' attendance and the "Stämmer det?" answers; the rest is
counted in Python. The results are cached for ten minutes under the page cache's generation
(portal.web.page_cache), which every change a public page shows renews, so a new answer shows
at once.
"""

import statistics
from dataclasses import dataclass, field
from typing import NamedTuple

from django.core.cache import cache
from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.web import page_cache

from ..models import DialoguePage, Proposal, ProposalUpdate
from ..models.proposals import CLOSED_STATUSES, AgeGroup, Source, Status
from .checks import answer_counts

# An age group with fewer proposals than this is shown as "färre än 5", never as its number.
MIN_GROUP_SIZE = 5
CACHE_SECONDS = 10 * 60
# A first answer says what will happen: "Mottaget" and "Behandlas" do not yet.
NOT_AN_ANSWER = (Status.RECEIVED, Status.REVIEWING)


class Row(NamedTuple):
    """One bar and one table row: `count` is None where a small group is not shown."""

    key: str
    label: str
    count: int | None


class Promise:
    KEPT = "kept"
    LATE = "late"
    OVERDUE = "overdue"
    COMING = "coming"
    CHANGED = "changed"

    LABELS = {
        KEPT: gettext_lazy("Genomfört i tid"),
        LATE: gettext_lazy("Genomfört men senare än planerat"),
        OVERDUE: gettext_lazy("Datumet har passerat"),
        COMING: gettext_lazy("Datumet har inte kommit än"),
        CHANGED: gettext_lazy("Nytt besked utan datum"),
    }


@dataclass
class Facts:
    """What the figures need to know about one public proposal (no personal data but the age
    group, which is only ever counted)."""

    status: str
    source: str
    age_group: str
    dialogue_id: int
    responsible_id: int | None
    days_to_answer: int | None = None
    days_to_done: int | None = None
    promise: str | None = None


@dataclass
class Figures:
    total: int
    answered: int
    by_status: list[Row]
    by_source: list[Row]
    promises: list[Row]
    age_groups: list[Row]
    median_days_to_answer: float | None
    median_days_to_done: float | None
    attendance_walk: int | None = None
    attendance_walk_dialogues: int = 0
    attendance_dialogue: int | None = None
    attendance_dialogue_dialogues: int = 0
    # "Stämmer det?": residents' answers after "Genomfört"/"Åtgärdas" (`confirm`); None where
    # they were not counted (the working group's breakdowns).
    confirmations: list[Row] | None = None
    extra: dict = field(default_factory=dict)

    @property
    def answered_percent(self):
        return round(100 * self.answered / self.total) if self.total else None

    @property
    def done_count(self):
        return next(row.count for row in self.by_status if row.key == Status.DONE)

    @property
    def promises_total(self):
        return sum(row.count for row in self.promises)

    @property
    def promise_count(self):
        """`{"kept": 3, "overdue": 1, …}`, for the page's summary."""
        return {row.key: row.count for row in self.promises}


def counted(proposals):
    """The proposals that count: public and not withdrawn."""
    return proposals.filter(withdrawn_at=None)


def all_public():
    return counted(Proposal.objects.public())


def of_place(place):
    return counted(Proposal.objects.public().filter(dialogue__in=dialogues_of_place(place)))


def of_round(round_page):
    return counted(Proposal.objects.public().filter(dialogue__round=round_page))


def dialogues_of_place(place):
    return DialoguePage.objects.child_of(place).live().public()


def dialogues_of_round(round_page):
    return DialoguePage.objects.live().public().filter(round=round_page)


def _days(start, end):
    return (timezone.localdate(end) - timezone.localdate(start)).days


def load_facts(proposals, today):
    """Facts about each of `proposals`, in two queries (the proposals, then their updates)."""
    rows = proposals.with_promise(today).values(
        "pk",
        "status",
        "source",
        "age_group",
        "dialogue_id",
        "responsible_id",
        "submitted_at",
        "is_overdue",
    )
    facts, submitted, overdue = {}, {}, set()
    for row in rows:
        facts[row["pk"]] = Facts(
            row["status"], row["source"], row["age_group"], row["dialogue_id"],
            row["responsible_id"],
        )  # fmt: skip
        submitted[row["pk"]] = row["submitted_at"]
        if row["is_overdue"]:
            overdue.add(row["pk"])
    updates = (
        ProposalUpdate.objects.filter(proposal__in=proposals.values("pk"))
        .order_by("proposal_id", "created_at", "pk")
        .values_list("proposal_id", "status", "planned_date", "created_at")
    )
    history = {}
    for proposal_id, status, planned, created in updates:
        history.setdefault(proposal_id, []).append((status, planned, created))
    for pk, fact in facts.items():
        _follow_history(fact, submitted[pk], history.get(pk, []), pk in overdue, today)
    return list(facts.values())


def _follow_history(fact, submitted, updates, is_overdue, today):
    """Days to the first answer and to "Genomfört", and what became of a promised date."""
    promised, done_on, latest_planned = None, None, None
    for status, planned, created in updates:
        if fact.days_to_answer is None and status not in NOT_AN_ANSWER:
            fact.days_to_answer = _days(submitted, created)
        if status == Status.DONE and done_on is None:
            done_on = timezone.localdate(created)
            fact.days_to_done = _days(submitted, created)
        if done_on is None and planned is not None:
            promised = planned
        latest_planned = planned
    if fact.status != Status.DONE:
        fact.days_to_done = None
    if promised is None:
        return
    if fact.status == Status.DONE and done_on is not None:
        fact.promise = Promise.KEPT if done_on <= promised else Promise.LATE
    elif is_overdue:
        fact.promise = Promise.OVERDUE
    elif latest_planned is not None and fact.status not in CLOSED_STATUSES:
        fact.promise = Promise.COMING
    else:
        fact.promise = Promise.CHANGED


def _median(values):
    values = [value for value in values if value is not None]
    return statistics.median(values) if values else None


def _tally(facts, attribute):
    counts = {}
    for fact in facts:
        key = getattr(fact, attribute)
        counts[key] = counts.get(key, 0) + 1
    return counts


def summarise(facts):
    """The figures of `facts` (no attendance: that belongs to dialogues, see `attendance`)."""
    statuses = _tally(facts, "status")
    sources = _tally(facts, "source")
    ages = _tally(facts, "age_group")
    promises = _tally(facts, "promise")
    letter_phone = sources.get(Source.LETTER, 0) + sources.get(Source.PHONE, 0)
    return Figures(
        total=len(facts),
        answered=sum(1 for fact in facts if fact.days_to_answer is not None),
        by_status=[Row(s.value, str(s.label), statuses.get(s.value, 0)) for s in Status],
        by_source=[
            Row(Source.ONLINE, _("På webben"), sources.get(Source.ONLINE, 0)),
            Row(Source.WALK, _("På förbättringsvandringen"), sources.get(Source.WALK, 0)),
            Row(Source.DIALOGUE, _("På dialogmötet"), sources.get(Source.DIALOGUE, 0)),
            Row("letter_phone", _("Med brev eller telefon"), letter_phone),
        ],
        promises=[
            Row(key, str(label), promises.get(key, 0)) for key, label in Promise.LABELS.items()
        ],
        age_groups=[
            Row(group.value, str(group.label), _shown(ages.get(group.value, 0)))
            for group in AgeGroup
        ],
        median_days_to_answer=_median(fact.days_to_answer for fact in facts),
        median_days_to_done=_median(fact.days_to_done for fact in facts),
    )


def _shown(count):
    """A group's count, or None when it is too small to show without pointing at someone."""
    return count if count >= MIN_GROUP_SIZE else None


def attendance(figures, dialogues):
    """Add the walk and meeting attendance the dialogues recorded (one query)."""
    totals = dialogues.order_by().aggregate(
        walk=Sum("attendance_walk"),
        walks=Count("attendance_walk"),
        meeting=Sum("attendance_dialogue"),
        meetings=Count("attendance_dialogue"),
    )
    figures.attendance_walk = totals["walk"]
    figures.attendance_walk_dialogues = totals["walks"]
    figures.attendance_dialogue = totals["meeting"]
    figures.attendance_dialogue_dialogues = totals["meetings"]
    return figures


def confirm(figures, proposals):
    """Add the residents' "Stämmer det?" answers about `proposals` (one query)."""
    total = answer_counts(proposals).total
    figures.confirmations = [
        Row("yes", _("Ja, det är gjort"), total.yes),
        Row("no", _("Nej, inte än"), total.no),
    ]
    return figures


def figures_of(proposals, dialogues, today=None):
    """The public figures of `proposals` and `dialogues`: four queries."""
    today = today or timezone.localdate()
    return confirm(attendance(summarise(load_facts(proposals, today)), dialogues), proposals)


def breakdown(facts, key):
    """`{key(fact): figures}`, e.g. per responsible department or per village."""
    groups = {}
    for fact in facts:
        groups.setdefault(key(fact), []).append(fact)
    return {key: summarise(group) for key, group in groups.items()}


def cached(scope, build, today=None):
    """The figures of `scope` ("kommun", "ort-12", …) for `today`, from the cache or `build`."""
    today = today or timezone.localdate()
    key = f"figures:{page_cache.generation()}:{scope}:{today.isoformat()}"
    figures = cache.get(key)
    if figures is None:
        figures = build(today)
        cache.set(key, figures, CACHE_SECONDS)
    return figures
