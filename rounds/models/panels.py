"""The summary tab's "before you publish" panel: what the working group has left unanswered.

"Ni sa – vi gjorde" is built from the proposals' answers, so the editor should see, before
publishing, how many are still without an answer, and not repeat the answers in the text.
"""

from django.db.models import Count, Q
from wagtail.admin.panels import Panel


def readiness_counts(prefix=""):
    """The counts as aggregates over proposals: public, public without an answer, awaiting
    moderation. `prefix` is "proposals__" to annotate dialogues (the editors' dashboard)."""
    from .proposals import Status, Visibility  # proposals.py imports pages.py, which imports us

    public = Q(**{f"{prefix}visibility": Visibility.PUBLIC})
    unanswered = Q(**{f"{prefix}status__in": (Status.RECEIVED, Status.REVIEWING)})
    return {
        "public": Count(f"{prefix}pk", filter=public),
        "unanswered": Count(f"{prefix}pk", filter=public & unanswered),
        "pending": Count(f"{prefix}pk", filter=Q(**{f"{prefix}visibility": Visibility.PENDING})),
    }


def summary_readiness(dialogue):
    """Counts of the dialogue's proposals: public, public without an answer, awaiting moderation."""
    if dialogue.pk is None:
        return {"public": 0, "unanswered": 0, "pending": 0}
    return dialogue.proposals.aggregate(**readiness_counts())


class SummaryReadinessPanel(Panel):
    """Numbers and a warning above the summary fields (one query)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "rounds/summary/admin_readiness.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["counts"] = summary_readiness(self.instance)
            if self.instance.pk and self.instance.live:
                context["card_url"] = self.instance.url + self.instance.reverse_subpage(
                    "reminder_card"
                )
            return context
