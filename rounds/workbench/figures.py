"""The working group's figures in the admin (Rapporter → Så har det gått): the public figures
per responsible department and per village, the promises whose date has passed, the
proposals left without an update for 60 days, and those whose proposer answered "Stämmer det?"
with "Nej, inte än".

For everyone who may see proposals (as the workbench and the dashboard's proposal panels). The
figures count what the public pages count, so staff and residents see the same numbers; a
constant number of queries however many proposals there are.
"""

from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..models import Department, DialoguePage
from ..pages.tree import attach_places, village_title_of
from ..proposals import figures as numbers
from ..proposals.checks import said_not_done
from .actions import forbidden
from .links import workbench_url
from .queries import STALE_AFTER_DAYS, overdue_promises, without_recent_update

VIEW_PROPOSALS = "rounds.view_proposal"
LISTED = 50


def can_see_figures(user):
    return user.has_perm(VIEW_PROPOSALS)


def _rows(groups, names, missing):
    """Table rows of (name, figures), biggest first."""
    rows = [(names.get(key, missing), figures) for key, figures in groups.items()]
    return sorted(rows, key=lambda row: (-row[1].total, str(row[0])))


def per_department(facts):
    groups = numbers.breakdown(facts, lambda fact: fact.responsible_id)
    names = dict(Department.objects.filter(pk__in=groups).values_list("pk", "name"))
    return _rows(groups, names, _("Ingen ansvarig ännu"))


def per_village(facts):
    dialogues = attach_places(
        DialoguePage.objects.filter(pk__in={fact.dialogue_id for fact in facts}).only(
            "pk", "path", "depth"
        )
    )
    village = {dialogue.pk: dialogue.place for dialogue in dialogues}
    groups = numbers.breakdown(facts, lambda fact: village[fact.dialogue_id].pk)
    names = {place.pk: place.title for place in village.values()}
    return _rows(groups, names, "")


def listed(proposals, date_field):
    """The first proposals of a queue with their village and workbench link, and how many
    (always counted, so the page's queries do not depend on how long the queue is)."""
    fields = ["pk", "reference", "public_title"]
    if date_field in {f.name for f in proposals.model._meta.fields}:
        fields.append(date_field)  # otherwise an annotation, e.g. `promised_date`
    shown = list(
        proposals.only(*fields)
        .select_related(None)
        .annotate(village_title=village_title_of("dialogue"))[:LISTED]
    )
    for proposal in shown:
        proposal.admin_url = workbench_url("inspect", proposal.pk)
        proposal.date = getattr(proposal, date_field)
    return {"proposals": shown, "count": proposals.count()}


class FiguresView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "rounds/workbench/figures.html"
    page_title = gettext_lazy("Så har det gått")
    header_icon = "table"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def dispatch(self, request, *args, **kwargs):
        if not can_see_figures(request.user):
            return forbidden(request)  # the workbench's 403 page, as for proposals
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        facts = numbers.load_facts(numbers.all_public(), today)
        return super().get_context_data(
            total=numbers.summarise(facts),
            departments=per_department(facts),
            villages=per_village(facts),
            overdue=listed(overdue_promises(today=today), "promised_date"),
            stale=listed(without_recent_update(), "status_changed_at"),
            said_no=listed(said_not_done(numbers.all_public()), "status_changed_at"),
            stale_days=STALE_AFTER_DAYS,
            public_url=reverse("figures"),
            csv_url=reverse("figures_csv"),
            **kwargs,
        )


def urls():
    """The admin URL, included at /admin/sa-har-det-gatt/ (rounds/wagtail_hooks.py)."""
    return [path("sa-har-det-gatt/", FiguresView.as_view(), name="figures_admin")]
