"""What rounds registers with Wagtail: what pages show and serve from rounds (the hooks of
`home.extensions`), the snippets editors manage (themes, departments, answer templates, progress
steps, contact persons), and
the proposals workbench (`rounds.workbench`) with its dashboard panels, permissions and audit
actions."""

from django.contrib import messages
from django.contrib.auth.models import Permission
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import AnswerTemplate, ContactPerson, Department, ProgressStep, Theme
from .pages import context, routes
from .proposals import services
from .workbench import figures, modeladmin, registrations
from .workbench.checks import proposal_check_viewset
from .workbench.dashboard import editor_panels
from .workbench.panels import proposal_panels


@hooks.register("extend_page_context")
def add_rounds_to_page(page, request, page_context):
    """Events, dialogues, proposals and summaries on the pages that show them."""
    context.extend(page, request, page_context)


@hooks.register("register_page_routes")
def page_routes():
    """The proposal lists and pages, the form, and a village's feed and calendar."""
    return routes.ROUTES


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


class AnswerTemplateViewSet(SnippetViewSet):
    """The working group's answer templates, one status each (`rounds.workbench.forms`)."""

    model = AnswerTemplate
    icon = "doc-full"
    list_display = ["name", "status", "sort_order"]
    list_filter = ["status"]
    search_fields = ["name", "text"]


class ProgressStepViewSet(SnippetViewSet):
    """The steps from decision to done that updates on a promise may carry."""

    model = ProgressStep
    icon = "list-ol"
    list_display = ["name", "description", "sort_order"]
    search_fields = ["name"]


@hooks.register("before_delete_snippet")
def keep_reached_progress_steps(request, instances):
    """A step an update has reached is public history: say so instead of deleting it (the
    updates PROTECT it, so the database would refuse anyway), one at a time or in bulk."""
    if not instances or not isinstance(instances[0], ProgressStep):
        return None
    names = list(
        ProgressStep.objects.filter(pk__in=[step.pk for step in instances], updates__isnull=False)
        .distinct()
        .values_list("name", flat=True)
    )
    if not names:
        return None
    message = ngettext(
        "Steget %(names)s finns i förslagens historik och kan inte tas bort. Du kan byta namn "
        "på det i stället.",
        "Stegen %(names)s finns i förslagens historik och kan inte tas bort. Du kan byta namn "
        "på dem i stället.",
        len(names),
    ) % {"names": ", ".join(f"”{name}”" for name in names)}
    messages.error(request, message)
    return redirect(ProgressStep.snippet_viewset.get_url_name("list"))


class ContactPersonViewSet(SnippetViewSet):
    """The municipality's contact persons, chosen per dialogue."""

    model = ContactPerson
    icon = "user"
    list_display = ["name", "role", "phone", "email"]
    search_fields = ["name", "role"]


class DialogueListsGroup(SnippetViewSetGroup):
    menu_label = _("Listor och svarsmallar")
    menu_icon = "list-ul"
    menu_order = 300
    items = (
        ThemeViewSet,
        DepartmentViewSet,
        AnswerTemplateViewSet,
        ProgressStepViewSet,
        ContactPersonViewSet,
    )


register_snippet(DialogueListsGroup)
modeladmin.register()


@hooks.register("register_admin_viewset")
def register_proposal_checks():
    """ "Stämmer det?": the residents' answers and their comments to moderate."""
    return proposal_check_viewset


@hooks.register("construct_homepage_panels")
def add_proposal_panels(request, panels):
    """Moderation queue and proposals without an update, for those who can view proposals."""
    panels.extend(proposal_panels(request.user, modeladmin.permission_helper))


@hooks.register("construct_homepage_panels")
def add_editor_panels(request, panels):
    """Coming events, dialogues awaiting their summary and proposal windows closing soon."""
    panels.extend(editor_panels(request.user))


@hooks.register("insert_global_admin_css")
def admin_css():
    """Status chips in ordinary letters, and the dashboard's own few rules."""
    return format_html('<link rel="stylesheet" href="{}">', static("rounds/admin.css"))


@hooks.register("register_permissions")
def register_proposal_update_permissions():
    """Updates are not a workbench of their own, but groups may be given rights on them."""
    return Permission.objects.filter(
        content_type__app_label="rounds", content_type__model="proposalupdate"
    )


class PublishedFormatter(LogFormatter):
    """ "Förslag publicerat utan foto": what moderation did with the photo, from the entry."""

    label = _("Förslag publicerat")

    def format_message(self, log_entry):
        photo = (log_entry.data or {}).get("photo")
        if photo == services.PHOTO_PUBLISHED:
            return _("Förslag publicerat med foto")
        if photo == services.PHOTO_WITHHELD:
            return _("Förslag publicerat utan foto (fotot visas inte publikt)")
        return _("Förslag publicerat")


@hooks.register("register_log_actions")
def register_proposal_log_actions(actions):
    """Audit entries for what happens to a proposal, shown in the admin's history reports."""
    actions.register_action("rounds.proposal.update", _("Förslag besvarat"), _("Förslag besvarat"))
    actions.register_action("rounds.proposal.publish")(PublishedFormatter)
    actions.register_action("rounds.proposal.hide", _("Förslag dolt"), _("Förslag dolt"))
    actions.register_action(
        "rounds.proposal.withdraw", _("Förslag återkallat"), _("Förslag återkallat")
    )
    actions.register_action(
        "rounds.proposal.letter_printed", _("Svarsbrev utskrivet"), _("Svarsbrev utskrivet")
    )


class RegistrationsMenuItem(MenuItem):
    def is_shown(self, request):
        return registrations.can_see_counts(request.user)


@hooks.register("register_admin_urls")
def register_registration_admin_urls():
    """The residents' anmälningar per event (rounds.workbench.registrations)."""
    return [path("anmalningar/", include(registrations))]


@hooks.register("register_reports_menu_item")
def register_registrations_menu_item():
    return RegistrationsMenuItem(
        _("Anmälningar"),
        reverse("registrations_admin:index"),
        name="registrations",
        icon_name="user",
        order=1500,
    )


class FiguresMenuItem(MenuItem):
    def is_shown(self, request):
        return figures.can_see_figures(request.user)


@hooks.register("register_admin_urls")
def register_figures_admin_urls():
    """The working group's figures (rounds.workbench.figures)."""
    return figures.urls()


@hooks.register("register_reports_menu_item")
def register_figures_menu_item():
    return FiguresMenuItem(
        _("Så har det gått"),
        reverse("figures_admin"),
        name="figures",
        icon_name="table",
        order=1510,
    )
