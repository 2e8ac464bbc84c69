"""Admin registration: the "E-post" and "Bevakare per ort" reports, the dashboard panel for
email that could not be sent, the view permission groups may be given, and the audit actions."""

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .workbench import urls
from .workbench.actions import FORGET_ACTION, RETRY_ACTION
from .workbench.panels import email_panels
from .workbench.reports import can_view_emails


class EmailReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_emails(request.user)


@hooks.register("register_admin_urls")
def register_notification_admin_urls():
    return [path("e-post/", include(urls))]


@hooks.register("register_reports_menu_item")
def register_email_report_menu_item():
    return EmailReportMenuItem(
        _("E-post"),
        reverse("notifications_admin:emails"),
        name="email-report",
        icon_name="mail",
        order=1300,
    )


@hooks.register("register_reports_menu_item")
def register_follower_report_menu_item():
    return MenuItem(
        _("Bevakare per ort"),
        reverse("notifications_admin:followers"),
        name="follower-report",
        order=1400,
        icon_name="group",
    )


@hooks.register("construct_homepage_panels")
def add_email_panels(request, panels):
    panels.extend(email_panels(request.user))


@hooks.register("register_permissions")
def register_email_permissions():
    """Groups may be given the right to see the email report (no one edits emails)."""
    return Permission.objects.filter(
        content_type__app_label="notifications", codename="view_outgoingemail"
    )


@hooks.register("register_log_actions")
def register_notification_log_actions(actions):
    actions.register_action(RETRY_ACTION, _("E-post skickas igen"), _("E-post skickas igen"))
    actions.register_action(FORGET_ACTION, _("Bevakare borttagen"), _("Bevakare borttagen"))
