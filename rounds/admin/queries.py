"""The workbench's querysets: each list is one query, whatever the number of proposals."""

from datetime import timedelta

from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Substr
from django.utils import timezone
from wagtail.models import Page

from ..models import Proposal, ProposalUpdate
from ..models.proposals import Status, Visibility

STALE_AFTER_DAYS = 60
# A proposal in one of these has its final answer: it cannot go stale.
CLOSED_STATUSES = [Status.DONE, Status.NOT_FEASIBLE, Status.DUPLICATE]


def workbench_proposals():
    """Proposals with their dialogue, theme and responsible, and `village_title` annotated."""
    parent_path = Substr(
        OuterRef("dialogue__path"), 1, (OuterRef("dialogue__depth") - 1) * Page.steplen
    )
    village = Page.objects.filter(path=parent_path).values("title")[:1]
    return (
        Proposal.objects.select_related("dialogue", "theme", "responsible")
        .defer("dialogue__body", "dialogue__summary")
        .annotate(village_title=Subquery(village))
    )


def with_latest_message(proposals):
    """Annotate `latest_message`: the public message of each proposal's latest update."""
    latest = ProposalUpdate.objects.filter(proposal=OuterRef("pk")).order_by("-created_at", "-pk")
    return proposals.annotate(latest_message=Subquery(latest.values("public_message")[:1]))


def awaiting_moderation(proposals=None):
    """Proposals nobody has reviewed yet, oldest first."""
    proposals = Proposal.objects.all() if proposals is None else proposals
    return proposals.filter(visibility=Visibility.PENDING, withdrawn_at=None).order_by(
        "submitted_at", "pk"
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
