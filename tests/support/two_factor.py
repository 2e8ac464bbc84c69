"""Two-factor sign-in in tests: an app set up for a user, and the code the app shows now."""

import time

from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.two_factor import devices

PASSWORD = "rätt-lösenord-2026"  # noqa: S105 - a test user's password


def app_code(device):
    """The code the app shows now, or the next one if this one was used already (an app's code
    works once)."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    if totp.t() <= device.last_t:
        totp.time = (device.last_t + 1) * device.step + device.t0
    return f"{totp.token():0{device.digits}d}"


def set_up(user):
    """The user's confirmed app and recovery codes: (device, [codes])."""
    device = TOTPDevice.objects.create(user=user, name=devices.APP_NAME, confirmed=True)
    return device, devices.new_recovery_codes(user)


def sign_in(client, user, password=PASSWORD, **extra):
    """The password step of the admin's own login form; returns its response."""
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": user.get_username(), "password": password},
        **extra,
    )
