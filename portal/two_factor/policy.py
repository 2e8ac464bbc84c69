"""Who must use two-factor sign-in, and which devices a user has.

Required (when settings.TWO_FACTOR_REQUIRED is on) for superusers and for anyone with a
permission in PERSONAL_DATA_PERMISSIONS: seeing residents' personal details, or editing users,
which lets one grant oneself that right. Anyone who has set up a device is asked for a code,
whatever the setting.
"""

from django.conf import settings
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

PERSONAL_DATA_PERMISSIONS = ("rounds.view_personal_data", "auth.change_user")


def must_use_two_factor(user):
    """True for a signed-in user whose role requires a second factor."""
    if not settings.TWO_FACTOR_REQUIRED or not user.is_authenticated:
        return False
    return user.is_superuser or any(user.has_perm(p) for p in PERSONAL_DATA_PERMISSIONS)


def has_device(user):
    """True when the user has a confirmed app or recovery codes: a code is then required."""
    return any(True for _device in devices_for_user(user, confirmed=True))


def app_device(user):
    """The user's confirmed authenticator app (TOTP device), or None."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def recovery_device(user):
    """The user's recovery codes (static device), or None."""
    return StaticDevice.objects.devices_for_user(user, confirmed=True).first()
