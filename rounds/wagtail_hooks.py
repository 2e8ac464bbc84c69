"""Admin registration: themes and departments are snippets editors manage."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Department, Theme


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
