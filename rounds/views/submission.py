"""The proposal form on a dialogue: fill in, review, send. Works without JavaScript.

One URL, three POST actions: "review" validates the form and shows the review step, "edit"
goes back to the form with everything filled in, "send" submits what was reviewed. The review
step carries the fields signed (rounds.drafts), so nothing is stored before "send".
"""

from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from .. import abuse, drafts, emails
from ..forms import ProposalForm
from ..models.proposals import Source
from ..proposals import submit
from .headers import keep_private


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
        "honeypot_field": abuse.HONEYPOT_FIELD,
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
    if refusal.status == 429:
        response["Retry-After"] = str(abuse.seconds_until_allowed(request))
    return response


def review(request, page):
    """Check the form; if it is valid, show the proposal exactly as it will be sent."""
    stamp = request.POST.get(abuse.STARTED_FIELD)
    refusal = (
        abuse.honeypot_refusal(request.POST)
        or abuse.fill_time_refusal(stamp)
        or abuse.rate_refusal(request)
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
        return tampered(request, page)
    form = ProposalForm(initial={**data["fields"], "photo_draft": data["photo"]})
    return render_form(
        request, page, form, stamp=abuse.valid_stamp(data["started"]), photo_ref=data["photo"]
    )


def send(request, page):
    """Submit the reviewed proposal and go to its receipt (303, so reloading cannot resend)."""
    data = drafts.load_review(request.POST.get("review"))
    if data is None:
        return tampered(request, page)
    token = drafts.sent_token(data["draft"])
    if token:  # "send" pressed twice: one proposal, the same receipt
        return HttpResponseRedirect(reverse("proposals:receipt", args=[token]), status=303)

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
    photo = drafts.photo_name(data["photo"])
    if photo:
        drafts.attach_photo(proposal, photo)
    token = submit(proposal)
    emails.send_receipt(proposal, token)
    drafts.discard_photo(photo)
    drafts.remember_sent(data["draft"], token)
    abuse.record_submission(request)
    return HttpResponseRedirect(reverse("proposals:receipt", args=[token]), status=303)


def tampered(request, page):
    """The review step's data was altered or cut short: start again (400)."""
    problem = _(
        "Uppgifterna från granskningssteget kunde inte kontrolleras. Fyll i formuläret igen."
    )
    return render_form(
        request, page, ProposalForm(), stamp=abuse.start_stamp(), problem=problem, status=400
    )


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
    fields = (drafts.load_review(request.POST.get("review")) or {}).get("fields", request.POST)
    title, body = fields.get("title", ""), fields.get("body", "")
    return {"title": title, "body": body} if title or body else None
