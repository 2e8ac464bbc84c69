"""Admin registration: themes and departments are snippets editors manage."""

from django.utils.translation import gettext_lazy as _
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
