from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The project package as an app: its commands, admin hooks, deploy checks, and the signals
    that keep cached pages true."""

    name = "portal"
    verbose_name = "Ortsdialog"

    def ready(self):
        from . import cache_invalidation
        from .two_factor import checks  # noqa: F401  (registers the deploy check)

        cache_invalidation.connect()
