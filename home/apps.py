from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Startsida och sidor"

    def ready(self):
        from django.urls import register_converter

        from portal.web.converters import IdConverter

        register_converter(IdConverter, "id")  # before any URLconf is loaded

        from . import checks  # noqa: F401 - registers the cache's deployment checks
