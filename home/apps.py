from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Startsida och sidor"

    def ready(self):
        from django.urls import register_converter

        from portal.web.converters import IdConverter

        register_converter(IdConverter, "id")  # before any URLconf is loaded

        from wagtail.admin.forms.models import register_form_field_override

        from portal.web.admin_dates import form_field_overrides

        # Pages' and snippets' date fields keep what the editor typed (see admin_dates).
        for field_class, override in form_field_overrides():
            register_form_field_override(field_class, override=override)

        from . import checks  # noqa: F401 - registers the cache's deployment checks
