"""The project's additions to the Wagtail admin: two-factor settings on the account page."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("two_factor"),
        "label": _("Tvåstegsverifiering"),
        "help_text": _("Kod från en app i telefonen när du loggar in, och reservkoder."),
    }
