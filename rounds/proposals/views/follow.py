"""The resident's private follow-up link: receipt, current state, withdraw, no more emails.

The token in the address is the only key to these pages; the database keeps only its hash.
Responses are never cached or indexed. The receipt and the photo send no referrer at all; the
follow page, whose buttons POST, sends one only to this site, because with no referrer at all
browsers send "Origin: null" and Django's CSRF check would refuse the buttons.
"""

from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from portal.web.headers import private_page
from portal.web.links import absolute_url
from portal.web.sent_to import NOT_SENT, forget, recall

from ...models import Proposal
from ...models.proposals import Visibility, hash_token
from ..services import withdraw as withdraw_proposal

# Confirmations after a button, by the `klart` query value the redirect carries.
DONE = {
    "aterkallat": _("Förslaget är återkallat. Det kommer inte att behandlas eller publiceras."),
    "e-post": _("Klart. Du får inte längre e-post om förslaget."),
}
NOT_WITHDRAWABLE = _("Förslaget är redan granskat eller återkallat och kan inte återkallas nu.")


def proposal_for(token):
    """The proposal this token belongs to, or 404."""
    proposals = Proposal.objects.select_related("dialogue", "theme")
    return get_object_or_404(proposals, follow_token_hash=hash_token(token))


def state_of(proposal):
    """Where the proposal stands, as the resident sees it."""
    if proposal.withdrawn_at:
        return "withdrawn"
    return {Visibility.PENDING: "pending", Visibility.PUBLIC: "public"}.get(
        proposal.visibility, "hidden"
    )


def dialogue_context(proposal):
    dialogue = proposal.dialogue
    return {"dialogue": dialogue, "place": dialogue.get_parent(), "events": dialogue.ordered_events}


@private_page()
def receipt(request, token):
    """Shown right after sending: the reference, what happens next and the private link."""
    proposal = proposal_for(token)
    sent_to = recall(request) if proposal.email else ""
    context = {
        **dialogue_context(proposal),
        "proposal": proposal,
        "follow_url": absolute_url(reverse("proposals:follow", args=[token]), request),
        "emails_coming": proposal.notify_status and bool(proposal.email),
        # Masked, and only right after sending (portal.web.sent_to): whoever opens the link
        # later, on a shared computer or from a forwarded email, does not see it.
        "sent_to": "" if sent_to == NOT_SENT else sent_to,
        "receipt_held_back": sent_to == NOT_SENT,
    }
    response = TemplateResponse(request, "rounds/proposals/receipt.html", context)
    return forget(response, request)


def render_follow(request, proposal, token, *, done="", error="", status=200):
    state = state_of(proposal)
    context = {
        **dialogue_context(proposal),
        "proposal": proposal,
        "token": token,
        "state": state,
        "updates": proposal.updates.select_related("responsible", "progress_step")
        if state == "public"
        else (),
        "public_url": proposal.get_public_url(request) if state == "public" else "",
        "redacted": proposal.public_title != proposal.title
        or proposal.public_body != proposal.body,
        "done": done,
        "error": error,
    }
    return TemplateResponse(request, "rounds/proposals/follow.html", context, status=status)


@private_page("same-origin")
def follow(request, token):
    """The proposal with its current state, even while it waits for moderation."""
    proposal = proposal_for(token)
    return render_follow(request, proposal, token, done=DONE.get(request.GET.get("klart"), ""))


def back_to_follow(token, done):
    url = reverse("proposals:follow", args=[token])
    return HttpResponseRedirect(f"{url}?klart={done}", status=303)


@require_http_methods(["GET", "HEAD", "POST"])
@private_page("same-origin")
def withdraw(request, token):
    """Take back a proposal nobody has reviewed yet: a page that asks first (GET), then the
    withdrawal (POST). Refused (409) once it has been reviewed; it cannot be undone, so a
    mistaken tap must not be enough, and a page works where a JavaScript dialogue may not."""
    proposal = proposal_for(token)
    if request.method != "POST":
        if state_of(proposal) != "pending":
            return render_follow(request, proposal, token, error=NOT_WITHDRAWABLE, status=409)
        context = {**dialogue_context(proposal), "proposal": proposal, "token": token}
        return TemplateResponse(request, "rounds/proposals/withdraw_confirm.html", context)
    try:
        withdraw_proposal(proposal)
    except ValidationError as error:
        return render_follow(request, proposal, token, error=error.messages[0], status=409)
    return back_to_follow(token, "aterkallat")


@require_POST
@private_page("same-origin")
def stop_emails(request, token):
    """No more status emails about this proposal."""
    proposal = proposal_for(token)
    proposal.notify_status = False
    proposal.save(update_fields=["notify_status"])
    return back_to_follow(token, "e-post")


@private_page()
def photo(request, token):
    """The resident's own photo, also while the proposal waits for moderation."""
    proposal = proposal_for(token)
    if not proposal.photo:
        raise Http404
    try:
        photo = proposal.photo.open("rb")
    except FileNotFoundError as missing:  # e.g. media not restored with the database
        raise Http404 from missing
    return FileResponse(photo, content_type="image/jpeg")
