"""The short anmälan form: who is coming, how to reach them and what they need."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import EventRegistration
from ..models.registrations import OTHER_MAX_LENGTH
from ..proposals.forms import MultilineField, PhoneNumberCheck

MAX_CHILDREN = 20


class RegistrationForm(PhoneNumberCheck, forms.ModelForm):
    """A name, a phone number or an email address, and ticks for the help needed."""

    other_needs = MultilineField(
        label=_("Något annat vi behöver veta?"),
        required=False,
        max_length=OTHER_MAX_LENGTH,
        help_text=_(
            "Till exempel att du använder rullstol eller behöver sitta nära. "
            "Skriv inget om din hälsa som du inte vill att kontaktpersonen ska veta."
        ),
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "off"}),
    )
    children = forms.IntegerField(
        label=_("Hur många barn?"),
        required=False,
        min_value=1,
        max_value=MAX_CHILDREN,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    class Meta:
        model = EventRegistration
        fields = [
            "name",
            "phone",
            "email",
            "needs_transport",
            "needs_childcare",
            "children",
            "needs_hearing_loop",
            "needs_interpreter",
            "interpreter_language",
            "other_needs",
        ]
        labels = {
            "name": _("Ditt namn"),
            "phone": _("Telefonnummer"),
            "email": _("E-postadress"),
            "needs_transport": _("Skjuts: jag behöver hjälp att ta mig dit och hem"),
            "needs_childcare": _("Barnpassning under tiden"),
            "needs_hearing_loop": _("Hörslinga"),
            "needs_interpreter": _("Tolk"),
            "interpreter_language": _("Vilket språk?"),
        }
        help_texts = {
            "name": _("Visas aldrig på webbplatsen."),
            "phone": _("Skriv telefon eller e-post, eller båda, så att vi kan nå dig."),
            "email": _("Då får du en bekräftelse och en påminnelse dagen före."),
            "interpreter_language": _("Till exempel arabiska, finska eller teckenspråk."),
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "interpreter_language": forms.TextInput(attrs={"autocomplete": "off"}),
        }
        error_messages = {
            "name": {"required": _("Skriv ditt namn.")},
            "email": {"invalid": _("Skriv e-postadressen som namn@exempel.se.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.error_messages["max_length"] = _(
                "Skriv högst %(limit_value)d tecken. Nu är det %(show_value)d."
            )
        children = self.fields["children"]
        children.error_messages.update(
            {
                "invalid": _("Skriv antalet barn med siffror, till exempel 2."),
                "min_value": _("Skriv hur många barn, minst 1."),
                "max_value": _(
                    "Skriv högst %(limit_value)d barn. Är ni fler, ring kontaktpersonen."
                ),
            }
        )

    def clean(self):
        cleaned = super().clean()
        reachable = cleaned.get("phone") or cleaned.get("email")
        if not reachable and not self.has_error("phone") and not self.has_error("email"):
            self.add_error(
                "phone",
                _("Skriv ett telefonnummer eller en e-postadress, så att vi kan nå dig."),
            )
        if cleaned.get("needs_childcare"):
            if not cleaned.get("children") and not self.has_error("children"):
                self.add_error("children", _("Skriv hur många barn som behöver passning."))
        else:
            cleaned["children"] = None
        if cleaned.get("needs_interpreter"):
            if not cleaned.get("interpreter_language"):
                self.add_error("interpreter_language", _("Skriv vilket språk tolken ska tala."))
        else:
            cleaned["interpreter_language"] = ""
        return cleaned
