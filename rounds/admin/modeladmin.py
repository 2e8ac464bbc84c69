"""`ProposalAdmin`: the proposals workbench under "Förslag" in the Wagtail admin menu."""

from django.contrib.admin import display
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import re_path
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail_modeladmin.options import ModelAdmin

from ..models import Proposal
from ..models.proposals import Status
from . import exports, views
from .filters import DialogueFilter, RoundFilter, StaleFilter, VillageFilter
from .helpers import ProposalButtonHelper, ProposalPermissionHelper
from .queries import possible_id, workbench_proposals

BASE_URL_PATH = "forslag"
# Statuses that still wait for the working group get the highlighted badge.
OPEN_STATUSES = {Status.RECEIVED, Status.REVIEWING}


class ProposalAdmin(ModelAdmin):
    model = Proposal
    base_url_path = BASE_URL_PATH
    menu_label = _("Förslag")
    menu_icon = "comment"
    menu_order = 250
    inspect_view_enabled = True
    permission_helper_class = ProposalPermissionHelper
    button_helper_class = ProposalButtonHelper
    index_view_class = views.ProposalIndexView
    inspect_view_class = views.ProposalInspectView
    edit_view_class = views.ProposalEditView
    create_view_class = views.RegisterView
    history_view_class = views.ProposalHistoryView
    index_template_name = "rounds/admin/index.html"
    inspect_template_name = "rounds/admin/inspect.html"
    list_per_page = 50
    index_view_extra_css = ["rounds/admin/workbench.css"]
    list_display = [
        "reference",
        "public_title",
        "village",
        "dialogue",
        "status_badge",
        "visibility",
        "theme",
        "responsible",
        "source",
        "submitted",
    ]
    list_display_add_buttons = "public_title"
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
    ]
    search_fields = ["reference", "title", "public_title", "body", "location"]
    personal_fields = ["name", "email", "phone"]

    def can_view_personal_data(self, request):
        return self.permission_helper.user_can_view_personal_data(request.user)

    def get_queryset(self, request):
        return workbench_proposals()

    def get_list_display(self, request):
        if self.can_view_personal_data(request):
            return [*self.list_display, "name"]
        return self.list_display

    def get_search_fields(self, request):
        if self.can_view_personal_data(request):
            return [*self.search_fields, *self.personal_fields]
        return self.search_fields

    def get_list_export(self, request):
        return [key for key, _heading in exports.columns(self.can_view_personal_data(request))]

    @display(description=_("ort"), ordering="village_title")
    def village(self, obj):
        return obj.village_title or ""

    @display(description=_("inkommet"), ordering="submitted_at")
    def submitted(self, obj):
        return date_format(timezone.localtime(obj.submitted_at), "Y-m-d")

    @display(description=_("status"), ordering="status")
    def status_badge(self, obj):
        modifier = " w-status--primary" if obj.status in OPEN_STATUSES else ""
        return format_html('<span class="w-status{}">{}</span>', modifier, obj.get_status_display())

    def run_view(self, view_class, request, **kwargs):
        """Run a view; refuse with 403 rather than Wagtail's redirect to the dashboard.

        An id no proposal can have (`abc`, 10**20) is not found, rather than a database error.
        """
        if "instance_pk" in kwargs and possible_id(kwargs["instance_pk"], self.model) is None:
            raise Http404
        try:
            return view_class.as_view(model_admin=self, **kwargs)(request)
        except PermissionDenied:
            return views.forbidden(request)

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
        return self.run_view(views.ModerateView, request, instance_pk=instance_pk)

    def answer_view(self, request, instance_pk):
        return self.run_view(views.AnswerView, request, instance_pk=instance_pk)

    def photo_view(self, request, instance_pk):
        return self.run_view(views.PhotoView, request, instance_pk=instance_pk)

    def get_admin_urls_for_registration(self):
        helper = self.url_helper
        return (
            *super().get_admin_urls_for_registration(),
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
        )
