"""Dashboard panel: emails the mail server has refused, shown only when there are any."""

from urllib.parse import urlencode

from django.urls import reverse
from wagtail.admin.ui.components import Component

from .filters import UNDELIVERED
from .queries import undelivered
from .reports import can_view_emails


class UndeliveredEmailPanel(Component):
    """The count of emails not sent ("… har inte kunnat skickas"), linking to the report."""

    name = "undelivered_emails"
    order = 100
    template_name = "notifications/workbench/panels/undelivered.html"

    def __init__(self, count):
        self.count = count

    def get_context_data(self, parent_context):
        query = urlencode({"state": UNDELIVERED})
        return {
            "panel": self,
            "count": self.count,
            "list_url": f"{reverse('notifications_admin:emails')}?{query}",
        }


def email_panels(user):
    """The panel, for users who may see the report and when something failed: one query."""
    if not can_view_emails(user):
        return []
    count = undelivered().count()
    return [UndeliveredEmailPanel(count)] if count else []
