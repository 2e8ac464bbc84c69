"""Answer letters: what a resident who wrote or phoned gets back by post.

Residents without email still deserve the answer the portal gives everyone else, on paper. A
letter says what the proposal's public page says (status, the latest public answer, who is
responsible, the planned date) and where to follow it online, with a QR code for a phone. It
carries no other personal data than the recipient's own name and address.

Everything a letter needs comes from one query (`letter_proposals`), whatever the number of
letters, so that a dialogue's whole batch prints as fast as one. The views are in
`rounds.workbench.letters`; recording the printing is `services.record_letters_printed`.
"""

from dataclasses import dataclass
from datetime import date

import segno
from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone

from home.models import MunicipalitySettings
from portal.web.links import absolute_url

from ..models import Proposal, ProposalUpdate
from ..models.proposals import Status
from ..pages.tree import village_title_of

# Statuses whose answer is final: a date planned earlier no longer tells the resident anything.
FINAL_STATUSES = {Status.DONE, Status.NOT_FEASIBLE, Status.DUPLICATE}
# Error correction M survives a smudged print or a fold through the code.
QR_ERROR = "m"


@dataclass(frozen=True)
class Letter:
    """One answer letter, ready for the template: no query left to run."""

    proposal: Proposal
    recipient: str
    address_lines: list[str]
    village: str
    status: str
    message: str
    message_date: date | None
    responsible: str
    planned_date: date | None
    date_reason: str  # why no date is planned yet, when none is
    public_url: str  # "" when the public cannot see the proposal
    qr_code: str  # an SVG data: URI of a QR code for public_url, or ""

    @property
    def is_public(self):
        return bool(self.public_url)


def letter_proposals(proposals=None):
    """The proposals with what their letters say, in one query.

    `latest_message` and its date come from the latest update with a public message, so a later
    update that only changes the status keeps the answer the resident was given;
    `latest_planned_date` and `latest_date_reason` come from the latest update that said
    anything about the date: a planned date, or why there is none yet. `is_listed` is
    `Proposal.objects.public()`: a letter must not send anyone to a page that answers 404.
    """
    proposals = Proposal.objects.all() if proposals is None else proposals
    updates = ProposalUpdate.objects.filter(proposal=OuterRef("pk")).order_by("-created_at", "-pk")
    answered = updates.exclude(public_message="")
    dated = updates.exclude(planned_date=None, planned_date_unknown_reason="")
    return (
        proposals.select_related("dialogue", "responsible")
        .defer("dialogue__body", "dialogue__summary")
        .annotate(
            village_title=village_title_of("dialogue"),
            latest_message=Subquery(answered.values("public_message")[:1]),
            latest_message_at=Subquery(answered.values("created_at")[:1]),
            latest_planned_date=Subquery(dated.values("planned_date")[:1]),
            latest_date_reason=Subquery(dated.values("planned_date_unknown_reason")[:1]),
            is_listed=Exists(Proposal.objects.public().filter(pk=OuterRef("pk"))),
        )
    )


def letter_residents(dialogue):
    """The proposals of `dialogue` whose residents want their answer by letter, by reference.

    A proposal the resident withdrew is left out (there is nothing to answer), and so is one
    without an address (the forms refuse it, but a data fix might not): it cannot be posted.
    """
    return letter_proposals(
        Proposal.objects.filter(dialogue=dialogue, reply_by_letter=True, withdrawn_at=None)
        .exclude(postal_address="")
        .order_by("reference")
    )


def public_url(proposal, request=None):
    """The full address of the proposal's public page, or "" when the public cannot see it.

    `proposal` comes from `letter_proposals` (it needs `is_listed`).
    """
    if not proposal.is_listed:
        return ""
    if proposal.dialogue.get_url(request) is None:  # a dialogue outside every site
        return ""
    return absolute_url(proposal.get_public_url(request), request)


def qr_code(url):
    """A QR code for `url` as an SVG data: URI, sized by the stylesheet (it has no size of its
    own), with the quiet zone around it that a phone's camera needs."""
    return segno.make(url, error=QR_ERROR).svg_data_uri(omitsize=True, border=4)


def letter(proposal, request=None):
    """The letter for one proposal from `letter_proposals`."""
    url = public_url(proposal, request)
    final = proposal.status in FINAL_STATUSES
    return Letter(
        proposal=proposal,
        recipient=proposal.name.strip(),
        address_lines=[line for line in proposal.postal_address.splitlines() if line.strip()],
        village=proposal.village_title or "",
        status=proposal.get_status_display(),
        message=proposal.latest_message or "",
        message_date=(
            timezone.localdate(proposal.latest_message_at) if proposal.latest_message_at else None
        ),
        responsible=proposal.responsible.name if proposal.responsible else "",
        planned_date=None if final else proposal.latest_planned_date,
        date_reason="" if final else (proposal.latest_date_reason or ""),
        public_url=url,
        qr_code=qr_code(url) if url else "",
    )


def sender(request):
    """The municipality the letters come from: its name and contact details (site settings)."""
    return MunicipalitySettings.for_request(request)
