"""The email report's filters: what kind of email, and how far it got."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from ..models import OutgoingEmail
from .queries import undelivered

# The kind of an email is the name of its templates (see notifications.mail.queue_email).
KINDS = {
    "proposal_receipt": _("Kvitto på förslag"),
    "proposal_published": _("Förslaget publicerat"),
    "proposal_status": _("Ny status på förslag"),
    "follow_confirm": _("Bekräfta bevakning"),
    "follow_dialogue": _("Bevakning: ny dialog"),
    "follow_dates": _("Bevakning: ändrade datum"),
    "follow_reminder": _("Bevakning: påminnelse"),
    "follow_status": _("Bevakning: ny status"),
    "follow_digest": _("Bevakning: veckans sammanfattning"),
    "follow_summary": _("Bevakning: sammanställning"),
}
UNDELIVERED = "undelivered"


def kind_label(email):
    """The kind in Swedish; an unknown kind (a template added later) as it is stored."""
    return KINDS.get(email.kind, email.kind)


class OutgoingEmailFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=_("Läge"),
        choices=[
            (UNDELIVERED, _("Har inte kunnat skickas")),
            *OutgoingEmail.State.choices,
        ],
        method="filter_state",
        empty_label=_("Alla"),
        widget=forms.RadioSelect,
    )
    kind = django_filters.ChoiceFilter(
        label=_("Typ"), choices=list(KINDS.items()), empty_label=_("Alla"), widget=forms.Select
    )

    class Meta:
        model = OutgoingEmail
        fields = ["state", "kind"]

    def filter_state(self, queryset, name, value):
        """ "Har inte kunnat skickas" is the dashboard's count: given up, or trying again."""
        if value == UNDELIVERED:
            return undelivered(queryset)
        return queryset.filter(state=value)
