"""`manage.py check --deploy` warns when two-factor sign-in is not required."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def two_factor_required(app_configs, **kwargs):
    if settings.TWO_FACTOR_REQUIRED:
        return []
    return [
        Warning(
            "TWO_FACTOR_REQUIRED is off: staff who can see personal data sign in with a "
            "password alone.",
            hint="Unset TWO_FACTOR_REQUIRED (it is on by default) in production.",
            id="portal.W001",
        )
    ]
