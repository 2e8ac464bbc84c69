"""The form that finds a follower's address for a request to be forgotten (GDPR art. 17)."""

from django import forms
from django.utils.translation import gettext_lazy as _


class FollowerLookupForm(forms.Form):
    email = forms.EmailField(
        label=_("E-postadress"),
        help_text=_("Hela adressen. Stora och små bokstäver spelar ingen roll."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
