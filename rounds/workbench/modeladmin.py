"""`ProposalAdmin`: the proposals workbench under "Förslag" in the Wagtail admin menu.

The only module that imports wagtail-modeladmin: it wires the workbench into the admin (the
model admin, who may do what, its buttons and views). What the views do is in `listing`,
`actions`, `bulk` and `walk`, on Django's and Wagtail's own APIs.
"""

from django.contrib.admin import display
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import re_path
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic.edit import FormView
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register
from wagtail_modeladmin.views import (
    EditView,
    HistoryView,
    IndexView,
    InspectView,
    InstanceSpecificView,
    WMABaseView,
)

from ..models import Proposal
from ..models.proposals import Status, Visibility
from . import actions, batch, bulk, exports, imports, letters, walk
from .filters import (
    DialogueFilter,
    OverdueFilter,
    RoundFilter,
    SaysNoFilter,
    StaleFilter,
    VillageFilter,
)
from .links import BASE_URL_PATH
from .listing import ProposalListing, StopsAtQueryset
from .queries import possible_id, workbench_proposals

# Statuses that still wait for the working group get the highlighted badge.
OPEN_STATUSES = {Status.RECEIVED, Status.REVIEWING}


def two_lines(first, second):
    """A list cell with a second value under the first, on a line of its own."""
    return format_html('{}<span class="w-block">{}</span>', first, second)


class ProposalPermissionHelper(PermissionHelper):
    """Model-wide permissions, plus the proposal's own: personal data, moderate, answer."""

    def user_can_list(self, user):
        return self.user_has_specific_permission(user, "view_proposal") or self.user_can_edit(user)

    def user_can_edit(self, user):
        return self.user_has_specific_permission(user, "change_proposal")

    def user_can_inspect_obj(self, user, obj):
        return self.user_can_list(user)

    def user_can_view_personal_data(self, user):
        return self.user_has_specific_permission(user, "view_personal_data")

    def user_can_moderate(self, user):
        return self.user_has_specific_permission(user, "moderate_proposal")

    def user_can_moderate_obj(self, user, obj):
        """A proposal the resident withdrew is never published again."""
        return self.user_can_moderate(user) and obj.withdrawn_at is None

    def user_can_answer(self, user):
        return self.user_has_specific_permission(user, "answer_proposal")

    def user_can_answer_obj(self, user, obj):
        return self.user_can_answer(user)

    def user_can_export(self, user):
        return self.user_can_list(user)


class ProposalButtonHelper(ButtonHelper):
    """Swedish buttons, shown only when the user may follow them."""

    def _button(self, action, pk, label, title, classnames_add=None, classnames_exclude=None):
        classnames = ["button-secondary", *(classnames_add or [])]
        url = self.url_helper.get_action_url(action, quote(pk))
        if isinstance(self.view, ProposalListing):  # the list's filters, for "Spara och nästa"
            url = walk.action_url(self.url_helper, action, quote(pk), self.view.list_query())
        return {
            "url": url,
            "label": label,
            "classname": self.finalise_classname(classnames, classnames_exclude),
            "title": title,
        }

    def add_button(self, classnames_add=None, classnames_exclude=None):
        button = super().add_button(classnames_add, classnames_exclude)
        button.update(
            label=_("Registrera förslag"),
            title=_("Registrera ett förslag som kom in på annat sätt"),
        )
        return button

    def inspect_button(self, pk, classnames_add=None, classnames_exclude=None):
        button = super().inspect_button(pk, classnames_add, classnames_exclude)
        button.update(label=_("Visa"), title=_("Visa förslaget med hela historiken"))
        return button

    def edit_button(self, pk, classnames_add=None, classnames_exclude=None):
        button = super().edit_button(pk, classnames_add, classnames_exclude)
        button.update(label=_("Redigera"), title=_("Redigera förslagets uppgifter"))
        return button

    def delete_button(self, pk, classnames_add=None, classnames_exclude=None):
        button = super().delete_button(pk, classnames_add, classnames_exclude)
        button.update(label=_("Radera"), title=_("Radera förslaget"))
        return button

    def moderate_button(self, obj, classnames_add=None, classnames_exclude=None):
        label = _("Moderera") if obj.visibility == Visibility.PENDING else _("Ändra synlighet")
        title = _("Publicera eller dölj förslaget")
        return self._button("moderate", obj.pk, label, title, classnames_add, classnames_exclude)

    def answer_button(self, obj, classnames_add=None, classnames_exclude=None):
        title = _("Ny status och svar till invånaren")
        if obj.visibility == Visibility.PENDING:
            title = _("Förslaget väntar på moderering: publicera eller dölj det först")
        return self._button(
            "answer", obj.pk, _("Besvara"), title, classnames_add, classnames_exclude
        )

    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        exclude = exclude or []
        helper, user = self.permission_helper, self.request.user
        buttons = []
        if "inspect" not in exclude and helper.user_can_inspect_obj(user, obj):
            buttons.append(self.inspect_button(obj.pk, classnames_add, classnames_exclude))
        if "moderate" not in exclude and helper.user_can_moderate_obj(user, obj):
            buttons.append(self.moderate_button(obj, classnames_add, classnames_exclude))
        if "answer" not in exclude and helper.user_can_answer_obj(user, obj):
            buttons.append(self.answer_button(obj, classnames_add, classnames_exclude))
        if "edit" not in exclude and helper.user_can_edit_obj(user, obj):
            buttons.append(self.edit_button(obj.pk, classnames_add, classnames_exclude))
        if "delete" not in exclude and helper.user_can_delete_obj(user, obj):
            buttons.append(self.delete_button(obj.pk, classnames_add, classnames_exclude))
        return buttons

    def get_primary_button(self, obj):
        if self.permission_helper.user_can_inspect_obj(self.request.user, obj):
            return self.inspect_button(obj.pk)
        return None


