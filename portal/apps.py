from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The project package as an app: its commands, admin hooks and deploy checks."""

    name = "portal"

    def ready(self):
        from .two_factor import checks  # noqa: F401  (registers the deploy check)
