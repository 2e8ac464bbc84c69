"""The reports: every outgoing email ("E-post") and the followers of each village.

Addresses are personal data: only users with `rounds.view_personal_data` see the recipient,
and nobody sees a body here. Counts of followers are not personal data.
"""

import re

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy

from ..models import OutgoingEmail
from .actions import can_retry
from .filters import OutgoingEmailFilterSet, kind_label
from .queries import followers_per_place

PERSONAL_DATA = "rounds.view_personal_data"
email_permission_policy = ModelPermissionPolicy(OutgoingEmail)


def can_view_emails(user):
    return email_permission_policy.user_has_permission(user, "view")


def can_view_personal_data(user):
    return user.has_perm(PERSONAL_DATA)


def without_address(email):
    """The last error with the recipient's address taken out (a refusal may quote it)."""
    if not email.to:
        return email.last_error
    recipient = gettext("[mottagaren]")
    return re.sub(re.escape(email.to), recipient, email.last_error, flags=re.IGNORECASE)


class RetryColumn(Column):
    """A "Försök igen nu" button for an email the mail server refused."""

    cell_template_name = "notifications/workbench/retry_cell.html"

    def get_value(self, instance):
        return (
            reverse("notifications_admin:retry", args=[instance.pk])
            if can_retry(instance)
            else None
        )

    def render_cell_html(self, instance, parent_context):
        context = self.get_cell_context_data(instance, parent_context)
        return self.cell_template.render(context, request=context["request"])


class EmailReportView(ReportView):
    page_title = _("E-post")
    header_icon = "mail"
    index_url_name = "notifications_admin:emails"
    index_results_url_name = "notifications_admin:emails_results"
    permission_policy = email_permission_policy
    permission_required = "view"
    filterset_class = OutgoingEmailFilterSet
    default_ordering = "-created_at"
    verbose_name_plural = _("e-postmeddelanden")

    def get_base_queryset(self):
        return OutgoingEmail.objects.defer("text_body", "html_body", "headers", "subject")

    @cached_property
    def shows_addresses(self):
        return can_view_personal_data(self.request.user)

    @cached_property
    def columns(self):
        address = [Column("to", label=_("Mottagare"))] if self.shows_addresses else []
        error = "last_error" if self.shows_addresses else without_address
        return [
            Column("kind", label=_("Typ"), accessor=kind_label),
            *address,
            Column("state", label=_("Läge"), accessor="get_state_display"),
            NumberColumn("attempts", label=_("Försök")),
            Column("last_error", label=_("Senaste fel"), accessor=error),
            DateColumn("created_at", label=_("Skapat"), sort_key="created_at"),
            DateColumn("sent_at", label=_("Skickat"), sort_key="sent_at"),
            RetryColumn("retry", label=_("Åtgärd")),
        ]


class FollowerReportView(ReportView):
    """How many follow each village: counts only, for every admin user."""

    page_title = _("Bevakare per ort")
    header_icon = "group"
    index_url_name = "notifications_admin:followers"
    index_results_url_name = "notifications_admin:followers_results"
    default_ordering = "title"
    verbose_name_plural = _("orter")
    columns = [
        Column("title", label=_("Ort"), sort_key="title"),
        NumberColumn("confirmed", label=_("Bekräftade bevakare"), sort_key="confirmed"),
        NumberColumn("unconfirmed", label=_("Väntar på bekräftelse")),
    ]

    def get_base_queryset(self):
        return followers_per_place()

    @cached_property
    def header_buttons(self):
        if not can_view_personal_data(self.request.user):
            return []
        return [
            HeaderButton(
                _("Ta bort en bevakare"),
                url=reverse("notifications_admin:forget"),
                icon_name="bin",
            )
        ]
