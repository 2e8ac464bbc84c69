"""What can happen to a proposal: submit, moderate, answer, withdraw. Each step is audited.

These are the only writers of a proposal's workflow state. Each announces what happened with a
signal (`rounds.proposals.signals`) inside its transaction; emails are the listeners' business.
"""

import secrets

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.search import index

from ..models import Proposal, ProposalUpdate, ReferenceCounter
from ..models.proposals import (
    PROGRESS_STATUSES,
    STATUSES_NEEDING_MESSAGE,
    Status,
    Visibility,
    hash_token,
)
from .signals import proposal_published, proposal_received, proposal_updated


def next_reference(year):
    """The next free reference of `year`, e.g. "2026-0042". Safe under concurrent calls."""
    with transaction.atomic():
        ReferenceCounter.objects.bulk_create([ReferenceCounter(year=year)], ignore_conflicts=True)
        ReferenceCounter.objects.filter(year=year).update(last_number=F("last_number") + 1)
        number = ReferenceCounter.objects.get(year=year).last_number
    return f"{year}-{number:04d}"


def new_follow_token():
    """A private follow-up token for the resident, and the hash that is stored."""
    token = secrets.token_urlsafe(24)
    return token, hash_token(token)


@transaction.atomic
def submit(proposal, *, user=None, token=None, receipt=False):
    """Save a new proposal with its reference and first update; return its private token.

    Every new proposal waits for moderation, also one a case officer registers (who may then
    publish it at once: "Publicera direkt").
    `token` is given when it is derived from the reviewed draft (drafts.follow_token);
    `receipt` when the resident sent it online and is owed a receipt by email; afterwards
    `proposal.receipt_queued` says whether a listener queued it.
    """
    token, token_hash = (token, hash_token(token)) if token else new_follow_token()
    # The year the proposal came in: a letter registered in January still belongs to last year.
    proposal.reference = next_reference(timezone.localdate(proposal.submitted_at).year)
    proposal.follow_token_hash = token_hash
    proposal.public_title = proposal.public_title or proposal.title
    proposal.public_body = proposal.public_body or proposal.body
    proposal.status = Status.RECEIVED
    proposal.status_changed_at = timezone.now()
    proposal.save()
    ProposalUpdate.objects.create(proposal=proposal, status=Status.RECEIVED, author=user)
    log(instance=proposal, action="wagtail.create", user=user)
    answers = proposal_received.send(Proposal, proposal=proposal, token=token, receipt=receipt)
    proposal.receipt_queued = any(queued is True for _, queued in answers)
    return token


def update_search_index(proposal):
    """Put the proposal's public text in the search index now, or take it out when not public.

    Moderation decides what the public may find, so it cannot wait for the task Wagtail queues on
    save: a busy or stuck worker would leave a redacted name findable. Within the moderator's
    transaction, so the index and the proposal change together.
    """
    if proposal.visibility == Visibility.PUBLIC:
        index.insert_or_update_object(proposal)
    else:
        index.remove_object(proposal)


# Why an answer to a proposal still waiting for moderation is refused (shown to staff).
PENDING_MESSAGE = _(
    "Förslaget väntar på moderering. Publicera eller dölj det innan du besvarar det."
)


def check_update(
    status,
    public_message,
    duplicate_of=None,
    *,
    proposal=None,
    responsible=None,
    planned_date=None,
    planned_date_unknown_reason="",
    progress_step=None,
    progress_percent=None,
):
    """Refuse an update that would leave the resident without the answer they are owed.

    Every path that answers (the form, the bulk update, the demo, an import) comes through here,
    so the rules hold whoever writes: a message where the status needs one, who is responsible
    for a longer planning and to whom a proposal was sent, a date or the public reason why there
    is none, progress only on a promise, and moderation before any answer (an answer is public,
    the proposal may not be).
    """
    errors = {}
    if proposal is not None and proposal.visibility == Visibility.PENDING:
        errors[NON_FIELD_ERRORS] = PENDING_MESSAGE
    if status in STATUSES_NEEDING_MESSAGE and not (public_message or "").strip():
        errors["public_message"] = _(
            "Skriv ett svar till invånaren: för den här statusen krävs det."
        )
    if status == Status.DUPLICATE and duplicate_of is None:
        errors["duplicate_of"] = _("Ange vilket förslag det är en dubblett av.")
    if status == Status.PLANNED and responsible is None:
        errors["responsible"] = _("Ange vem som ansvarar för den längre planeringen.")
    if status == Status.FORWARDED and responsible is None:
        errors["responsible"] = _("Ange vem förslaget har skickats vidare till.")
    reason = (planned_date_unknown_reason or "").strip()
    if status == Status.PLANNED and planned_date is None and not reason:
        errors["planned_date"] = _(
            "Ange ett planerat datum, eller skriv varför datumet inte är bestämt."
        )
    if reason and (status != Status.PLANNED or planned_date is not None):
        errors["planned_date_unknown_reason"] = _(
            "Skälet behövs bara för ”Längre planering” utan planerat datum. Töm fältet."
        )
    errors.update(progress_errors(status, progress_step, progress_percent))
    if errors:
        raise ValidationError(errors)


