"""The filters above a public list of proposals: status, theme and order, from the query string."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models.proposals import Status

ORDERINGS = {
    "nyast": ("-submitted_at", "-pk"),
    "uppdaterad": ("-status_changed_at", "-pk"),
}
INVALID_CHOICE = _("Det valet finns inte och används inte. Välj ett alternativ i listan.")


class ProposalFilterForm(forms.Form):
    """A GET form; a value that is not a choice is ignored, and the field says so."""

    status = forms.ChoiceField(
        label=_("Status"), required=False, error_messages={"invalid_choice": INVALID_CHOICE}
    )
    tema = forms.ChoiceField(
        label=_("Tema"), required=False, error_messages={"invalid_choice": INVALID_CHOICE}
    )
    ordning = forms.ChoiceField(
        label=_("Sortera"),
        required=False,
        choices=[("nyast", _("Nyast först")), ("uppdaterad", _("Senast uppdaterade först"))],
        error_messages={"invalid_choice": INVALID_CHOICE},
    )

    def __init__(self, data, themes):
        super().__init__(data, auto_id="filter-%s")
        self.fields["status"].choices = [("", _("Alla statusar")), *Status.choices]
        self.fields["tema"].choices = [("", _("Alla teman"))] + [
            (str(theme.pk), theme.name) for theme in themes
        ]
        self.is_valid()  # fills cleaned_data with the valid fields and errors with the others
        for name in self.errors:
            self.fields[name].widget.attrs["aria-describedby"] = f"filter-{name}-error"

    @property
    def is_filtered(self):
        return bool(self.cleaned_data.get("status") or self.cleaned_data.get("tema"))

    def apply(self, proposals):
        """`proposals` with the valid filters applied, in the chosen order."""
        if status := self.cleaned_data.get("status"):
            proposals = proposals.filter(status=status)
        if theme := self.cleaned_data.get("tema"):
            proposals = proposals.filter(theme_id=int(theme))
        return proposals.order_by(*ORDERINGS[self.cleaned_data.get("ordning") or "nyast"])
