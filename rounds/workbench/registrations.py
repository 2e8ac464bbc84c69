"""The residents' anmälningar in the admin (Rapporter → Anmälningar).

The list of events with anmälan shows counts per need to everyone who may see proposals; the
people (name, phone, email, what they wrote) only to those with `rounds.view_personal_data`,
as with proposals' personal data.
"""

from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..models import DialogueEvent
from ..models.registrations import tally_expressions, tally_text
from .actions import forbidden

VIEW_PROPOSALS = "rounds.view_proposal"
PERSONAL_DATA = "rounds.view_personal_data"
TALLY_KEYS = tuple(tally_expressions())


def can_see_counts(user):
    return user.has_perm(VIEW_PROPOSALS)


def events_with_registrations():
    """Events with anmälan on or with registrations left, each with its counts (one query)."""
    events = (
        DialogueEvent.objects.filter(registration_open=True)
        | DialogueEvent.objects.filter(registrations__isnull=False)
    ).distinct()
    events = (
        DialogueEvent.objects.filter(pk__in=events.values("pk"))
        .select_related("dialogue")
        .only(
            "pk",
            "title",
            "kind",
            "start",
            "end",
            "cancelled",
            "registration_open",
            "registration_closes",
            "dialogue__title",
        )
        .annotate(**tally_expressions("registrations__"))
        .order_by("-start")
    )
    for event in events:
        event.tally_text = tally_text({key: getattr(event, key) for key in TALLY_KEYS})
        yield event


class RegistrationIndexView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "rounds/workbench/registrations/index.html"
    page_title = _("Anmälningar")
    header_icon = "user"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def dispatch(self, request, *args, **kwargs):
        if not can_see_counts(request.user):
            return forbidden(request)  # the workbench's 403 page, as for proposals
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            events=list(events_with_registrations()),
            shows_people=self.request.user.has_perm(PERSONAL_DATA),
            **kwargs,
        )


class RegistrationEventView(WagtailAdminTemplateMixin, TemplateView):
    """One event's registrations, with who they are and how to reach them."""

    template_name = "rounds/workbench/registrations/event.html"
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERSONAL_DATA):
            return forbidden(request)
        self.event = get_object_or_404(
            DialogueEvent.objects.select_related("dialogue"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Anmälningar: %(event)s") % {"event": self.event}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("registrations_admin:index"), "label": _("Anmälningar")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        registrations = self.event.registrations.all()
        tally = registrations.tally()
        return super().get_context_data(
            event=self.event,
            registrations=list(registrations),
            tally_text=tally_text(tally),
            total=tally["total"],
            **kwargs,
        )


app_name = "registrations_admin"
urlpatterns = [
    path("", RegistrationIndexView.as_view(), name="index"),
    path("<int:pk>/", RegistrationEventView.as_view(), name="event"),
]
