"""The routes `<dialogue>/tillfallen/<id>/anmalan/` (the form) and its `tack/<token>/` (receipt).

The same guards as the proposal form (rounds.proposals.abuse): a honeypot, a minimum fill
time and the per-client limit that a full village hall never reaches. Bad input shows the form
again with everything typed; a closed anmälan is a friendly page, never an error.
"""

import time

from django.conf import settings
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from portal.web.converters import MAX_ID
from portal.web.headers import keep_private
from portal.web.ratelimits import client_address
from portal.web.refusals import HONEYPOT_FIELD, Refusal, honeypot_refusal, wait_message
from portal.web.sent_to import forget, recall, remember

from ..models import EventRegistration
from ..proposals import abuse
from .forms import RegistrationForm
from .services import register

_RECEIPT_SALT = "rounds.registrations.receipt"
RECEIPT_MAX_AGE = 24 * 60 * 60  # seconds: the receipt is for right after sending


def receipt_token(registration_pk, now=None):
    """`<id>-<time>-<signature>`: letters, digits and dashes only, as Wagtail's page URLs allow."""
    stamp = int(now or time.time())
    return f"{registration_pk}-{stamp}-{_signature(registration_pk, stamp)}"


def _signature(pk, stamp, secret=None):
    message = f"{pk}:{stamp}"
    return salted_hmac(_RECEIPT_SALT, message, secret=secret, algorithm="sha256").hexdigest()[:32]


def _signed_here(signature, pk, stamp):
    """Signed with SECRET_KEY, or with a key it replaced (SECRET_KEY_FALLBACKS): a receipt
    opened just after the key was rotated still shows."""
    secrets = [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]
    return any(constant_time_compare(signature, _signature(pk, stamp, key)) for key in secrets)


def registration_of(token, now=None):
    """The registration's id from a receipt token made here in the last day; else None."""
    pk, _, rest = token.partition("-")
    stamp, _, signature = rest.partition("-")
    if not (pk.isdigit() and stamp.isdigit()) or int(pk) > MAX_ID:
        return None
    if not _signed_here(signature, int(pk), int(stamp)):
        return None
    if (now or time.time()) - int(stamp) > RECEIPT_MAX_AGE:
        return None
    return int(pk)


def find_event(page, event_id):
    """The dialogue's own event, or 404 (an id from another dialogue is not found either)."""
    if event_id > MAX_ID:
        raise Http404
    event = page.events.filter(pk=event_id).first()
    if event is None:
        raise Http404
    return event


def page_context(page, event):
    return {"page": page, "place": page.get_parent(), "event": event, "contact": page.contact}


def registration_form(request, page, event_id):
    """The form (GET) and sending it (POST)."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    event = find_event(page, event_id)
    if not event.takes_registrations():
        return closed(request, page, event)
    if request.method != "POST":
        response = render_form(request, page, event, RegistrationForm(), abuse.start_stamp())
        patch_cache_control(response, private=True)  # it holds a CSRF token: no shared caches
        return response
    stamp = request.POST.get(abuse.STARTED_FIELD)
    form = RegistrationForm(request.POST)
    refusal = (
        honeypot_refusal(request.POST) or abuse.fill_time_refusal(stamp) or busy_refusal(request)
    )
    if refusal:
        form.is_valid()
        response = render_form(
            request,
            page,
            event,
            form,
            abuse.valid_stamp(stamp),
            problem=refusal.message,
            status=refusal.status,
        )
        if refusal.retry_after:
            response["Retry-After"] = str(refusal.retry_after)
        return response
    if not form.is_valid():
        return render_form(request, page, event, form, stamp, status=422)
    registration = form.save(commit=False)
    registration.event = event
    register(registration)
    abuse.record_submission(request)
    url = page.url + page.reverse_subpage(
        "registration_receipt", args=[event.pk, receipt_token(registration.pk)]
    )
    return remember(HttpResponseRedirect(url, status=303), request, registration.email, url)


def render_form(request, page, event, form, stamp, *, problem="", status=200):
    context = {
        **page_context(page, event),
        "form": form,
        "problem": problem,
        "stamp": stamp,
        "started_field": abuse.STARTED_FIELD,
        "honeypot_field": HONEYPOT_FIELD,
    }
    response = TemplateResponse(request, "rounds/registrations/form.html", context, status=status)
    return keep_private(response, "same-origin") if request.method == "POST" else response


def busy_refusal(request):
    """429 when this address has sent more forms this hour than a village hall would.

    Anmälningar count against the proposal form's limit per client: one budget per address.
    """
    wait = abuse.PROPOSAL_LIMIT.seconds_until_allowed(client_address(request))
    if not wait:
        return None
    message = " ".join(
        [
            _("Många skickar formulär från samma nätverk just nu."),
            wait_message(wait),
            _("Det du har skrivit finns kvar."),
        ]
    )
    return Refusal(message, status=429, retry_after=wait)


def closed(request, page, event):
    """Anmälan is off, its last day has passed, or the event is cancelled or has begun.

    A GET is an ordinary page (200); a POST is refused with 410 and the same page.
    """
    status = 410 if request.method == "POST" else 200
    response = TemplateResponse(
        request, "rounds/registrations/closed.html", page_context(page, event), status=status
    )
    return keep_private(response, "same-origin") if status != 200 else response


def registration_receipt(request, page, event_id, token):
    """What was registered and who will be in touch; only with the link the form redirected to."""
    event = find_event(page, event_id)
    pk = registration_of(token)
    registration = pk and EventRegistration.objects.filter(pk=pk, event=event).first()
    if registration is None:
        raise Http404
    context = {
        **page_context(page, event),
        "needs": registration.needs(),
        "other_needs": bool(registration.other_needs),
        "sent_to": recall(request),
    }
    response = TemplateResponse(request, "rounds/registrations/receipt.html", context)
    return forget(keep_private(response), request)
