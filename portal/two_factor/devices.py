"""Setting up, checking and removing a staff member's second factor (the only writers of
django-otp's devices here).

A code is checked against one device chosen by its shape: six digits are the app's, anything
else a recovery code. Each device has django-otp's own throttling (a wait that doubles after each
wrong code, kept in the database, so signing in again does not reset it).
"""

from base64 import b32encode
from dataclasses import dataclass
from datetime import datetime

import django_otp
import segno
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .policy import app_device, recovery_device

RECOVERY_CODES = 10
APP_NAME = "Autentiseringsapp"
RECOVERY_NAME = "Reservkoder"


def normalise(code):
    """What the person typed, without spaces or dashes, in lower case."""
    return "".join(code.split()).replace("-", "").lower()


@dataclass(frozen=True)
class Check:
    """The outcome of a code: the device that accepted it, or when the next try is allowed."""

    device: object = None
    retry_at: datetime | None = None

    @property
    def seconds_to_wait(self):
        if self.retry_at is None:
            return 0
        return max(1, int((self.retry_at - timezone.now()).total_seconds() + 0.999))


def check_code(user, code):
    """Check `code` against the user's app or recovery codes; a recovery code is used up."""
    code = normalise(code)
    device = app_device(user) if code.isdigit() and len(code) == 6 else recovery_device(user)
    if device is None or not code:
        return Check()
    allowed, details = device.verify_is_allowed()
    if not allowed:
        return Check(retry_at=(details or {}).get("locked_until"))
    return Check(device=django_otp.verify_token(user, device.persistent_id, code))


def pending_app(user):
    """The app device being set up (not yet confirmed), made on first need."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=APP_NAME, confirmed=False)


def confirm_app(device, code):
    """Confirm a new app with its first code; it replaces any earlier app. Returns a Check."""
    code = normalise(code)
    allowed, details = device.verify_is_allowed()
    if not allowed:
        return Check(retry_at=(details or {}).get("locked_until"))
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        if not device.verify_token(code):
            return Check()
        TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
    return Check(device=device)


def new_recovery_codes(user):
    """Fresh recovery codes in place of any earlier ones; returns them (shown once)."""
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
        StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


def remove_all(user):
    """Remove the user's app and recovery codes (their own choice, or an administrator's)."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


def qr_code(device):
    """The app's set-up link as a QR code in a data: URL (allowed by the CSP's img-src)."""
    return segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=4)


def secret_text(device):
    """The secret key for typing into the app by hand, in groups of four letters."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
