"""Clear residents' personal data from proposals once it has served its purpose (run daily).

The privacy notice promises it: contact details are kept until the proposal has its final
answer and the village's summary is out. After that, and `KEEP_DAYS` more for questions, the
name, contact details and how the resident wanted answers are emptied. The proposal itself, its
public text and its timeline stay: they are public records (allmänna handlingar).
"""

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from ..models import Proposal
from ..models.proposals import CLOSED_STATUSES, Visibility

# Days after both the final answer and the summary before personal data is cleared.
KEEP_DAYS = 90

# Every field that tells who sent a proposal or how to reach them, with its cleared value.
CLEARED = {
    "name": "",
    "email": "",
    "phone": "",
    "postal_address": "",
    "reply_by_letter": False,
    "notify_status": False,
}


def due(now=None, keep_days=KEEP_DAYS):
    """Proposals whose personal data has been kept long enough and is not yet cleared."""
    cutoff = (now or timezone.now()) - timedelta(days=keep_days)
    finished = (
        Q(status__in=CLOSED_STATUSES, status_changed_at__lt=cutoff)
        | Q(withdrawn_at__lt=cutoff)
        | Q(visibility=Visibility.HIDDEN, moderated_at__lt=cutoff)
    )
    not_cleared = ~Q(**CLEARED) | (Q(show_name=False) & ~Q(display_name=""))
    return Proposal.objects.filter(
        finished, not_cleared, dialogue__summary_published_at__lt=cutoff.date()
    )


def clear_old(now=None, keep_days=KEEP_DAYS):
    """Empty the personal fields of the proposals `due`; the number of proposals cleared.

    A display name the resident chose to show stays (it is on the public record); one never
    shown is cleared with the rest.
    """
    proposals = due(now, keep_days)
    pks = list(proposals.values_list("pk", flat=True))
    Proposal.objects.filter(pk__in=pks).update(**CLEARED)
    Proposal.objects.filter(pk__in=pks, show_name=False).update(display_name="")
    return len(pks)
