"""The admin's actions: try a refused email again, and forget a follower's address."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..models import OutgoingEmail
from .actions import forget_address, retry_now
from .forms import FollowerLookupForm
from .queries import followers_with_address
from .reports import can_view_emails, can_view_personal_data, without_address


@require_POST
def retry(request, pk):
    """Try a refused email again at once ("Försök igen nu"), then back to the same list."""
    if not can_view_emails(request.user):
        raise PermissionDenied
    email = get_object_or_404(OutgoingEmail, pk=pk)
    attempts = email.attempts
    if retry_now(email, request.user):
        email.refresh_from_db()
        tell_outcome(request, email, tried=email.attempts > attempts)
    else:
        messages.warning(request, _("E-postmeddelandet väntar inte på ett nytt försök."))
    return redirect(get_valid_next_url_from_request(request) or "notifications_admin:emails")


def tell_outcome(request, email, tried):
    """Sent, refused again (with the error, without the address), or left to the worker."""
    if email.state == OutgoingEmail.State.SENT:
        messages.success(request, _("E-postmeddelandet är skickat."))
    elif tried:
        error = without_address(email)
        messages.error(
            request,
            _("E-postservern tog inte emot det den här gången heller: %(error)s")
            % {"error": error},
        )
    else:
        messages.success(request, _("E-postmeddelandet skickas om en liten stund."))


class ForgetFollowerView(WagtailAdminTemplateMixin, FormView):
    """Find an address among the followers, show its villages, and delete on confirmation."""

    template_name = "notifications/workbench/forget_follower.html"
    form_class = FollowerLookupForm
    page_title = gettext_lazy("Ta bort en bevakare")
    header_icon = "bin"
    confirmed = "confirm"

    def dispatch(self, request, *args, **kwargs):
        if not can_view_personal_data(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("notifications_admin:followers"), "label": _("Bevakare per ort")},
            {"url": "", "label": self.get_page_title()},
        ]

    def form_valid(self, form):
        address = form.cleaned_data["email"]
        places = [f.place.title for f in followers_with_address(address).select_related("place")]
        if not places:
            form.add_error("email", _("Ingen bevakar någon ort med den adressen."))
            return self.form_invalid(form)
        if self.confirmed in self.request.POST:
            count = forget_address(address, self.request.user)
            message = ngettext(
                "Adressen är borttagen från %(count)s ort.",
                "Adressen är borttagen från %(count)s orter.",
                count,
            )
            messages.success(self.request, message % {"count": count})
            return redirect("notifications_admin:followers")
        return self.render_to_response(self.get_context_data(form=form, places=sorted(places)))
