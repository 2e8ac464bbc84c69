"""The forms of the bulk actions (`bulk`): which proposals and what to do with them, then what
each action asks for (the internal reason to hide, the status and message of an update).

Kept apart from `forms`, the forms of one proposal, which they resemble but never share state
with: an answer for fifty proposals is one message, with no per-proposal fields.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from portal.web.admin_dates import TypedDateInput

from ..models import Department, ProgressStep
from ..models.proposals import PROGRESS_STATUSES, Proposal, Status
from ..proposals.services import check_update
from .forms import PERCENT_ERRORS, word_empty_choices
from .queries import possible_id

PUBLISH, HIDE, UPDATE = "publish", "hide", "update"
ACTIONS = {
    PUBLISH: _("Publicera"),
    HIDE: _("Dölj"),
    UPDATE: _("Ny uppdatering för alla"),
}
PAGE, FILTERED = "page", "filtered"
# More proposals than this in one bulk action are refused: the confirmation must stay readable
# and the transaction short.
MAX_PROPOSALS = 500
# A duplicate points to one other proposal each: no answer for many at once.
BULK_STATUSES = [choice for choice in Status.choices if choice[0] != Status.DUPLICATE]


class IdsField(forms.Field):
    """Proposal ids from checkboxes or hidden fields; what no proposal can have is dropped."""

    widget = hidden_widget = forms.MultipleHiddenInput

    def to_python(self, value):
        ids = (possible_id(item, Proposal) for item in value or [])
        return list(dict.fromkeys(pk for pk in ids if pk is not None))


class SelectionForm(forms.Form):
    """What the list sends: the action, the rows ticked, or all on the page, or all in the list.

    `list_query` is the list's query string, so "all in the list" is the list the officer saw
    (its filters and search), and the way back leads to it.
    """

    action = forms.ChoiceField(
        label=_("Åtgärd"),
        choices=list(ACTIONS.items()),
        error_messages={"invalid_choice": _("Välj en av åtgärderna i listan.")},
    )
    selected = IdsField(required=False)
    page = IdsField(required=False)
    scope = forms.MultipleChoiceField(required=False, choices=[(PAGE, PAGE), (FILTERED, FILTERED)])
    list_query = forms.CharField(required=False, max_length=2000)

    @property
    def everything_listed(self):
        return FILTERED in self.cleaned_data["scope"]

    def chosen_ids(self):
        """The ids ticked, with those of the page when "all on this page" is ticked."""
        data = self.cleaned_data
        return list(
            dict.fromkeys(data["selected"] + (data["page"] if PAGE in data["scope"] else []))
        )

    def clean(self):
        data = super().clean()
        complete = "scope" in data and "selected" in data and "page" in data
        if complete and not self.everything_listed and not self.chosen_ids():
            raise ValidationError(_("Välj minst ett förslag i listan."))
        return data


class ConfirmedForm(forms.Form):
    """The confirmation's hidden part: the ids confirmed and the list to go back to."""

    action = forms.ChoiceField(choices=list(ACTIONS.items()), widget=forms.HiddenInput)
    ids = IdsField()
    list_query = forms.CharField(required=False, max_length=2000, widget=forms.HiddenInput)


class PublishForm(forms.Form):
    """Publishing many keeps each proposal's public text as it is: nothing to fill in."""

    def check(self, proposals):
        return []


class HideForm(forms.Form):
    hidden_reason = forms.CharField(
        label=_("Skäl att dölja (internt)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Samma skäl för alla valda förslag. Visas aldrig för invånaren."),
        error_messages={"required": _("Skriv varför förslagen döljs (internt).")},
    )

    def check(self, proposals):
        return []


class UpdateForm(forms.Form):
    """One status and one public message for all, e.g. "Behandlas" when the working group
    starts on a village's proposals. Each proposal keeps its responsible unless one is chosen.
    """

    status = forms.ChoiceField(label=_("Ny status"), choices=[("", ""), *BULK_STATUSES])
    public_message = forms.CharField(
        label=_("Svar till invånaren"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Visas publikt på varje förslag. Samma text för alla valda förslag."),
    )
    responsible = forms.ModelChoiceField(
        Department.objects.all(),
        label=_("Ansvarig"),
        required=False,
        empty_label=_("Behåll varje förslags ansvarig"),
    )
    planned_date = forms.DateField(label=_("Planerat datum"), required=False, widget=TypedDateInput)
    planned_date_unknown_reason = forms.CharField(
        label=_("Varför datum inte är bestämt"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Visas publikt. För ”Längre planering” utan planerat datum."),
    )
    progress_step = forms.ModelChoiceField(
        ProgressStep.objects.all(),
        label=_("Steg i genomförandet"),
        required=False,
        empty_label=_("Behåll varje förslags steg"),
        help_text=_("Visas publikt. Bara för ”Åtgärdas” och ”Längre planering”."),
    )
    progress_percent = forms.IntegerField(
        label=_("Procent klart"),
        required=False,
        min_value=0,
        max_value=100,
        error_messages=PERCENT_ERRORS,
        help_text=_("Visas publikt, 0–100. Tomt: varje förslag behåller sitt."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        word_empty_choices(self)

    def update_fields(self, proposal):
        """The keyword arguments of `services.add_update` for `proposal`."""
        data = self.cleaned_data
        # Each keeps its step and percentage unless new ones are chosen; they end with the promise.
        promise = data["status"] in PROGRESS_STATUSES
        percent = data["progress_percent"]
        return {
            "status": data["status"],
            "public_message": data["public_message"],
            "responsible": data["responsible"] or proposal.responsible,
            "planned_date": data["planned_date"],
            "planned_date_unknown_reason": data["planned_date_unknown_reason"],
            "progress_step": data["progress_step"] or (proposal.progress_step if promise else None),
            "progress_percent": (
                percent if percent is not None else proposal.progress_percent if promise else None
            ),
        }

    def check(self, proposals):
        """The rules of `services.check_update` for every proposal, before anything is saved,
        as errors on this form: each message once, with the references it applies to."""
        refused = {}
        for proposal in proposals:
            try:
                check_update(proposal=proposal, **self.update_fields(proposal))
            except ValidationError as error:
                for field, messages in error.message_dict.items():
                    for message in messages:
                        refused.setdefault((field, message), []).append(proposal.reference)
        for (field, message), references in refused.items():
            field = field if field in self.fields else None
            self.add_error(field, f"{message} ({', '.join(references)})")
        return refused


ACTION_FORMS = {PUBLISH: PublishForm, HIDE: HideForm, UPDATE: UpdateForm}
