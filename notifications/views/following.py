"""Following a village: the form's answer, "check your email", and the confirmation link.

The form sits on public village and dialogue pages, which set no cookies for readers, so it
carries no CSRF token. Following holds no one's session or rights that a forged request could
use: the most it can do is send a confirmation email, as anyone can by filling in the form.
Still, a request that the browser marks as coming from another site is refused, and the
honeypot and limits per client, per recipient and in all keep bots and floods out (see
notifications.limits).

The confirmation link is GET for a page with a button and POST to confirm: mail systems open
links to scan them, and must not confirm anyone.
"""

from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from places.models import PlacePage
from portal.web.headers import keep_private, private_page
from portal.web.refusals import honeypot_refusal
from portal.web.sent_to import forget, recall, remember

from .. import following, limits
from ..forms import FollowForm, form_context
from ..models import Follower


def place_or_404(place_id):
    return get_object_or_404(PlacePage.objects.live().public(), pk=place_id)


@csrf_exempt  # see the module's docstring
@require_http_methods(["GET", "HEAD", "POST"])
def follow(request, place_id):
    """`/bevaka/<village id>/`: the form on a page of its own (GET), or what was sent (POST)."""
    place = place_or_404(place_id)
    if request.method != "POST":
        return render_form(request, place, FollowForm())
    form = FollowForm(request.POST)
    refusal = (
        limits.cross_site_refusal(request)
        or honeypot_refusal(request.POST)
        or limits.rate_refusal(request)
        or limits.flood_refusal(request)
    )
    if refusal:
        form.is_valid()
        response = render_form(request, place, form, problem=refusal.message, status=refusal.status)
        if refusal.retry_after:
            response["Retry-After"] = str(refusal.retry_after)
        return response
    if not form.is_valid():
        return render_form(request, place, form, status=422)
    following.request_follow(place, form.cleaned_data["email"], form.cleaned_data["updates"])
    limits.record_request(request)
    url = reverse("notifications:follow_sent", args=[place.pk])
    return remember(HttpResponseRedirect(url, status=303), request, form.cleaned_data["email"], url)


def render_form(request, place, form, *, problem="", status=200):
    """The form on its own page, with an error summary and everything typed kept."""
    context = {**form_context(place, form), "problem": problem}
    response = TemplateResponse(request, "notifications/follow.html", context, status=status)
    # What was typed is personal data: never stored by a cache. Referrers go to this site only,
    # so that the browser still sends the Origin the next POST is checked against.
    return keep_private(response, "same-origin") if request.method == "POST" else response


@require_GET
def follow_sent(request, place_id):
    """`/bevaka/<village id>/skickat/`: what happens next, and where the email went.

    The address comes masked, once, from the cookie the form's redirect set (portal.web.sent_to),
    never from the URL; so the page is never cached, and reloaded it names no address.
    """
    place = place_or_404(place_id)
    context = {
        "place": place,
        "valid_days": following.UNCONFIRMED_DAYS,
        "sent_to": recall(request),
    }
    response = TemplateResponse(request, "notifications/follow_sent.html", context)
    return keep_private(forget(response, request))


@require_http_methods(["GET", "HEAD", "POST"])
@private_page("same-origin")
def confirm(request, token):
    """`/bevaka/bekrafta/<token>/`: a button (GET), then following starts (POST)."""
    found = following.check_confirmation(token)
    if found.state != "valid":
        return link_problem(request, found)
    follower = found.follower
    updates = request.POST.get("updates") or request.GET.get(following.UPDATES_PARAMETER)
    if updates not in Follower.Updates.values:
        updates = follower.updates
    context = {
        "follower": follower,
        "place": follower.place,
        "token": token,
        "updates": updates,
        "updates_label": Follower.Updates(updates).label,
        "already": follower.confirmed_at is not None,
    }
    if request.method != "POST":
        return TemplateResponse(request, "notifications/follow_confirm.html", context)
    following.confirm(follower, updates)
    return TemplateResponse(request, "notifications/follow_confirmed.html", context)


def link_problem(request, found):
    """An expired (410), forged (400) or no longer valid (410) confirmation link."""
    place = None
    if found.place_id:
        place = PlacePage.objects.live().public().filter(pk=found.place_id).first()
    context = {"state": found.state, "place": place}
    status = 400 if found.state == "forged" else 410
    return TemplateResponse(
        request, "notifications/follow_link_problem.html", context, status=status
    )
