"""Stop emails in one click (RFC 8058), from any email Ortsdialog sends.

GET shows what the link stops and a button: link checkers in mail systems open links, and must
not unsubscribe anyone. POST stops at once; mail clients' one-click unsubscribe posts
"List-Unsubscribe=One-Click" without a CSRF token, so the signed token is the only key here.
"""

from django.core import signing
from django.template.response import TemplateResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from portal.web.headers import private_page
from rounds.models import Proposal

from ..models import Follower
from ..tokens import read_unsubscribe_token


def subject_of(payload):
    """What the token stops: ("proposal", Proposal) or ("follower", Follower), or None if gone."""
    if "p" in payload:
        proposal = Proposal.objects.filter(pk=payload["p"]).select_related("dialogue").first()
        return ("proposal", proposal) if proposal else None
    follower = Follower.objects.filter(pk=payload["f"]).select_related("place").first()
    return ("follower", follower) if follower else None


def stop(kind, subject):
    if kind == "proposal":
        subject.notify_status = False
        subject.save(update_fields=["notify_status"])
    else:
        subject.delete()  # Nothing is kept about someone who no longer follows the village.


@csrf_exempt
@require_http_methods(["GET", "POST"])
@private_page()
def unsubscribe(request, token):
    try:
        payload = read_unsubscribe_token(token)
    except signing.BadSignature:
        return TemplateResponse(request, "notifications/unsubscribe_invalid.html", status=400)
    found = subject_of(payload)
    if request.method == "GET":
        context = {"token": token, "kind": found and found[0], "subject": found and found[1]}
        return TemplateResponse(request, "notifications/unsubscribe.html", context)
    context = {"kind": found and found[0], "subject": found and found[1], "done": True}
    if found:
        stop(*found)
    return TemplateResponse(request, "notifications/unsubscribe.html", context)
