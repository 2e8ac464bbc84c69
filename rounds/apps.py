from django.apps import AppConfig


class RoundsConfig(AppConfig):
    name = "rounds"
    verbose_name = "Omgångar och dialoger"

    def ready(self):
        from . import signals  # noqa: F401  (connects the receivers)
