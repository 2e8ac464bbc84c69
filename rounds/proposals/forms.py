"""The form residents use to send a proposal."""

import re

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from portal.web.sizes import file_size

from ..models import Proposal, Theme
from ..models.proposals import AgeGroup
from . import drafts
from .photos import clean_photo

PHONE_PATTERN = re.compile(r"^\+?[0-9 ()\-]{5,40}$")
PHOTO_TYPES = "image/jpeg,image/png,image/webp"


class MultilineField(forms.CharField):
    """A text area's value with browsers' CR LF line breaks counted as one character each,
    as the text area's own maxlength counts them."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n") if value else value


class PhoneNumberCheck:
    """For a form with an optional `phone` field: digits, spaces, dashes, brackets and a
    leading +, in the same words on every form a resident fills in."""

    def clean_phone(self):
        phone = self.cleaned_data.get("phone", "")
        if phone and not PHONE_PATTERN.match(phone):
            raise forms.ValidationError(
                _("Skriv telefonnumret med siffror, till exempel 070-123 45 67.")
            )
        return phone


class ProposalForm(PhoneNumberCheck, forms.ModelForm):
    """What a resident writes; personal data is optional and never shown publicly."""

    body = MultilineField(
        label=_("Beskriv ditt förslag"),
        max_length=Proposal._meta.get_field("body").max_length,
        help_text=_(
            "Vad vill du ska hända, och varför? Skriv inga känsliga personuppgifter och "
            "inga personnummer."
        ),
        widget=forms.Textarea(attrs={"rows": 8, "autocomplete": "off"}),
    )
    theme = forms.ModelChoiceField(
        label=_("Tema"),
        queryset=Theme.objects.all(),
        required=False,
        empty_label=_("Välj tema"),
        help_text=_("Välj det som passar bäst. Vi ändrar om det behövs."),
    )
    photo = forms.FileField(
        label=_("Foto"),
        required=False,
        help_text=_(
            "En bild i JPEG, PNG eller WebP, högst %(limit)s. Platsuppgifter och annan "
            "information i filen tas bort. Bilden visas publikt först när förslaget har granskats."
        ),
        widget=forms.FileInput(attrs={"accept": PHOTO_TYPES}),
    )
    # The photo accepted in an earlier step, as a signed reference (see drafts.py).
    photo_draft = forms.CharField(required=False, widget=forms.HiddenInput)
    remove_photo = forms.BooleanField(label=_("Ta bort bilden"), required=False)
    age_group = forms.ChoiceField(
        label=_("Ålder"),
        choices=[("", _("Vill inte svara")), *AgeGroup.choices],
        required=False,
        help_text=_("Används bara för statistik över vilka som lämnar förslag."),
    )

    field_order = [
        "title",
        "body",
        "theme",
        "location",
        "photo",
        "remove_photo",
        "name",
        "email",
        "notify_status",
        "phone",
        "display_name",
        "show_name",
        "age_group",
    ]

    class Meta:
        model = Proposal
        fields = [
            "title",
            "body",
            "theme",
            "location",
            "name",
            "display_name",
            "show_name",
            "email",
            "notify_status",
            "phone",
            "age_group",
        ]
        labels = {
            "title": _("Rubrik"),
            "location": _("Var i orten gäller det?"),
            "name": _("Ditt namn"),
            "display_name": _("Namn att visa vid förslaget"),
            "show_name": _("Visa namnet vid förslaget på webbplatsen"),
            "email": _("E-postadress"),
            "notify_status": _("Skicka svaren till min e-post"),
            "phone": _("Telefonnummer"),
        }
        help_texts = {
            "title": _("Säg kort vad det gäller, till exempel ”Belysning vid busshållplatsen”."),
            "location": _("Till exempel en adress, en korsning eller ”vid badplatsen”."),
            "name": _("Visas aldrig publikt. Hjälper oss om vi behöver fråga något."),
            "display_name": _(
                "Till exempel ditt förnamn eller ”Boende på Byvägen”. Visas bara om du "
                "kryssar i rutan nedan."
            ),
            "show_name": _("Annars visas förslaget utan namn."),
            "email": _(
                "Visas aldrig publikt. Används bara för besked om ditt förslag, "
                "till exempel när det har fått ett svar."
            ),
            "notify_status": _(
                "Gäller bara om du skriver en e-postadress. Kryssa ur rutan om du hellre vill "
                "följa förslaget med länken du får."
            ),
            "phone": _("Visas aldrig publikt. Om du hellre vill att vi ringer."),
        }
        widgets = {
            "title": forms.TextInput(attrs={"autocomplete": "off"}),
            "location": forms.TextInput(attrs={"autocomplete": "off"}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "display_name": forms.TextInput(attrs={"autocomplete": "off"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
        }
        error_messages = {
            "title": {"required": _("Skriv en rubrik för förslaget.")},
            "email": {"invalid": _("Skriv e-postadressen som namn@exempel.se.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].error_messages["required"] = _("Beskriv ditt förslag.")
        for field in self.fields.values():
            field.error_messages["max_length"] = _(
                "Skriv högst %(limit_value)d tecken. Nu är det %(show_value)d."
            )
        photo = self.fields["photo"]
        photo.help_text = photo.help_text % {"limit": file_size(settings.PROPOSALS_PHOTO_MAX_BYTES)}
        # Giving an address means "send me the answers" unless the resident unticks the box.
        self.fields["notify_status"].initial = True
        self.photo_content = None
        self.photo_gone = False
        self.wants_answers = None

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        if upload:
            self.photo_content = clean_photo(upload)
        return None

    def clean_photo_draft(self):
        reference = self.cleaned_data.get("photo_draft")
        self.photo_gone = bool(reference) and drafts.photo_name(reference) is None
        return "" if self.photo_gone else reference

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("show_name") and not cleaned.get("display_name"):
            self.add_error(
                "display_name",
                _(
                    "Skriv namnet som ska visas, eller kryssa ur rutan för att visa förslaget "
                    "utan namn."
                ),
            )
        if self.photo_gone and self.photo_content is None and not cleaned.get("remove_photo"):
            self.add_error("photo", _("Bilden du valde finns inte kvar. Välj bilden igen."))
        # One question, not two: the box only counts with an address. What the resident chose is
        # kept for going back to the form; what is stored is whether answers can be emailed.
        self.wants_answers = cleaned.get("notify_status", False)
        cleaned["notify_status"] = self.wants_answers and bool(cleaned.get("email"))
        return cleaned

    def keep_photo(self):
        """The signed reference of the photo to carry on, after validation, valid or not.

        A new valid upload is stored (and replaces any earlier one), so the resident never
        has to choose it again; "remove" drops it.
        """
        earlier = self.data.get("photo_draft", "")
        if self.photo_content is not None:
            drafts.discard_photo(drafts.photo_name(earlier))
            return drafts.store_photo(self.photo_content)
        if self.cleaned_data.get("remove_photo"):
            drafts.discard_photo(drafts.photo_name(earlier))
            return ""
        return earlier if drafts.photo_name(earlier) else ""

    def review_data(self):
        """The valid fields as plain values, to sign into the review step."""
        data = {name: self.cleaned_data.get(name) for name in self._meta.fields}
        data["theme"] = data["theme"].pk if data["theme"] else None
        data["notify_status"] = self.wants_answers
        return data
