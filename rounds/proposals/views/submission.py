"""The proposal form on a dialogue: fill in, review, send. Works without JavaScript.

One URL, three POST actions: "review" validates the form and shows the review step, "edit"
goes back to the form with everything filled in, "send" submits what was reviewed. The review
step carries the fields signed (rounds.drafts), so nothing is stored before "send", and one
review is one proposal however often, and to whichever process, it is sent.
"""

import logging

from django.db import IntegrityError, InterfaceError, OperationalError, transaction
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from portal.web.headers import keep_private
from portal.web.refusals import HONEYPOT_FIELD, honeypot_refusal
from portal.web.sent_to import remember, remember_not_sent

from ...models.proposals import Source
from .. import abuse, drafts
from ..draft_recovery import readable_review
from ..forms import ProposalForm
from ..services import submit

logger = logging.getLogger(__name__)

DATABASE_RETRY_AFTER = 60  # seconds; a database restart or failover is usually over by then


def proposal_form(request, page):
    """The route `<dialogue url>lamna-forslag/` (see DialoguePage.proposal_form)."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    if not page.is_open_for_proposals():
        return closed(request, page)
    if request.method != "POST":
        response = render_form(request, page, ProposalForm(), stamp=abuse.start_stamp())
        patch_cache_control(response, private=True)  # it holds a CSRF token: no shared caches
        return response
    action = request.POST.get("action")
    if action == "send":
        return send(request, page)
    if action == "edit":
        return edit(request, page)
    return review(request, page)


def page_context(page):
    """What every step shows around the form: the dialogue, its village, the last day."""
    return {"page": page, "place": page.get_parent(), "closes": page.proposal_window_closes}


def render_form(
    request, page, form, *, stamp, photo_ref="", photo_again=False, problem="", status=200
):
    """The form step; `problem` is a refusal's message for the top of the page."""
    photo = drafts.photo_name(photo_ref)
    context = {
        **page_context(page),
        "form": form,
        "problem": problem,
        "stamp": stamp,
        "started_field": abuse.STARTED_FIELD,
        "honeypot_field": HONEYPOT_FIELD,
        "photo_ref": photo_ref if photo else "",
        "photo_url": drafts.photo_data_url(photo) if photo else "",
        "photo_again": photo_again,
    }
    response = TemplateResponse(request, "rounds/proposals/form.html", context, status=status)
    return keep_private(response, "same-origin") if request.method == "POST" else response


def refuse(request, page, form, refusal, *, stamp, photo_again=False):
    """The form again, everything typed kept, with the refusal's message at the top."""
    form.is_valid()
    response = render_form(
        request,
        page,
        form,
        stamp=abuse.valid_stamp(stamp),
        photo_ref=form.keep_photo(),
        photo_again=photo_again,
        problem=refusal.message,
        status=refusal.status,
    )
    if refusal.retry_after:
        response["Retry-After"] = str(refusal.retry_after)
    return response


def review(request, page):
    """Check the form; if it is valid, show the proposal exactly as it will be sent."""
    stamp = request.POST.get(abuse.STARTED_FIELD)
    refusal = (
        honeypot_refusal(request.POST)
        or abuse.fill_time_refusal(stamp)
        or abuse.rate_refusal(request)
        or abuse.upload_refusal(request)
    )
    if refusal:
        # Uploads from a refused request are not even opened; the resident is told to choose
        # the photo again.
        form = ProposalForm(request.POST)
        photo_again = "photo" in request.FILES
        return refuse(request, page, form, refusal, stamp=stamp, photo_again=photo_again)

    form = ProposalForm(request.POST, request.FILES)
    valid = form.is_valid()
    photo_ref = form.keep_photo()
    if not valid:
        return render_form(request, page, form, stamp=stamp, photo_ref=photo_ref, status=422)

    proposal = form.save(commit=False)
    proposal.dialogue = page
    photo = drafts.photo_name(photo_ref)
    review_data = {
        "fields": form.review_data(),
        "photo": photo_ref,
        "started": stamp,
        "draft": drafts.new_draft_id(),
    }
    context = {
        **page_context(page),
        "proposal": proposal,
        "review": drafts.sign_review(review_data),
        "photo_url": drafts.photo_data_url(photo) if photo else "",
    }
    response = TemplateResponse(request, "rounds/proposals/review.html", context)
    return keep_private(response, "same-origin")


def edit(request, page):
    """Back from the review step to the form, with everything filled in."""
    data = drafts.load_review(request.POST.get("review"))
    if data is None:
        return unreadable_review(request, page)
    form = ProposalForm(initial={**data["fields"], "photo_draft": data["photo"]})
    return render_form(
        request, page, form, stamp=abuse.valid_stamp(data["started"]), photo_ref=data["photo"]
    )


def send(request, page):
    """Submit the reviewed proposal and go to its receipt (303, so reloading cannot resend).

    With the database unavailable the resident gets 503, their text, and a button to try again.
    """
    data = drafts.load_review(request.POST.get("review"))
    if data is None:
        return unreadable_review(request, page)
    try:
        return send_reviewed(request, page, data)
    except (OperationalError, InterfaceError):
        logger.exception("The database failed while a proposal was sent")
        return database_unavailable(request, page, data)


