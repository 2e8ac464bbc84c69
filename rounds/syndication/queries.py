"""What the Atom feeds list: a village's (or every village's) public news, newest first.

`news_of` answers in a constant number of queries, at most `limit` rows of each kind, and
loads no personal data: updates come without internal notes or staff authors, their proposals
without the resident's name, contact details or original text (see rounds.queries).
"""

from typing import NamedTuple

from ..models import DialoguePage, Proposal, ProposalUpdate
from ..models.proposals import Status, Visibility
from ..proposals.queries import PRIVATE_FIELDS

LIMIT = 50


class News(NamedTuple):
    dialogues: list[DialoguePage]  # with their events
    summaries: list[DialoguePage]
    updates: list[ProposalUpdate]  # with proposal, dialogue and responsible body


def news_of(today, place=None, limit=LIMIT):
    """The newest news of `place`, or of every village when `place` is None.

    - dialogues: live, public dialogues, the most recently published first; one never
      published through Wagtail (created by a script) has no publication date and is left out;
    - summaries: dialogues whose summary is dated `today` or earlier, the latest first;
    - updates: status changes of public proposals, the latest first. The "Mottaget" every
      proposal starts with is not news and is left out.
    """
    dialogues = DialoguePage.objects.listed()  # live and public, checked once for all three
    if place is not None:
        dialogues = dialogues.child_of(place)
    proposals = Proposal.objects.filter(visibility=Visibility.PUBLIC, dialogue__in=dialogues)
    updates = (
        ProposalUpdate.objects.filter(proposal__in=proposals)
        .exclude(status=Status.RECEIVED)
        .select_related("proposal__dialogue", "responsible", "progress_step")
        .defer(
            "internal_note",
            "author",
            "proposal__photo",
            *(f"proposal__{field}" for field in PRIVATE_FIELDS),
            "proposal__dialogue__body",
            "proposal__dialogue__summary",
        )
        .order_by("-created_at", "-pk")
    )
    summaries = (
        dialogues.filter(summary_published_at__lte=today)
        .prefetch_related(None)  # a summary entry shows no events
        .order_by("-summary_published_at", "-pk")
    )
    return News(
        dialogues=list(
            dialogues.filter(first_published_at__isnull=False).order_by(
                "-first_published_at", "-pk"
            )[:limit]
        ),
        summaries=list(summaries[:limit]),
        updates=list(updates[:limit]),
    )
