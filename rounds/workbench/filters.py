"""List filters the field names alone cannot give: village, round, dialogue, staleness,
planned dates that have passed and the proposer's "Nej, inte än"."""

from django.contrib.admin import SimpleListFilter
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from places.models import PlacePage

from ..models import DialoguePage, RoundPage
from ..proposals.checks import said_not_done
from .queries import STALE_AFTER_DAYS, overdue_promises, possible_id, without_recent_update

# In words, by each filter's parameter: the choice of every proposal, instead of Django's "Alla",
# and for a field that may be empty the choice of the proposals without one, instead of "-".
EVERY_CHOICE = {
    "village": _("Alla orter"),
    "round": _("Alla omgångar"),
    "dialogue": _("Alla dialoger"),
    "status": _("Alla statusar"),
    "visibility": _("Oavsett synlighet"),
    "theme": _("Alla teman"),
    "responsible": _("Alla ansvariga"),
    "source": _("Alla källor"),
    "stale": _("Alla, även nyligen uppdaterade"),
    "overdue": _("Alla, oavsett planerat datum"),
    "says_no": _("Alla, oavsett invånarnas svar"),
}
NONE_CHOICE = {"theme": _("Utan tema"), "responsible": _("Utan ansvarig")}


def worded_choices(spec, choices):
    """A filter's choices (Django's dicts) with the choice of every proposal and the choice of
    those without a value in words."""
    key = getattr(spec, "parameter_name", None) or spec.field_path
    empty = getattr(spec, "empty_value_display", None)
    worded = [{**choices[0], "display": EVERY_CHOICE.get(key, choices[0]["display"])}]
    for choice in choices[1:]:
        if key in NONE_CHOICE and choice["display"] == empty:
            choice = {**choice, "display": NONE_CHOICE[key]}
        worded.append(choice)
    return worded


class PageListFilter(SimpleListFilter):
    """A filter whose values are page ids; anything else in the URL matches nothing."""

    def page_id(self):
        return possible_id(self.value(), Page)

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        page_id = self.page_id()
        return queryset.none() if page_id is None else self.filter(queryset, page_id)


class VillageFilter(PageListFilter):
    title = _("ort")
    parameter_name = "village"

    def lookups(self, request, model_admin):
        return PlacePage.objects.order_by("title").values_list("pk", "title")

    def filter(self, queryset, page_id):
        path = Page.objects.filter(pk=page_id).values_list("path", flat=True).first()
        return queryset.filter(dialogue__path__startswith=path) if path else queryset.none()


class RoundFilter(PageListFilter):
    title = _("omgång")
    parameter_name = "round"

    def lookups(self, request, model_admin):
        return RoundPage.objects.order_by("-start_date").values_list("pk", "title")

    def filter(self, queryset, page_id):
        return queryset.filter(dialogue__round_id=page_id)


class DialogueFilter(PageListFilter):
    title = _("dialog")
    parameter_name = "dialogue"

    def lookups(self, request, model_admin):
        dialogues = DialoguePage.objects.order_by("path").only("title")
        # A dialogue's title names its village ("Läckeby: Utvecklingsdialog 2026").
        return [(dialogue.pk, dialogue.title) for dialogue in dialogues]

    def filter(self, queryset, page_id):
        return queryset.filter(dialogue_id=page_id)


class StaleFilter(SimpleListFilter):
    title = _("uppdatering")
    parameter_name = "stale"

    def lookups(self, request, model_admin):
        return [("1", format_lazy(_("Ingen uppdatering på {days} dagar"), days=STALE_AFTER_DAYS))]

    def queryset(self, request, queryset):
        return without_recent_update(queryset) if self.value() == "1" else queryset


class OverdueFilter(SimpleListFilter):
    """The promises the working group owes news about, "Datum passerat" (see
    `ProposalQuerySet.with_promise`)."""

    title = _("planerat datum")
    parameter_name = "overdue"

    def lookups(self, request, model_admin):
        return [("1", _("Datum passerat"))]

    def queryset(self, request, queryset):
        return overdue_promises(queryset) if self.value() == "1" else queryset


class SaysNoFilter(SimpleListFilter):
    """ "Stämmer det?": the proposer said "Nej, inte än" and nobody has answered since."""

    title = _("stämmer det?")
    parameter_name = "says_no"

    def lookups(self, request, model_admin):
        return [("1", _("Invånaren säger att det inte är klart"))]

    def queryset(self, request, queryset):
        return said_not_done(queryset) if self.value() == "1" else queryset
