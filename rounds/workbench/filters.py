"""List filters the field names alone cannot give: village, round, dialogue and staleness."""

from django.contrib.admin import SimpleListFilter
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from places.models import PlacePage

from ..models import DialoguePage, RoundPage
from ..pages.tree import village_label, village_titles
from .queries import STALE_AFTER_DAYS, possible_id, without_recent_update


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
        dialogues = DialoguePage.objects.order_by("path").only("title", "path")
        villages = village_titles(dialogue.path for dialogue in dialogues)
        return [(dialogue.pk, village_label(dialogue, villages)) for dialogue in dialogues]

    def filter(self, queryset, page_id):
        return queryset.filter(dialogue_id=page_id)


class StaleFilter(SimpleListFilter):
    title = _("uppdatering")
    parameter_name = "stale"

    def lookups(self, request, model_admin):
        return [("1", format_lazy(_("Ingen uppdatering på {days} dagar"), days=STALE_AFTER_DAYS))]

    def queryset(self, request, queryset):
        return without_recent_update(queryset) if self.value() == "1" else queryset
