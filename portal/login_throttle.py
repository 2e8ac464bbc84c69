"""Throttling staff sign-in at /admin/login/ with django-axes (settings: AXES_*, LOGIN_*).

Failures are counted in the database, shared by every app process: per account from any
client, and per client for any accounts. Each has its own limit, because a town hall's staff
share one address. A locked account or client is refused, even with the right password, until
the cool-off has passed since its last failure; a success starts the count again. Staff unlock
someone at once with `manage.py axes_reset_username <name>` (docs/operations.md).
"""

import ipaddress
import logging

from axes.backends import AxesStandaloneBackend
from axes.handlers.database import AxesDatabaseHandler
from axes.signals import user_locked_out
from django.conf import settings
from django.dispatch import receiver
from django.shortcuts import render

logger = logging.getLogger("portal.login")

# The limit setting of each of AXES_LOCKOUT_PARAMETERS.
LIMIT_SETTINGS = {
    "username": "LOGIN_FAILURES_PER_ACCOUNT",
    "ip_address": "LOGIN_FAILURES_PER_CLIENT",
}


def client_ip(request):
    """The client's address as the proposal form's limits see it (PROPOSALS_CLIENT_IP_HEADER,
    set by the reverse proxy, else REMOTE_ADDR); something that is no address counts as
    REMOTE_ADDR, so it can neither be stored nor used to spread guesses over made-up clients."""
    header = settings.PROPOSALS_CLIENT_IP_HEADER
    forwarded = request.META.get(header, "").strip() if header else ""
    try:
        return str(ipaddress.ip_address(forwarded))
    except ValueError:
        return request.META.get("REMOTE_ADDR") or None


class LoginThrottle(AxesDatabaseHandler):
    """Axes' database handler with a limit of its own for each lockout parameter.

    Axes compares the largest failure count with one AXES_FAILURE_LIMIT. Each count is scaled to
    that limit first, so it reaches the limit exactly when the count reaches its own.
    """

    def get_failures(self, request, credentials=None):
        limit = settings.AXES_FAILURE_LIMIT
        scaled = [0]
        for parameter, attempts in zip(
            settings.AXES_LOCKOUT_PARAMETERS,
            self.get_user_attempts(request, credentials),
            strict=True,
        ):
            own_limit = max(1, getattr(settings, LIMIT_SETTINGS.get(parameter, ""), limit))
            failures = sum(attempts.values_list("failures_since_start", flat=True))
            scaled.append(failures * limit // own_limit)
        return max(scaled)


class LoginThrottleBackend(AxesStandaloneBackend):
    """Axes' check before the password is: a locked account or client is refused.

    A sign-in without a request (`Client.login` in tests, a script with shell access) is no web
    sign-in and cannot be counted per client, so it is left to the next backend; every web
    sign-in, Wagtail's login form included, passes its request.
    """

    def authenticate(self, request=None, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)


def lockout_response(request, original_response=None, credentials=None):
    """The Swedish page of a refused sign-in (AXES_LOCKOUT_CALLABLE), in the admin's look.

    Rendered here: axes' middleware puts it in place of the login view's response."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    response = render(request, "portal/login_locked.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(minutes * 60)
    return response


@receiver(user_locked_out)
def log_lockout(sender, request, username, ip_address, **kwargs):
    """A line in the log for each refused sign-in; axes keeps the attempts in its tables."""
    logger.warning("Admin sign-in locked for username=%r from client %s", username, ip_address)
