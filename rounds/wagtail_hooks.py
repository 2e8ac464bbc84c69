"""Admin registration: themes and departments are snippets editors manage; proposals have
their workbench (`rounds.admin`) with dashboard panels."""

from django.contrib.auth.models import Permission
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup
from wagtail_modeladmin.options import modeladmin_register

from .admin.helpers import ProposalPermissionHelper
from .admin.modeladmin import BASE_URL_PATH, ProposalAdmin
from .admin.panels import proposal_panels
from .models import Department, Proposal, Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "description", "sort_order"]
    search_fields = ["name"]


class DepartmentViewSet(SnippetViewSet):
    model = Department
    icon = "group"
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]


class DialogueListsGroup(SnippetViewSetGroup):
    menu_label = _("Teman och ansvariga")
    menu_icon = "list-ul"
    menu_order = 300
    items = (ThemeViewSet, DepartmentViewSet)


register_snippet(DialogueListsGroup)
modeladmin_register(ProposalAdmin)

proposal_permission_helper = ProposalPermissionHelper(Proposal, inspect_view_enabled=True)


@hooks.register("construct_homepage_panels")
def add_proposal_panels(request, panels):
    """Moderation queue and proposals without an update, for those who can view proposals."""
    panels.extend(proposal_panels(request.user, proposal_permission_helper, BASE_URL_PATH))


@hooks.register("register_permissions")
def register_proposal_update_permissions():
    """Updates are not a workbench of their own, but groups may be given rights on them."""
    return Permission.objects.filter(
        content_type__app_label="rounds", content_type__model="proposalupdate"
    )


@hooks.register("register_log_actions")
def register_proposal_log_actions(actions):
    """Audit entries for what happens to a proposal, shown in the admin's history reports."""
    actions.register_action("rounds.proposal.update", _("Förslag besvarat"), _("Förslag besvarat"))
    actions.register_action(
        "rounds.proposal.publish", _("Förslag publicerat"), _("Förslag publicerat")
    )
    actions.register_action("rounds.proposal.hide", _("Förslag dolt"), _("Förslag dolt"))
    actions.register_action(
        "rounds.proposal.withdraw", _("Förslag återkallat"), _("Förslag återkallat")
    )
