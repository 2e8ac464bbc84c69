"""The two-factor screens under the admin's URL: the code after the password, setting up an app,
the recovery codes, and the staff member's own overview (portal/two_factor/urls.py)."""

import django_otp
from axes.handlers.proxy import AxesProxyHandler
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from portal.login_throttle import lockout_response

from . import devices
from .forms import CodeForm
from .policy import app_device, has_device, must_use_two_factor, recovery_device

staff_only = login_required(login_url=reverse_lazy("wagtailadmin_login"))
CODES_SESSION_KEY = "two_factor_new_codes"


def next_url(request):
    """Where to go once verified: a `next` on this site, else the admin's dashboard."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if safe else reverse("wagtailadmin_home")


def with_next(name, request):
    """The URL named `name`, passing on where to go afterwards."""
    return f"{reverse(name)}?{urlencode({'next': next_url(request)})}"


def wrong_code(form, check):
    """The form's error for a refused code, and the status of the answer."""
    if check.retry_at:
        seconds = check.seconds_to_wait
        form.add_error(
            "code",
            ngettext(
                "Du har skrivit fel kod flera gånger. Vänta %(seconds)d sekund och försök igen.",
                "Du har skrivit fel kod flera gånger. Vänta %(seconds)d sekunder och försök igen.",
                seconds,
            )
            % {"seconds": seconds},
        )
        return 429
    form.add_error(
        "code",
        _(
            "Koden stämmer inte. Skriv den kod som appen visar just nu, eller en av dina "
            "reservkoder. Kontrollera att klockan i telefonen går rätt."
        ),
    )
    return 400


def credentials(user):
    return {"username": user.get_username()}


@never_cache
@sensitive_post_parameters("code")
@staff_only
def verify(request):
    """The code after the password. A wrong code counts as a failed sign-in for django-axes,
    so the account and the client are locked like after wrong passwords."""
    user = request.user
    if user.is_verified():
        return redirect(next_url(request))
    if not has_device(user):
        return redirect(with_next("two_factor_setup", request))
    if AxesProxyHandler.is_locked(request, credentials(user)):
        logout(request)
        return lockout_response(request)
    help_text = _("Sex siffror från appen i din telefon, eller en av dina reservkoder.")
    form = CodeForm(request.POST or None, help_text=help_text)
    status = 200
    if form.is_valid():
        check = devices.check_code(user, form.cleaned_data["code"])
        if check.device is not None:
            django_otp.login(request, check.device)
            request.session.cycle_key()
            return redirect(next_url(request))
        if not check.retry_at:
            user_login_failed.send(__name__, credentials=credentials(user), request=request)
            if getattr(request, "axes_locked_out", False):
                logout(request)
                return lockout_response(request)
        status = wrong_code(form, check)
    elif request.method == "POST":
        status = 400
    context = {"form": form, "next": next_url(request)}
    return render(request, "portal/two_factor/verify.html", context, status=status)


@never_cache
@sensitive_post_parameters("code")
@staff_only
def setup(request):
    """Add an authenticator app: a QR code and the secret in text, then a first code.

    Someone who already has a device gives a code first: a password alone must never be
    enough to add a new phone to an account."""
    user = request.user
    if has_device(user) and not user.is_verified():
        return redirect(with_next("two_factor_verify", request))
    device = devices.pending_app(user)
    help_text = _("De sex siffror som appen visar nu.")
    form = CodeForm(request.POST or None, help_text=help_text)
    status = 200
    if form.is_valid():
        check = devices.confirm_app(device, form.cleaned_data["code"])
        if check.device is not None:
            django_otp.login(request, check.device)
            request.session.cycle_key()
            request.session[CODES_SESSION_KEY] = devices.new_recovery_codes(user)
            messages.success(request, _("Tvåstegsverifieringen är på."))
            return redirect(with_next("two_factor_codes", request))
        status = wrong_code(form, check)
    elif request.method == "POST":
        status = 400
    context = {
        "form": form,
        "next": next_url(request),
        "required": must_use_two_factor(user),
        "qr_code": devices.qr_code(device),
        "secret": devices.secret_text(device),
        "account": user.get_username(),
    }
    return render(request, "portal/two_factor/setup.html", context, status=status)


@never_cache
@staff_only
def codes(request):
    """New recovery codes, shown once; POST makes a new set in place of the old."""
    if request.method == "POST" and request.user.is_verified():
        request.session[CODES_SESSION_KEY] = devices.new_recovery_codes(request.user)
        return redirect("two_factor_codes")
    new_codes = request.session.pop(CODES_SESSION_KEY, None)
    if not new_codes:
        return redirect("two_factor")
    context = {"codes": new_codes, "next": next_url(request)}
    return render(request, "portal/two_factor/codes.html", context)


@never_cache
@staff_only
def overview(request):
    """The staff member's own two-factor settings (from the account page)."""
    user = request.user
    recovery = recovery_device(user)
    context = {
        "app": app_device(user),
        "codes_left": recovery.token_set.count() if recovery else 0,
        "required": must_use_two_factor(user),
    }
    return render(request, "portal/two_factor/overview.html", context)


@never_cache
@staff_only
@require_POST
def remove(request):
    """Turn two-factor sign-in off; not for a role that requires it."""
    if must_use_two_factor(request.user):
        messages.error(request, _("Din roll kräver tvåstegsverifiering. Den kan inte stängas av."))
        return redirect("two_factor")
    devices.remove_all(request.user)
    messages.success(request, _("Tvåstegsverifieringen är avstängd."))
    return redirect("two_factor")
