"""Villages (orter): the index of all villages and one page per village."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from home.blocks import BodyBlock
from home.extensions import extended_context, serve_route


class PlaceIndexPage(Page):
    """Lists every village with its next walk or dialogue."""

    intro = models.TextField(_("ingress"), max_length=600, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["places.PlacePage"]
    max_count = 1

    class Meta:
        verbose_name = _("orter (översikt)")
        verbose_name_plural = _("orter (översikter)")

    @property
    def search_snippet(self):
        return self.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["places"] = list(PlacePage.objects.listed().child_of(self).order_by("title"))
        return extended_context(self, request, context)  # each village's next event


class PlacePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "places.PlacePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class PlacePageQuerySet(PageQuerySet):
    def listed(self):
        """Live, public villages with what a listing shows, without their long texts."""
        return (
            self.live()
            .public()
            .defer_streamfields()
            .select_related("hero_image")
            .prefetch_related("hero_image__renditions")
        )


class PlacePage(RoutablePageMixin, Page):
    """One village: its description, facts, coming events, dialogues and latest summary."""

    intro = models.TextField(
        _("ingress"),
        max_length=400,
        help_text=_("En eller två meningar om orten. Visas i listor och sökresultat."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("ortsbeskrivning"), blank=True)
    population = models.PositiveIntegerField(_("antal invånare"), null=True, blank=True)
    population_year = models.PositiveSmallIntegerField(
        _("år för invånarantalet"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
        help_text=_("Året som invånarantalet gäller, t.ex. 2019 (SCB)."),
    )
    hero_image = models.ForeignKey(
        "home.PortalImage",
        verbose_name=_("huvudbild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    latitude = models.DecimalField(
        _("latitud"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitud"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    tags = ClusterTaggableManager(
        through=PlacePageTag,
        blank=True,
        verbose_name=_("taggar"),
        help_text=_("T.ex. ”kustnära”, ”skola”, ”busslinje”."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("population"), FieldPanel("population_year")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("tags"),
            ],
            _("Fakta"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("population"),
    ]

    parent_page_types = ["places.PlaceIndexPage"]
    subpage_types = ["rounds.DialoguePage"]

    objects = PageManager.from_queryset(PlacePageQuerySet)()

    class Meta:
        verbose_name = _("ort")
        verbose_name_plural = _("orter")

    @property
    def search_snippet(self):
        return self.intro

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(_("Ange både latitud och longitud, eller ingen av dem."))
        if self.population_year and self.population is None:
            raise ValidationError({"population": _("Ange invånarantalet som året gäller.")})

    def get_cached_paths(self):
        """What a CDN must forget when the village changes: the page, its list, feed, calendar
        and figures."""
        return ["/", "forslag/", "flode/", "kalender/", "sa-har-det-gatt/"]

    # Routes: the views belong to rounds, which sits above places (see home.extensions).

    @path("forslag/", name="proposal_list")
    def proposal_list(self, request):
        """The public proposals of all the village's dialogues."""
        return serve_route(self, request, "proposal_list")

    @path("flode/", name="feed")
    def feed(self, request):
        """Atom feed: new dialogues, published summaries and public status changes."""
        return serve_route(self, request, "feed")

    @path("kalender/", name="calendar")
    def calendar(self, request):
        """iCalendar feed of the village's walks and dialogues, to subscribe to."""
        return serve_route(self, request, "calendar")

    @path("sa-har-det-gatt/", name="figures")
    def figures(self, request):
        """'Så har det gått': what came of the village's proposals, in charts and tables."""
        return serve_route(self, request, "figures")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tags"] = list(self.tags.all())
        # Its dialogues, coming events, latest summary and proposals (rounds.pages.context).
        return extended_context(self, request, context)