def progress_errors(status, progress_step, progress_percent):
    """Why a step or percentage cannot go with `status`: progress belongs to promises only."""
    errors = {}
    if progress_percent is not None and not 0 <= progress_percent <= 100:
        errors["progress_percent"] = _(
            "Ange hur många procent som är klart, som ett heltal från 0 till 100."
        )
    if status not in PROGRESS_STATUSES:
        wrong = _("Hör bara till ”Åtgärdas” och ”Längre planering”. Töm fältet.")
        if progress_step is not None:
            errors["progress_step"] = wrong
        if progress_percent is not None:
            errors["progress_percent"] = wrong
    return errors


@transaction.atomic
def add_update(proposal, *, status, user=None, duplicate_of=None, **fields):
    """Add a dated update; the proposal's status and responsible follow it (ProposalUpdate.save)."""
    check_update(
        status,
        fields.get("public_message"),
        duplicate_of,
        proposal=proposal,
        responsible=fields.get("responsible"),
        planned_date=fields.get("planned_date"),
        planned_date_unknown_reason=fields.get("planned_date_unknown_reason", ""),
        progress_step=fields.get("progress_step"),
        progress_percent=fields.get("progress_percent"),
    )
    update = ProposalUpdate(proposal=proposal, status=status, author=user, **fields)
    update.save()
    proposal.duplicate_of = duplicate_of if status == Status.DUPLICATE else None
    proposal.save(update_fields=["duplicate_of"])
    log(instance=proposal, action="rounds.proposal.update", user=user, data={"status": status})
    proposal_updated.send(ProposalUpdate, update=update)
    return update


# What the audit log records about the photo at each moderation (the entry's data "photo").
PHOTO_PUBLISHED, PHOTO_WITHHELD, PHOTO_HIDDEN, NO_PHOTO = "published", "withheld", "hidden", "none"


@transaction.atomic
def publish(proposal, *, user=None, public_title=None, public_body=None, withhold_photo=False):
    """Make a proposal public, optionally with its public text redacted and without its photo.

    A withheld photo stays in private storage for staff and the resident; publishing again
    without `withhold_photo` shows it. The audit entry records which it was.
    """
    if proposal.withdrawn_at:
        raise ValidationError(_("Invånaren har återkallat förslaget; det kan inte publiceras."))
    proposal.public_title = public_title or proposal.public_title
    proposal.public_body = public_body or proposal.public_body
    proposal.photo_withheld = bool(proposal.photo) and withhold_photo
    proposal.visibility = Visibility.PUBLIC
    proposal.hidden_reason = ""
    proposal.moderated_at = timezone.now()
    proposal.save()
    update_search_index(proposal)
    if not proposal.photo:
        photo = NO_PHOTO
    else:
        photo = PHOTO_WITHHELD if proposal.photo_withheld else PHOTO_PUBLISHED
    log(instance=proposal, action="rounds.proposal.publish", user=user, data={"photo": photo})
    proposal_published.send(Proposal, proposal=proposal)


@transaction.atomic
def hide(proposal, *, reason, user=None):
    """Hide a proposal from the public, with an internal reason."""
    if not reason.strip():
        raise ValidationError({"hidden_reason": _("Skriv varför förslaget döljs (internt).")})
    proposal.visibility = Visibility.HIDDEN
    proposal.hidden_reason = reason
    proposal.moderated_at = timezone.now()
    proposal.save()
    update_search_index(proposal)
    photo = PHOTO_HIDDEN if proposal.photo else NO_PHOTO
    log(instance=proposal, action="rounds.proposal.hide", user=user, data={"photo": photo})


@transaction.atomic
def withdraw(proposal):
    """The resident takes back a proposal that nobody has reviewed yet."""
    if proposal.visibility != Visibility.PENDING or proposal.withdrawn_at:
        raise ValidationError(_("Förslaget är redan granskat och kan inte längre återkallas."))
    proposal.visibility = Visibility.HIDDEN
    proposal.hidden_reason = _("Återkallat av invånaren.")
    proposal.withdrawn_at = timezone.now()
    proposal.save()
    update_search_index(proposal)
    log(instance=proposal, action="rounds.proposal.withdraw")


@transaction.atomic
def record_letters_printed(proposals, *, user=None):
    """Note in each proposal's history that its answer letter was printed, and by whom.

    An internal step: the audit log, never the public timeline (no `ProposalUpdate`), so the
    working group sees who got which answer on paper, and when. The status at printing is kept,
    since that is the answer the letter gave. Nothing else reacts, so no signal is sent.
    """
    for proposal in proposals:
        log(
            instance=proposal,
            action="rounds.proposal.letter_printed",
            user=user,
            # The label as printed, in the words the letter used.
            data={"status": proposal.status, "status_label": str(proposal.get_status_display())},
        )
    return len(proposals)
