"""The workbench's forms: moderate, register and edit a proposal (the answer form is in
`answer_forms`), and what they share."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Page

from portal.web.admin_dates import INVALID_DATETIME, SwedishDateTimeField, TypedDateTimeInput

from ..models import Proposal
from ..models.proposals import Source, Visibility
from ..proposals import personal_details
from .queries import possible_id, registrable_dialogues

PERSONAL_FIELDS = [
    "name",
    "email",
    "phone",
    "postal_address",
    "reply_by_letter",
    "age_group",
    "notify_status",
]
# The empty choice of each select, in words instead of Django's "---------".
EMPTY_CHOICES = {
    "dialogue": _("Välj dialog"),
    "status": _("Välj status"),
    "theme": _("Välj tema"),
    "responsible": _("Välj ansvarig"),
    "age_group": _("Inte angiven"),
    "progress_step": _("Inget steg"),
}

# A percentage that is not a whole number from 0 to 100, in the same words however it is wrong.
PERCENT_ERRORS = dict.fromkeys(
    ("invalid", "min_value", "max_value"),
    _("Ange hur många procent som är klart, som ett heltal från 0 till 100."),
)


def word_empty_choices(form):
    """Give the selects of `form` their empty choice in words (EMPTY_CHOICES)."""
    for name, label in EMPTY_CHOICES.items():
        field = form.fields.get(name)
        if isinstance(field, forms.ModelChoiceField):
            if field.empty_label is not None:
                field.empty_label = label
        elif isinstance(field, forms.ChoiceField):
            field.choices = [
                (value, label if value == "" else text) for value, text in field.choices
            ]


def check_letter_reply(form, cleaned_data):
    """A letter needs someone to address it to: refuse "svar per brev" without name and address.

    The address is kept as the case officer typed it, without blank lines, so that it prints
    in the envelope's window as written.
    """
    address = "\n".join(
        line.strip() for line in cleaned_data.get("postal_address", "").splitlines() if line.strip()
    )
    if "postal_address" in cleaned_data:
        cleaned_data["postal_address"] = address
    if not cleaned_data.get("reply_by_letter"):
        return
    if not cleaned_data.get("name", "").strip() and "name" not in form.errors:
        form.add_error("name", _("Fyll i namnet som brevet ska adresseras till."))
    if not address and "postal_address" not in form.errors:
        form.add_error(
            "postal_address",
            _("Fyll i postadressen (gata, postnummer och ort) för att skicka svaret per brev."),
        )
    elif address and len(address.splitlines()) < 2:
        form.add_error(
            "postal_address",
            _("Skriv gatuadressen på en rad och postnummer och ort på nästa."),
        )


class ModerationForm(forms.Form):
    """Publish the text with or without the photo, or hide everything with an internal reason;
    or publish it as a duplicate of a proposal the duplicate hint found.

    The moderator must choose what happens to a photo (nothing is preselected while the
    proposal waits), and must confirm the public text when personal details remain in it.
    """

    PUBLISH, HIDE, DUPLICATE = "publish", "hide", "duplicate"
    WITH_PHOTO, WITHOUT_PHOTO = "with_photo", "without_photo"

    public_title = forms.CharField(label=_("Publik rubrik"), max_length=120)
    public_body = forms.CharField(
        label=_("Publik beskrivning"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Ta bort namn, telefonnummer och annat som pekar ut någon. "
            "Originaltexten sparas oförändrad."
        ),
    )
    photo = forms.ChoiceField(
        label=_("Fotot"),
        choices=[
            (WITH_PHOTO, _("Publicera fotot med texten")),
            (WITHOUT_PHOTO, _("Publicera bara texten: fotot visas inte publikt")),
        ],
        widget=forms.RadioSelect,
        required=False,
        help_text=_(
            "Visa inte fotot om det syns ansikten, barn, registreringsnummer eller annat som "
            "pekar ut någon. Fotot sparas ändå, och invånaren får veta att det inte visas."
        ),
    )
    checked_personal_details = forms.BooleanField(
        label=_("Jag har kontrollerat att den publika texten inte innehåller personuppgifter"),
        required=False,
    )
    hidden_reason = forms.CharField(
        label=_("Skäl att dölja (internt)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Krävs för att dölja. Visas aldrig för invånaren eller allmänheten."),
    )

    def __init__(self, *args, action=None, proposal, **kwargs):
        super().__init__(*args, **kwargs)
        self.action, self.proposal = action, proposal
        if not proposal.photo:
            del self.fields["photo"]
        elif proposal.visibility != Visibility.PENDING:
            self.initial.setdefault(
                "photo", self.WITHOUT_PHOTO if proposal.photo_withheld else self.WITH_PHOTO
            )
        self.fields["duplicate_of"] = DuplicateReferenceField(
            exclude_pk=proposal.pk, widget=forms.HiddenInput
        )
        if self.public_findings:
            self.fields["checked_personal_details"].help_text = _(
                "Den publika texten innehåller %(found)s. Det kan vara rätt, till exempel en "
                "förenings eller kommunens nummer."
            ) % {"found": personal_details.describe(self.public_findings)}
        if action == self.HIDE:
            # Hiding keeps the public text as it is: only the reason counts.
            self.fields["public_title"].required = False
            self.fields["public_body"].required = False

    @property
    def publishes(self):
        return self.action in (self.PUBLISH, self.DUPLICATE)

    @property
    def withhold_photo(self):
        return self.cleaned_data.get("photo") == self.WITHOUT_PHOTO

    @cached_property
    def public_findings(self):
        """Personal details in the text that would be published: as typed, or as it is now."""
        if self.is_bound:
            title, body = self.data.get("public_title", ""), self.data.get("public_body", "")
        else:
            title, body = self.initial.get("public_title", ""), self.initial.get("public_body", "")
        return [
            *personal_details.find(title),
            *personal_details.find(body),
            *personal_details.find(self.proposal.location),
        ]

    def clean(self):
        cleaned_data = super().clean()
        if self.action not in (self.PUBLISH, self.HIDE, self.DUPLICATE):
            raise ValidationError(_("Välj om förslaget ska publiceras eller döljas."))
        if self.action == self.HIDE and not cleaned_data.get("hidden_reason", "").strip():
            self.add_error("hidden_reason", _("Skriv varför förslaget döljs (internt)."))
        if self.publishes:
            self.check_publishing(cleaned_data)
        return cleaned_data

    def check_publishing(self, cleaned_data):
        if "photo" in self.fields and not cleaned_data.get("photo") and "photo" not in self.errors:
            self.add_error("photo", _("Välj om fotot ska visas publikt eller inte."))
        if self.public_findings and not cleaned_data.get("checked_personal_details"):
            self.add_error(
                "checked_personal_details",
                _(
                    "Den publika texten innehåller fortfarande %(found)s. Ta bort det, eller "
                    "kryssa i att du har kontrollerat att det får visas."
                )
                % {"found": personal_details.describe(self.public_findings)},
            )
        if self.action == self.DUPLICATE and not cleaned_data.get("duplicate_of"):
            # The reference comes from the hint's button, not a field: say it above the form.
            reference_errors = self.errors.pop("duplicate_of", None)
            self.add_error(
                None, reference_errors or _("Välj vilket förslag det är en dubblett av.")
            )


class DuplicateReferenceField(forms.CharField):
    """The reference of the proposal this one duplicates, e.g. 2026-0042."""

    def __init__(self, *, exclude_pk, **kwargs):
        super().__init__(max_length=12, required=False, **kwargs)
        self.exclude_pk = exclude_pk

    def clean(self, value):
        reference = super().clean(value).strip()
        if not reference:
            return None
        original = Proposal.objects.exclude(pk=self.exclude_pk).filter(reference=reference).first()
        if original is None:
            raise ValidationError(
                _("Det finns inget annat förslag med referensen %(reference)s."),
                params={"reference": reference},
            )
        return original


class DialogueChoiceField(forms.ModelChoiceField):
    """The dialogues a proposal can still be registered for, labelled with their village, e.g.
    "Läckeby: Utvecklingsdialog 2026"; an unpublished or completed dialogue is no choice."""

    def __init__(self, queryset=None, **kwargs):
        # The foreign key's default queryset (every dialogue) is replaced.
        super().__init__(registrable_dialogues(), **kwargs)

    def to_python(self, value):
        # An id no dialogue can have (10**20) is not a choice, rather than a database error.
        # (A page's id is its Page's: DialoguePage's own key is the link to it.)
        if value not in self.empty_values and possible_id(str(value), Page) is None:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class RegisterForm(forms.ModelForm):
    """A proposal a case officer received at the walk, the meeting, by letter or phone."""

    publish_now = forms.BooleanField(
        label=_("Publicera direkt"),
        required=False,
        help_text=_("Förslaget visas då publikt utan att vänta på moderering."),
    )

    class Meta:
        model = Proposal
        fields = [
            "dialogue",
            "source",
            "submitted_at",
            "title",
            "body",
            "theme",
            "location",
            *PERSONAL_FIELDS,
        ]
        field_classes = {"dialogue": DialogueChoiceField, "submitted_at": SwedishDateTimeField}
        widgets = {
            "submitted_at": TypedDateTimeInput,
            "body": forms.Textarea(attrs={"rows": 8}),
            "postal_address": forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
        }
        error_messages = {"submitted_at": {"invalid": INVALID_DATETIME}}
        help_texts = {
            "submitted_at": _("När förslaget kom in, t.ex. dagen för vandringen."),
            "name": _("Bara om invånaren vill bli kontaktad."),
        }

    def __init__(self, *args, can_view_personal_data=False, can_publish=False, **kwargs):
        kwargs["initial"] = {
            "source": Source.WALK,
            "submitted_at": timezone.now(),
            **kwargs.get("initial", {}),
        }
        super().__init__(*args, **kwargs)
        self.fields["source"].choices = [
            choice for choice in Source.choices if choice[0] != Source.ONLINE
        ]
        if not can_view_personal_data:
            for name in PERSONAL_FIELDS:
                del self.fields[name]
        if not can_publish:
            del self.fields["publish_now"]
        word_empty_choices(self)

    def clean_notify_status(self):
        notify = self.cleaned_data["notify_status"]
        if notify and not self.cleaned_data.get("email"):
            raise ValidationError(_("Fyll i e-post för att invånaren ska få besked."))
        return notify

    def clean(self):
        cleaned_data = super().clean()
        check_letter_reply(self, cleaned_data)
        return cleaned_data


class EditForm(WagtailAdminModelForm):
    """The edit view's form (its fields come from the panels in `actions`)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        word_empty_choices(self)

    def clean(self):
        cleaned_data = super().clean()
        if "reply_by_letter" in self.fields:  # only with the personal data panels
            check_letter_reply(self, cleaned_data)
        return cleaned_data