class ProposalIndexView(ProposalListing, IndexView):
    pass


class ProposalListedView(StopsAtQueryset, ProposalIndexView):
    """The list as a queryset, for the bulk actions and the walk (`listing.listed`)."""


class ProposalInspectView(actions.InspectProposal, InspectView):
    pass


class ProposalHistoryView(actions.ProposalHistory, HistoryView):
    pass


class ProposalEditView(actions.EditProposal, EditView):
    pass


class ModerateView(walk.SaveAndNext, actions.ModerateProposal, InstanceSpecificView, FormView):
    walk_action = "moderate"


class AnswerView(walk.SaveAndNext, actions.AnswerProposal, InstanceSpecificView, FormView):
    walk_action = "answer"


class BulkView(bulk.BulkAction, WMABaseView):
    pass


class RegisterView(actions.RegisterProposal, WMABaseView, FormView):
    pass


class PhotoView(actions.ProposalPhoto, InstanceSpecificView):
    pass


class LetterView(letters.ProposalLetter, InstanceSpecificView):
    pass


class LetterDialoguesView(letters.LetterDialogues, WMABaseView):
    pass


class DialogueLettersView(letters.DialogueLetters, WMABaseView):
    pass


class ProposalAdmin(ModelAdmin):
    model = Proposal
    base_url_path = BASE_URL_PATH
    menu_label = gettext_lazy("Förslag")
    menu_icon = "comment"
    menu_order = 250
    inspect_view_enabled = True
    permission_helper_class = ProposalPermissionHelper
    button_helper_class = ProposalButtonHelper
    index_view_class = ProposalIndexView
    listed_view_class = ProposalListedView
    inspect_view_class = ProposalInspectView
    edit_view_class = ProposalEditView
    create_view_class = RegisterView
    history_view_class = ProposalHistoryView
    index_template_name = "rounds/workbench/index.html"
    inspect_template_name = "rounds/workbench/inspect.html"
    list_per_page = 50
    index_view_extra_css = ["rounds/workbench/workbench.css"]
    index_view_extra_js = ["rounds/workbench/bulk-select.js"]
    # The list fits beside the admin menu at 1280 px: values that belong together share a
    # column, the second under the first (the filters and the export keep each one apart).
    list_display = [
        "proposal",
        "village",
        "status_badge",
        "theme_and_responsible",
        "submitted",
    ]
    list_display_add_buttons = "proposal"
    list_filter = [
        VillageFilter,
        RoundFilter,
        DialogueFilter,
        "status",
        "visibility",
        "theme",
        "responsible",
        "source",
        StaleFilter,
        OverdueFilter,
        SaysNoFilter,
    ]
    search_fields = ["reference", "title", "public_title", "body", "location"]
    personal_fields = ["name", "email", "phone"]

    def can_view_personal_data(self, request):
        return self.permission_helper.user_can_view_personal_data(request.user)

    def get_queryset(self, request):
        return workbench_proposals()

    def get_list_display(self, request):
        columns = list(self.list_display)
        if self.can_view_personal_data(request):
            columns.append("name")
        helper, user = self.permission_helper, request.user
        if helper.user_can_moderate(user) or helper.user_can_answer(user):
            columns.insert(0, "select")  # for the bulk actions
        return columns

    def get_search_fields(self, request):
        if self.can_view_personal_data(request):
            return [*self.search_fields, *self.personal_fields]
        return self.search_fields

    def get_list_export(self, request):
        return [key for key, _heading in exports.columns(self.can_view_personal_data(request))]

    @display(description=gettext_lazy("välj"))
    def select(self, obj):
        """A box for the bulk actions, labelled with the reference for a screen reader."""
        return format_html(
            '<input type="checkbox" name="selected" value="{}" id="select-{}" data-bulk-row>'
            '<label for="select-{}" class="w-sr-only">{}</label>',
            obj.pk,
            obj.pk,
            obj.pk,
            _("Välj %(reference)s") % {"reference": obj.reference},
        )

    @display(description=gettext_lazy("förslag"), ordering="reference")
    def proposal(self, obj):
        """The reference and the public title, as on the proposal's own page."""
        return format_html(
            '<span class="w-whitespace-nowrap">{}</span> {}', obj.reference, obj.public_title
        )

    @display(description=gettext_lazy("ort och dialog"), ordering="village_title")
    def village(self, obj):
        return two_lines(obj.village_title or "", obj.dialogue.title)

    @display(description=gettext_lazy("status och synlighet"), ordering="status")
    def status_badge(self, obj):
        modifier = " w-status--primary" if obj.status in OPEN_STATUSES else ""
        status = obj.get_status_display()
        badge = format_html('<span class="w-status{}">{}</span>', modifier, status)
        return two_lines(badge, obj.get_visibility_display())

    @display(description=gettext_lazy("tema och ansvarig"), ordering="theme__name")
    def theme_and_responsible(self, obj):
        return two_lines(obj.theme or "–", obj.responsible or "–")

    @display(description=gettext_lazy("inkommet och källa"), ordering="submitted_at")
    def submitted(self, obj):
        submitted = date_format(timezone.localtime(obj.submitted_at), "Y-m-d")
        return two_lines(submitted, obj.get_source_display())

    def run_view(self, view_class, request, **kwargs):
        """Run a view; refuse with 403 rather than Wagtail's redirect to the dashboard.

        An id no proposal can have (`abc`, 10**20) is not found, rather than a database error.
        """
        if "instance_pk" in kwargs and possible_id(kwargs["instance_pk"], self.model) is None:
            raise Http404
        try:
            return view_class.as_view(model_admin=self, **kwargs)(request)
        except PermissionDenied:
            return actions.forbidden(request)

    def index_view(self, request):
        return self.run_view(self.index_view_class, request)

    def create_view(self, request):
        return self.run_view(self.create_view_class, request)

    def inspect_view(self, request, instance_pk):
        return self.run_view(self.inspect_view_class, request, instance_pk=instance_pk)

    def edit_view(self, request, instance_pk):
        return self.run_view(self.edit_view_class, request, instance_pk=instance_pk)

    def delete_view(self, request, instance_pk):
        return self.run_view(self.delete_view_class, request, instance_pk=instance_pk)

    def history_view(self, request, instance_pk):
        return self.run_view(self.history_view_class, request, instance_pk=instance_pk)

    def moderate_view(self, request, instance_pk):
        return self.run_view(ModerateView, request, instance_pk=instance_pk)

    def answer_view(self, request, instance_pk):
        return self.run_view(AnswerView, request, instance_pk=instance_pk)

    def photo_view(self, request, instance_pk):
        return self.run_view(PhotoView, request, instance_pk=instance_pk)

    def letter_view(self, request, instance_pk):
        return self.run_view(LetterView, request, instance_pk=instance_pk)

    def letters_view(self, request):
        return self.run_view(LetterDialoguesView, request)

    def dialogue_letters_view(self, request, dialogue_pk):
        return self.run_view(DialogueLettersView, request, dialogue_pk=dialogue_pk)

    def letter_urls(self):
        """The answer letters: one proposal's (like "answer"), the dialogues that have letters,
        and one dialogue's batch, under /admin/forslag/letters/<dialogue id>/."""
        helper = self.url_helper
        return (
            re_path(
                helper.get_action_url_pattern("letter"),
                self.letter_view,
                name=helper.get_action_url_name("letter"),
            ),
            re_path(
                rf"^{BASE_URL_PATH}/letters/$",
                self.letters_view,
                name=helper.get_action_url_name("letters"),
            ),
            re_path(
                rf"^{BASE_URL_PATH}/letters/(?P<dialogue_pk>[-\w]+)/$",
                self.dialogue_letters_view,
                name=helper.get_action_url_name("dialogue_letters"),
            ),
        )

    def bulk_view(self, request):
        return self.run_view(BulkView, request)

    def get_admin_urls_for_registration(self):
        helper = self.url_helper
        return (
            *super().get_admin_urls_for_registration(),
            *self.letter_urls(),
            *(
                re_path(
                    helper.get_action_url_pattern(action),
                    view,
                    name=helper.get_action_url_name(action),
                )
                for action, view in [
                    ("moderate", self.moderate_view),
                    ("answer", self.answer_view),
                    ("photo", self.photo_view),
                ]
            ),
            *batch.admin_urls(self),
            *imports.admin_urls(self),
            re_path(
                rf"^{helper.base_url_path}/bulk/$",
                self.bulk_view,
                name=helper.get_action_url_name("bulk"),
            ),
        )


permission_helper = ProposalPermissionHelper(Proposal, inspect_view_enabled=True)


def register():
    """Put the workbench in the admin menu (called from rounds.wagtail_hooks)."""
    modeladmin_register(ProposalAdmin)
