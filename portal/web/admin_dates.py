"""The admin's date and date-time fields, which keep what the editor typed.

Two silent replacements are stopped. Wagtail's date picker validates on blur: a value not in its
one format ("20/4 2027 17:30") became the current time. And Django's date-time field tries ISO
first, where "2027-04-20 17.30" means 17:00 and 0.3 seconds. These inputs switch the picker's
check off, and the field reads the Swedish formats (portal.formats) before ISO, or refuses with a
message naming them.
"""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput

INVALID_DATE = _("Datumet går inte att läsa. Skriv det som 2027-04-20 eller 20/4 2027.")
INVALID_DATETIME = _(
    "Datum och tid går inte att läsa. Skriv dem som 2027-04-20 17:30 eller 20/4 2027 17.30."
)


class SwedishDateTimeField(forms.DateTimeField):
    """A date-time field that tries the input formats before ISO 8601 ("17.30" is half past)."""

    def to_python(self, value):
        if isinstance(value, str) and value.strip() and "T" not in value:
            parsed = forms.fields.BaseTemporalField.to_python(self, value.strip())
            return forms.utils.from_current_timezone(parsed)
        return super().to_python(value)


class TypedDateInput(AdminDateInput):
    def get_config(self):
        return {**super().get_config(), "validateOnBlur": False}


class TypedDateTimeInput(AdminDateTimeInput):
    def get_config(self):
        return {**super().get_config(), "validateOnBlur": False}


def form_field_overrides():
    """(model field class, override) pairs for Wagtail's register_form_field_override."""
    return [
        (
            models.DateField,
            {"widget": TypedDateInput, "error_messages": {"invalid": INVALID_DATE}},
        ),
        (
            models.DateTimeField,
            {
                "form_class": SwedishDateTimeField,
                "widget": TypedDateTimeInput,
                "error_messages": {"invalid": INVALID_DATETIME},
            },
        ),
    ]