def send_reviewed(request, page, data):
    draft_id = data["draft"]
    email = data["fields"].get("email")
    if drafts.sent_before(draft_id):  # "send" pressed twice: one proposal, the same receipt
        return to_receipt(request, draft_id, email)

    form = ProposalForm({**data["fields"], "photo_draft": data["photo"]})
    refusal = abuse.fill_time_refusal(data["started"]) or abuse.rate_refusal(request)
    if refusal:
        return refuse(request, page, form, refusal, stamp=data["started"])
    if not form.is_valid():  # e.g. the theme was removed in the meantime
        return render_form(
            request, page, form, stamp=data["started"], photo_ref=form.keep_photo(), status=422
        )

    proposal = form.save(commit=False)
    proposal.dialogue = page
    proposal.source = Source.ONLINE
    proposal.draft_key = drafts.draft_key(draft_id)
    photo = drafts.photo_name(data["photo"])
    if photo:
        drafts.attach_photo(proposal, photo)
    try:
        with transaction.atomic():
            submit(proposal, token=drafts.follow_token(draft_id), receipt=True)
    except IntegrityError:
        # Sent at the same moment by another request, which won: its receipt is this one too.
        proposal.photo.delete(save=False)
        if drafts.sent_before(draft_id):
            return to_receipt(request, draft_id, email)
        raise
    except (OperationalError, InterfaceError):
        proposal.photo.delete(save=False)  # the draft photo stays, for trying again
        raise
    drafts.discard_photo(photo)
    abuse.record_submission(request)
    return to_receipt(request, draft_id, email, sent=proposal.receipt_queued or not email)


def to_receipt(request, draft_id, email, *, sent=True):
    """303 to the receipt, with the masked address for it to say where the receipt went, or
    that none went (`sent` False: the per-address limit held it back)."""
    url = reverse("proposals:receipt", args=[drafts.follow_token(draft_id)])
    response = HttpResponseRedirect(url, status=303)
    if not sent:
        return remember_not_sent(response, request, url)
    return remember(response, request, email, url)


def unreadable_review(request, page):
    """The review step's data was altered, cut short or is too old: it is not sent (400).

    What can be read of it goes back into the form, to check and review again.
    """
    value = request.POST.get("review")
    recovered = readable_review(value)
    if drafts.is_expired_review(value):
        problem = _(
            "Granskningen gjordes för mer än ett dygn sedan och kan inte skickas längre. "
            "Ditt förslag står kvar i formuläret: kontrollera det och välj Granska förslaget igen."
        )
    elif recovered["fields"]:
        problem = _(
            "Uppgifterna från granskningssteget kunde inte kontrolleras. Det som gick att läsa "
            "står kvar i formuläret: kontrollera det och välj Granska förslaget igen."
        )
    else:
        problem = _(
            "Uppgifterna från granskningssteget kunde inte kontrolleras. Fyll i formuläret igen."
        )
    form = ProposalForm(initial={**recovered["fields"], "photo_draft": recovered["photo"]})
    stamp = abuse.valid_stamp(recovered["started"])
    return render_form(
        request, page, form, stamp=stamp, photo_ref=recovered["photo"], problem=problem, status=400
    )


def database_unavailable(request, page, data):
    """503 with Retry-After, the text the review carried, and the same review to send again.

    The page needs no database: it may be what is down.
    """
    context = {"page": page, "fields": data["fields"], "review": request.POST.get("review")}
    response = TemplateResponse(request, "rounds/proposals/unavailable.html", context, status=503)
    response["Retry-After"] = str(DATABASE_RETRY_AFTER)
    return keep_private(response, "same-origin")


def closed(request, page):
    """Outside the proposal window: when proposals are taken, and where to go instead.

    A GET is an ordinary page (200); a POST is refused, 403 before the window or when the
    dialogue takes no proposals online, 410 after it. What the resident typed is shown again
    so it can be copied and sent another way.
    """
    today = timezone.localdate()
    closes = page.proposal_window_closes
    if not page.proposals_open or not closes:
        state = "offline"
    elif today < page.proposals_open:
        state = "not_yet"
    else:
        state = "passed"
    context = {**page_context(page), "state": state, "typed": typed_text(request)}
    status = 200
    if request.method == "POST":
        status = 410 if state == "passed" else 403
    response = TemplateResponse(request, "rounds/proposals/closed.html", context, status=status)
    return response if status == 200 else keep_private(response, "same-origin")


def typed_text(request):
    """The title and text from a refused POST, from the form or the review step."""
    if request.method != "POST":
        return None
    review = request.POST.get("review")
    if review is None:
        fields = request.POST
    else:
        fields = (drafts.load_review(review) or readable_review(review))["fields"]
    title, body = fields.get("title", ""), fields.get("body", "")
    return {"title": title, "body": body} if title or body else None
