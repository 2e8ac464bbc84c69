"""The forms a resident uses to follow a village by email and to answer "Stämmer det?"."""

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.web.refusals import HONEYPOT_FIELD
from rounds.models import ProposalCheck
from rounds.models.checks import CheckAnswer

from .models import Follower

EMAIL_MAX_LENGTH = Follower._meta.get_field("email").max_length
COMMENT_MAX_LENGTH = ProposalCheck._meta.get_field("comment").max_length


class RadioChoices(forms.RadioSelect):
    """Radio buttons whose field id is the first button's, so an error summary can link to it."""

    def id_for_label(self, id_, index=None):
        return super().id_for_label(id_, "0" if index is None else index)


class FollowForm(forms.Form):
    """An email address and how status changes should come; nothing else is asked."""

    email = forms.EmailField(
        label=_("Din e-postadress"),
        max_length=EMAIL_MAX_LENGTH,
        error_messages={
            "required": _("Skriv din e-postadress."),
            "invalid": _("Skriv e-postadressen som namn@exempel.se."),
            "max_length": _("Skriv högst %(limit_value)d tecken. Nu är det %(show_value)d."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    updates = forms.ChoiceField(
        label=_("När ett förslag i orten får ett nytt besked vill jag få"),
        choices=Follower.Updates.choices,
        initial=Follower.Updates.EACH,
        error_messages={
            "required": _("Välj hur du vill få besked om förslagen."),
            "invalid_choice": _("Välj ett av alternativen för besked om förslagen."),
        },
        widget=RadioChoices,
    )

    def __init__(self, *args, **kwargs):
        # The form sits on pages with other ids; its own keep a prefix of their own.
        kwargs.setdefault("auto_id", "id_follow_%s")
        super().__init__(*args, **kwargs)


def form_context(place, form):
    """What notifications/follow_fields.html needs: in the box on a page, or on its own page."""
    return {
        "place": place,
        "form": form,
        "action": reverse("notifications:follow", args=[place.pk]),
        "honeypot_field": HONEYPOT_FIELD,
    }


class CheckForm(forms.Form):
    """ "Stämmer det?": yes or no, and a comment if the resident wants to say more."""

    answer = forms.ChoiceField(
        label=_("Är det gjort?"),
        choices=CheckAnswer.choices,
        error_messages={
            "required": _("Välj ”Ja, det är gjort” eller ”Nej, inte än”."),
            "invalid_choice": _("Välj ”Ja, det är gjort” eller ”Nej, inte än”."),
        },
        widget=RadioChoices,
    )
    comment = forms.CharField(
        label=_("Vill du berätta mer? (frivilligt)"),
        help_text=_(
            "Kommentaren kan visas på förslagets sida, utan ditt namn, när vi har läst den. "
            "Skriv inga namn, telefonnummer eller adresser."
        ),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        error_messages={
            "max_length": _("Skriv högst %(limit_value)d tecken. Nu är det %(show_value)d."),
        },
        widget=forms.Textarea(attrs={"rows": 4}),
    )
