"""The forms of registering many proposals at once: the choices every row shares, one row, and
the grid of rows (a formset). The spreadsheet import validates its rows with the same row form.

Every row's theme comes from one list read for the whole grid, so neither showing nor checking
the grid costs a query per row.
"""

from datetime import datetime, time

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.web.sizes import file_size

from ..models import Proposal
from ..models.proposals import Source
from ..proposals.forms import PHOTO_TYPES, MultilineField
from ..proposals.photos import clean_photo
from .forms import DialogueChoiceField

# Rows shown on an empty grid, rows one "Lägg till rader" without JavaScript adds, and the most
# one save takes: a walk's notes come in a few saves, and one save stays a short request.
EMPTY_ROWS = 5
MAX_GRID_ROWS = 50
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y"]
# Django fills in the limit and the length; the field's noun goes in first.
TOO_LONG = _("%(what)s är för lång: högst %%(limit_value)d tecken, nu %%(show_value)d.")


def staff_sources():
    """Where a case officer can have received a proposal: anywhere but the web form."""
    return [choice for choice in Source.choices if choice[0] != Source.ONLINE]


def submitted_at(day):
    """When a proposal of `day` came in: noon that day, or now if noon has not come yet.

    A walk's notes have no time of day; noon in Stockholm keeps the date the same in every
    time zone a list is shown in, and the proposal's year (its reference) is the day's.
    """
    noon = timezone.make_aware(datetime.combine(day, time(12)))
    return min(noon, timezone.now())


class SharedChoicesForm(forms.Form):
    """What all rows share: the dialogue, where the proposals came from, and the day."""

    dialogue = DialogueChoiceField(label=_("Dialog"), empty_label=_("Välj dialog"))
    source = forms.ChoiceField(label=_("Källa"), choices=staff_sources)
    date = forms.DateField(
        label=_("Datum"),
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("När förslagen kom in, t.ex. dagen för vandringen."),
    )
    publish_now = forms.BooleanField(
        label=_("Publicera direkt"),
        required=False,
        help_text=_("Förslagen visas då publikt utan att vänta på moderering."),
    )

    def __init__(self, *args, can_publish=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dialogue"].error_messages["required"] = _("Välj dialog.")
        self.fields["date"].error_messages.update(
            required=_("Fyll i datum."),
            invalid=_("Skriv datumet som 2026-05-12."),
        )
        if not can_publish:
            del self.fields["publish_now"]

    def clean_date(self):
        day = self.cleaned_data["date"]
        if day > timezone.localdate():
            raise ValidationError(_("Datumet kan inte vara i framtiden."))
        return day

    def query_string_initial(self):
        """The valid values of a form bound to the query string, as initial values."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if name not in self.errors}


class ThemeField(forms.ChoiceField):
    """A theme out of a list read once, chosen by id or, in a spreadsheet, by name (any case)."""

    def __init__(self, themes, *, by_name=False, **kwargs):
        self.by_id = {str(theme.pk): theme for theme in themes}
        self.by_name = {theme.name.casefold(): theme for theme in themes} if by_name else {}
        choices = [("", _("Inget tema")), *((str(theme.pk), theme.name) for theme in themes)]
        super().__init__(choices=choices, required=False, **kwargs)

    def to_python(self, value):
        value = super().to_python(value).strip()
        theme = self.by_name.get(value.casefold())
        return str(theme.pk) if theme else value

    def validate(self, value):
        if value and value not in self.by_id:
            names = ", ".join(theme.name for theme in self.by_id.values())
            raise ValidationError(
                _("Tema ”%(value)s” finns inte. Välj ett av: %(names)s."),
                code="invalid_choice",
                params={"value": value, "names": names or _("(inga teman finns)")},
            )

    def clean(self, value):
        return self.by_id.get(super().clean(value))


class RowForm(forms.ModelForm):
    """One proposal of the grid: title, text, theme, place and a photo.

    An empty text takes the title: a note from the walk is often one line.
    """

    body = MultilineField(
        label=_("Beskrivning"),
        required=False,
        max_length=Proposal._meta.get_field("body").max_length,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    photo = forms.FileField(
        label=_("Foto"),
        required=False,
        widget=forms.FileInput(attrs={"accept": PHOTO_TYPES}),
    )

    class Meta:
        model = Proposal
        fields = ["title", "body", "location"]
        labels = {"title": _("Rubrik"), "location": _("Plats")}

    field_order = ["title", "body", "theme", "location", "photo"]
    theme_by_name = False

    def __init__(self, *args, themes, row=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.row = row
        self.fields["theme"] = ThemeField(themes, by_name=self.theme_by_name, label=_("Tema"))
        self.order_fields(self.field_order)
        self.fields["title"].error_messages["required"] = _("Rubriken saknas.")
        nouns = {"title": _("Rubriken"), "body": _("Beskrivningen"), "location": _("Platsen")}
        for name, what in nouns.items():
            self.fields[name].error_messages["max_length"] = TOO_LONG % {"what": what}
        self.photo_content = None
        self.photo_again = False

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        if upload:
            self.photo_content = clean_photo(upload)
        return None

    def full_clean(self):
        """Validate, then point each input with an error at its message for screen readers."""
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs["aria-describedby"] = f"{self[name].auto_id}_error"
                self.fields[name].widget.attrs["aria-invalid"] = "true"

    def proposal(self, **shared):
        """The unsaved proposal of this row, with the fields all rows share."""
        data = self.cleaned_data
        return Proposal(
            title=data["title"],
            body=data["body"] or data["title"],
            theme=data["theme"],
            location=data["location"],
            **shared,
        )


def photo_help():
    return _(
        "JPEG, PNG eller WebP, högst %(limit)s. Platsuppgifter i filen tas bort. Går raderna "
        "inte att spara behöver bilderna väljas igen."
    ) % {"limit": file_size(settings.PROPOSALS_PHOTO_MAX_BYTES)}


class BaseRowFormSet(forms.BaseFormSet):
    """The grid: blank rows are left out, at least one row must be filled in."""

    default_error_messages = {
        "too_many_forms": _(
            "Högst %(num)d rader sparas på en gång. Spara de här och fortsätt sedan i ett "
            "nytt rutnät."
        ),
    }

    def __init__(self, *args, themes, **kwargs):
        self.themes = themes
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        # The empty form JavaScript copies has no index: "__row__" is replaced with the number.
        return {"themes": self.themes, "row": "__row__" if index is None else index + 1}

    def filled(self):
        """The rows with something in them, once the grid is valid."""
        return [form for form in self.forms if form.has_changed()]

    def clean(self):
        if any(self.errors):
            return
        if not self.filled():
            raise ValidationError(_("Fyll i minst en rad."), code="empty")


RowFormSet = forms.formset_factory(
    RowForm,
    formset=BaseRowFormSet,
    extra=EMPTY_ROWS,
    max_num=MAX_GRID_ROWS,
    absolute_max=MAX_GRID_ROWS,
    validate_max=True,
)
