from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = "E-post och bevakningar"

    def ready(self):
        from . import signals  # noqa: F401  (connects the receivers)
