"""Keeps a signed-in but unverified staff member out of the admin (after django-otp's
OTPMiddleware, which tells whether this session has given a code)."""

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from .policy import has_device, must_use_two_factor

# Admin views open between the password and the code: signing in and out, password reset, the
# admin's icons and translations (no data), and the two-factor screens themselves.
OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
    "two_factor_verify",
    "two_factor_setup",
}


class TwoFactorMiddleware:
    """Sends an unverified user who has a device to the code page, and one whose role requires
    a device but who has none to set one up, before any other admin view runs.

    Every staff view lives under the admin's URL; public pages show nothing personal, so they
    are left alone.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path_info.startswith(reverse("wagtailadmin_home")):
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        match = request.resolver_match
        if match is not None and match.url_name in OPEN_URL_NAMES:
            return None
        if has_device(user):
            target = "two_factor_verify"
        elif must_use_two_factor(user):
            target = "two_factor_setup"
        else:
            return None
        return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
