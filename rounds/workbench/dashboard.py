"""The editors' dashboard panels: coming events, dialogues awaiting their summary, and proposal
windows about to close.

Each panel lists only dialogues the user may edit (Wagtail's page permissions) and runs a
constant number of queries, however many villages and proposals there are.
"""

from datetime import timedelta

from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, TruncDate
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.permission_policies.pages import PagePermissionPolicy

from ..models import DialogueEvent, DialoguePage
from ..models.panels import readiness_counts
from ..pages.tree import village_title_of

SHOWN = 8
CLOSING_WITHIN_DAYS = 14

page_permissions = PagePermissionPolicy()


def editable_dialogues(user):
    """The dialogues `user` may edit, drafts included, without their long texts."""
    pages = page_permissions.instances_user_has_permission_for(user, "change")
    return DialoguePage.objects.filter(pk__in=pages.values("pk")).defer_streamfields()


def _meeting(field):
    """The first dialogue meeting (not cancelled) of each dialogue row: its `field`."""
    meetings = DialogueEvent.objects.filter(
        dialogue=OuterRef("pk"), kind=DialogueEvent.Kind.DIALOGUE, cancelled=False
    ).order_by("start")
    return Subquery(meetings.values(field)[:1])


def edit_url(page_id):
    return reverse("wagtailadmin_pages:edit", args=[page_id])


class DashboardPanel(Component):
    """A heading with a count, the first few rows and an empty state in Swedish."""

    name = ""
    heading = ""
    empty_text = ""
    template_name = ""

    def __init__(self, user):
        self.user = user

    def rows(self):
        """The panel's queryset, in the order shown."""
        raise NotImplementedError

    def prepare(self, row):
        """Set what the template shows on one row."""

    def get_context_data(self, parent_context):
        rows = self.rows()
        shown = list(rows[:SHOWN])
        for row in shown:
            self.prepare(row)
        count = rows.count() if len(shown) == SHOWN else len(shown)
        return {
            "panel": self,
            "heading": f"{self.heading} ({count})",
            "count": count,
            "rows": shown,
            "more": count - len(shown),
        }


class ComingEventsPanel(DashboardPanel):
    """The next walks, meetings and other events across all villages, cancelled ones marked."""

    name = "coming_events"
    order = 60
    heading = _("Kommande tillfällen")
    empty_text = _("Inga tillfällen är inlagda framåt.")
    template_name = "rounds/workbench/panels/events.html"

    def rows(self):
        return (
            DialogueEvent.objects.filter(
                dialogue__in=editable_dialogues(self.user).values("pk"), end__gt=timezone.now()
            )
            .annotate(
                village_title=village_title_of("dialogue"), dialogue_title=F("dialogue__title")
            )
            .order_by("start", "pk")
        )

    def prepare(self, event):
        event.edit_url = edit_url(event.dialogue_id)


class AwaitingSummaryPanel(DashboardPanel):
    """Dialogues whose meeting is over while the summary is not yet published, oldest first."""

    name = "awaiting_summary"
    order = 70
    heading = _("Väntar på sammanställning")
    empty_text = _("Ingen dialog väntar på sin sammanställning.")
    template_name = "rounds/workbench/panels/summaries.html"

    def rows(self):
        return (
            editable_dialogues(self.user)
            .filter(summary_published_at__isnull=True)
            .annotate(meeting_end=_meeting("end"))
            .filter(meeting_end__lt=timezone.now())
            .annotate(village_title=village_title_of(), **readiness_counts("proposals__"))
            .order_by("meeting_end", "pk")
        )

    def prepare(self, dialogue):
        dialogue.edit_url = edit_url(dialogue.pk)
        met = timezone.localdate(dialogue.meeting_end)
        dialogue.days_since = (timezone.localdate() - met).days


class ClosingWindowsPanel(DashboardPanel):
    """Dialogues whose proposal window closes within two weeks, soonest first."""

    name = "closing_windows"
    order = 80
    heading = format_lazy(
        _("Förslagsfönster som stänger inom {weeks} veckor"), weeks=CLOSING_WITHIN_DAYS // 7
    )
    empty_text = format_lazy(
        _("Inget förslagsfönster stänger de närmaste {days} dagarna."), days=CLOSING_WITHIN_DAYS
    )
    template_name = "rounds/workbench/panels/windows.html"

    def rows(self):
        today = timezone.localdate()
        return (
            editable_dialogues(self.user)
            .filter(proposals_open__isnull=False)
            .annotate(closes=Coalesce("proposals_close", TruncDate(_meeting("start"))))
            .filter(closes__gte=today, closes__lte=today + timedelta(days=CLOSING_WITHIN_DAYS))
            .annotate(
                village_title=village_title_of(),
                received=Count("proposals", filter=Q(proposals__withdrawn_at__isnull=True)),
            )
            .order_by("closes", "pk")
        )

    def prepare(self, dialogue):
        dialogue.edit_url = edit_url(dialogue.pk)
        dialogue.days_left = (dialogue.closes - timezone.localdate()).days


def editor_panels(user):
    """The three panels for a user who may edit pages; none for one who may not."""
    if not page_permissions.user_has_permission(user, "change"):
        return []
    return [ComingEventsPanel(user), AwaitingSummaryPanel(user), ClosingWindowsPanel(user)]
