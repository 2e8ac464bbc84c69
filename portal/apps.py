from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The project itself: its commands, and the signals that keep cached pages true."""

    name = "portal"
    verbose_name = "Ortsdialog"

    def ready(self):
        from . import cache_invalidation

        cache_invalidation.connect()
