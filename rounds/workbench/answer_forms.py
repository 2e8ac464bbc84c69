"""The answer form: a new status with the public answer, filled from the working group's answer
templates (`AnswerTemplate` snippets) when one is chosen."""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Case, When
from django.utils.translation import gettext_lazy as _

from portal.web.admin_dates import TypedDateInput

from ..models import AnswerTemplate, Department, ProposalUpdate
from ..models.proposals import PROGRESS_STATUSES, Status
from ..proposals.services import check_update
from .forms import PERCENT_ERRORS, DuplicateReferenceField, word_empty_choices
from .queries import possible_id


class AnswerForm(forms.ModelForm):
    """A new update: status, the public answer and what stays internal, with the working
    group's answer templates to start the public message from."""

    USE_TEMPLATE = "use_template"  # the submit button that fills in a template, without saving

    class Meta:
        model = ProposalUpdate
        fields = [
            "status",
            "public_message",
            "responsible",
            "planned_date",
            "planned_date_unknown_reason",
            "progress_step",
            "progress_percent",
            "decision_reference",
            "internal_note",
        ]
        widgets = {
            "planned_date": TypedDateInput,
            "public_message": forms.Textarea(attrs={"rows": 6}),
            "planned_date_unknown_reason": forms.Textarea(attrs={"rows": 2}),
            "internal_note": forms.Textarea(attrs={"rows": 3}),
            "progress_percent": forms.NumberInput(attrs={"min": 0, "max": 100, "step": 1}),
        }
        error_messages = {"progress_percent": PERCENT_ERRORS}

    def __init__(self, *args, proposal, village="", **kwargs):
        kwargs["initial"] = {
            "status": proposal.status,
            "responsible": proposal.responsible_id,
            # The step reached so far goes on with the next update, as the responsible does.
            "progress_step": proposal.progress_step_id,
            "progress_percent": proposal.progress_percent,
            **kwargs.get("initial", {}),
        }
        super().__init__(*args, **kwargs)
        word_empty_choices(self)
        self.proposal = proposal
        self.fields["answer_template"] = AnswerTemplateField(
            proposal=proposal, village=village, required=False
        )
        self.order_fields(["status", "answer_template"])
        self.fields["duplicate_of"] = DuplicateReferenceField(
            exclude_pk=proposal.pk,
            label=_("Dubblett av (referens)"),
            help_text=_("Bara för status ”Dubblett”, t.ex. 2026-0042."),
            initial=proposal.duplicate_of.reference if proposal.duplicate_of else "",
        )

    def clean(self):
        cleaned_data = super().clean()
        status = cleaned_data.get("status")
        if status not in PROGRESS_STATUSES:
            # The step carried on from before ends with the promise; one chosen now is an error.
            for name in ("progress_step", "progress_percent"):
                if name not in self.changed_data:
                    cleaned_data[name] = None
        if status and "duplicate_of" not in self.errors:
            try:
                check_update(
                    status,
                    cleaned_data.get("public_message"),
                    cleaned_data.get("duplicate_of"),
                    proposal=self.proposal,
                    responsible=cleaned_data.get("responsible"),
                    planned_date=cleaned_data.get("planned_date"),
                    planned_date_unknown_reason=cleaned_data.get("planned_date_unknown_reason"),
                    progress_step=cleaned_data.get("progress_step"),
                    progress_percent=cleaned_data.get("progress_percent"),
                )
            except ValidationError as error:
                # Only the fields that are still without an error of their own.
                self.add_error(None, without_errors_of(error, self.errors))
        return cleaned_data

    def update_fields(self):
        """The keyword arguments for `rounds.proposals.add_update`."""
        data = self.cleaned_data
        return {
            "status": data["status"],
            "duplicate_of": data["duplicate_of"],
            **{name: data[name] for name in self.Meta.fields if name != "status"},
        }

    def with_template(self):
        """This form's typing with the chosen template's text in the public message, as an
        unbound form (nothing was saved, so nothing is an error yet), and the problem if the
        template could not be used.

        The text goes after what is already written, never over it.
        """
        typed = {
            name: field.widget.value_from_datadict(self.data, self.files, self.add_prefix(name))
            for name, field in self.fields.items()
        }
        template, problem = self.fields["answer_template"].chosen(
            typed.get("answer_template"), typed.get("status")
        )
        if template is not None:
            responsible = self.fields["responsible"].queryset.filter(
                pk=possible_id(typed.get("responsible"), Department) or 0
            )
            text = template.filled(
                village=self.fields["answer_template"].village,
                reference=self.proposal.reference,
                responsible=responsible.first() or "",
            )
            written = (typed.get("public_message") or "").rstrip()
            typed["public_message"] = f"{written}\n\n{text}" if written else text
        village = self.fields["answer_template"].village
        return type(self)(proposal=self.proposal, village=village, initial=typed), problem


def without_errors_of(error, errors):
    """A ValidationError of several fields, less those fields that already have an error."""
    if not hasattr(error, "error_dict"):
        return error
    return ValidationError(
        {field: messages for field, messages in error.error_dict.items() if field not in errors}
    )


class AnswerTemplateSelect(forms.Select):
    """The templates, each option carrying its status and its text, placeholders filled, for
    the script that fills the message (`rounds/workbench/answer-templates.js`)."""

    def __init__(self, *args, fill=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fill = fill

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        template = getattr(value, "instance", None)
        if template is not None:
            option["attrs"]["data-status"] = template.status
            option["attrs"]["data-text"] = self.fill(template)
        return option


class AnswerTemplateField(forms.ModelChoiceField):
    """The working group's answer templates, each labelled with its status."""

    def __init__(self, *, proposal, village, **kwargs):
        self.proposal, self.village = proposal, village
        in_status_order = Case(*(When(status=s, then=n) for n, s in enumerate(Status.values)))
        super().__init__(
            AnswerTemplate.objects.order_by(in_status_order, "sort_order", "name"),
            label=_("Svarsmall"),
            empty_label=_("Ingen mall"),
            help_text=_(
                "Välj en mall för den status du valt och tryck ”Använd mallen”. Texten "
                "läggs till i svaret, efter det du redan skrivit."
            ),
            widget=AnswerTemplateSelect(
                attrs={"data-answer-templates": ""}, fill=self.fill_for_script
            ),
            **kwargs,
        )

    def label_from_instance(self, obj):
        return f"{obj.get_status_display()}: {obj.name}"

    def fill_for_script(self, template):
        # {ansvarig} stays: the script takes it from the responsible chosen in the form.
        return template.filled(village=self.village, reference=self.proposal.reference)

    def chosen(self, value, status):
        """The template `value` names and why it cannot be used for `status`, if it cannot."""
        template = self.queryset.filter(pk=possible_id(value, AnswerTemplate) or 0).first()
        if template is None:
            return None, _("Välj en svarsmall först.")
        if template.status != status:
            return None, _(
                "Mallen ”%(name)s” gäller status ”%(template_status)s”. Välj en mall för "
                "den status du valt, eller byt status först."
            ) % {"name": template.name, "template_status": template.get_status_display()}
        return template, None
