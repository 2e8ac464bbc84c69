"""Dashboard panels: proposals waiting for moderation, those whose proposer says they are not
done, and those left without an update."""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from ..pages.tree import village_title_of
from ..proposals.checks import said_not_done
from .links import workbench_url
from .queries import STALE_AFTER_DAYS, awaiting_moderation, without_recent_update

SHOWN = 5


class ProposalPanel(Component):
    """A count and the oldest few proposals of one queue, each with its village: two queries."""

    template_name = "rounds/workbench/panels/proposals.html"
    name = ""
    heading = ""
    empty_text = ""
    list_filter = ""  # Query string of the index filtered to this queue.
    date_field = ""
    date_label = ""
    action = "inspect"
    queue = None  # A function returning the proposals the panel lists.

    def __init__(self, can_moderate=False):
        self.can_moderate = can_moderate

    def get_context_data(self, parent_context):
        proposals = self.queue()
        shown = list(
            proposals.only("pk", "reference", "public_title", self.date_field).annotate(
                village_title=village_title_of("dialogue")
            )[:SHOWN]
        )
        for proposal in shown:
            proposal.admin_url = workbench_url(self.action, proposal.pk)
            proposal.date = getattr(proposal, self.date_field)
        count = proposals.count() if len(shown) == SHOWN else len(shown)
        return {
            "panel": self,
            "heading": f"{self.heading} ({count})",
            "count": count,
            "proposals": shown,
            "list_url": f"{workbench_url('index')}?{self.list_filter}",
        }


class AwaitingModerationPanel(ProposalPanel):
    name = "proposals_awaiting_moderation"
    order = 90
    heading = _("Förslag som väntar på moderering")
    empty_text = _("Inga förslag väntar på moderering.")
    list_filter = "visibility__exact=pending"
    date_field = "submitted_at"
    date_label = _("Inkommet")
    queue = staticmethod(awaiting_moderation)

    def __init__(self, can_moderate=False):
        super().__init__(can_moderate)
        self.action = "moderate" if can_moderate else "inspect"


class WithoutUpdatePanel(ProposalPanel):
    name = "proposals_without_update"
    order = 95
    heading = format_lazy(_("Förslag utan uppdatering på {days} dagar"), days=STALE_AFTER_DAYS)
    empty_text = format_lazy(
        _("Alla publicerade förslag har uppdaterats de senaste {days} dagarna."),
        days=STALE_AFTER_DAYS,
    )
    list_filter = "stale=1"
    date_field = "status_changed_at"
    date_label = _("Senast uppdaterat")
    queue = staticmethod(without_recent_update)


class SaidNotDonePanel(ProposalPanel):
    """ "Stämmer det?": proposals whose proposer says they are not done, oldest first."""

    name = "proposals_said_not_done"
    order = 93
    heading = _("Invånaren säger att det inte är klart")
    empty_text = _("Ingen som lämnat ett förslag har svarat att det inte är klart.")
    list_filter = "says_no=1"
    date_field = "status_changed_at"
    date_label = _("Invånaren svarade")
    queue = staticmethod(said_not_done)


def proposal_panels(user, permission_helper):
    """The panels `user` may see: none without the right to view proposals."""
    if not permission_helper.user_can_list(user):
        return []
    can_moderate = permission_helper.user_can_moderate(user)
    return [AwaitingModerationPanel(can_moderate), SaidNotDonePanel(), WithoutUpdatePanel()]
