"""The workbench's querysets: each list is one query, whatever the number of proposals."""

from datetime import timedelta

from django.db import connection
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.utils import timezone

from ..models import DialoguePage, Proposal, ProposalUpdate
from ..models.proposals import CLOSED_STATUSES, Visibility
from ..pages.tree import village_title_of

STALE_AFTER_DAYS = 60


def possible_id(value, model):
    """`value` as an id a row of `model` could have, or None (not digits, out of range).

    Such a value must not reach the database: SQLite raises OverflowError past 64 bits,
    PostgreSQL an error past its column's range, and `int()` a ValueError past 4300 digits.
    A page's key links to wagtailcore's Page: the range is that of the column it links to.
    """
    if not (isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 20):
        return None
    number = int(value)
    key = model._meta.pk
    while key.is_relation:
        key = key.target_field
    _low, high = connection.ops.integer_field_range(key.get_internal_type())
    return number if high is None or number <= high else None


def workbench_proposals():
    """Proposals with their dialogue, theme and responsible, and `village_title` annotated."""
    return (
        Proposal.objects.select_related("dialogue", "theme", "responsible")
        .defer("dialogue__body", "dialogue__summary")
        .annotate(village_title=village_title_of("dialogue"))
    )


def with_latest_answers(proposals):
    """Annotate what the updates said and whether the public sees the proposal: one query.

    `latest_message`, `latest_planned_date` and `latest_decision_reference` each come from the
    latest update that has one, so a later update that only changes the status blanks none of
    them; `latest_date_reason` is why no date is planned, from the latest update that said
    anything about the date. `is_listed` is `Proposal.objects.public()`: a link to anything else
    would be a 404.
    """
    updates = ProposalUpdate.objects.filter(proposal=OuterRef("pk")).order_by("-created_at", "-pk")
    dated = updates.exclude(planned_date=None, planned_date_unknown_reason="")

    def latest(field, empty):
        return Subquery(updates.exclude(**{field: empty}).values(field)[:1])

    return proposals.annotate(
        latest_message=latest("public_message", ""),
        latest_planned_date=latest("planned_date", None),
        latest_date_reason=Subquery(dated.values("planned_date_unknown_reason")[:1]),
        latest_decision_reference=latest("decision_reference", ""),
        is_listed=Exists(Proposal.objects.public().filter(pk=OuterRef("pk"))),
    )


def registrable_dialogues(today=None):
    """The dialogues a case officer may register a proposal for: live, and not completed.

    Registering goes on after the online window has closed (the walk's notes come in after the
    walk) and through the follow-up; a dialogue is closed once its summary is published. In tree
    order, without their long texts.
    """
    today = today or timezone.localdate()
    not_completed = Q(summary_published_at=None) | Q(summary_published_at__gt=today)
    return DialoguePage.objects.live().filter(not_completed).order_by("path").only("title", "path")


def awaiting_moderation(proposals=None):
    """Proposals nobody has reviewed yet, oldest first."""
    proposals = Proposal.objects.all() if proposals is None else proposals
    return proposals.filter(visibility=Visibility.PENDING, withdrawn_at=None).order_by(
        "submitted_at", "pk"
    )


def overdue_promises(proposals=None, today=None):
    """Public proposals whose planned date has passed with no later update, the oldest date
    first: what the working group owes the village news about."""
    proposals = Proposal.objects.all() if proposals is None else proposals
    return (
        proposals.filter(visibility=Visibility.PUBLIC)
        .overdue(today)
        .order_by(F("promised_date").asc(), "pk")
    )


def without_recent_update(proposals=None, days=STALE_AFTER_DAYS, now=None):
    """Public proposals without a final answer and without an update in `days`, oldest first."""
    proposals = Proposal.objects.all() if proposals is None else proposals
    cutoff = (now or timezone.now()) - timedelta(days=days)
    return (
        proposals.filter(visibility=Visibility.PUBLIC, status_changed_at__lt=cutoff)
        .exclude(status__in=CLOSED_STATUSES)
        .order_by(F("status_changed_at").asc(), "pk")
    )
