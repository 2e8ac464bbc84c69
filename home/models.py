"""The home page, standard pages, the image model and the municipality's site settings."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Page
from wagtail.search import index

from .blocks import RICH_TEXT_FEATURES, BodyBlock
from .extensions import extended_context


class PortalImage(AbstractImage):
    """Wagtail's image with a required alternative text (stored as the description)."""

    description = models.CharField(
        max_length=255,
        verbose_name=_("alternativtext"),
        help_text=_(
            "Beskriv vad bilden visar för den som inte kan se den, t.ex. "
            "”Bygdegården i Påryd en sommardag”. Krävs."
        ),
    )

    admin_form_fields = Image.admin_form_fields


class PortalRendition(AbstractRendition):
    image = models.ForeignKey(PortalImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class HomePage(Page):
    """The site's front page: what is coming up, what takes proposals, what was decided."""

    intro = models.TextField(
        _("ingress"),
        max_length=400,
        help_text=_("En eller två meningar som säger vad webbplatsen är till för."),
    )
    method_heading = models.CharField(
        _("rubrik för metoden"), max_length=120, default=_("Så går en utvecklingsdialog till")
    )
    method_text = RichTextField(
        _("kort om metoden"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("En kort förklaring av de fyra stegen. Länka gärna till sidan om metoden."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("method_heading"), FieldPanel("method_text")], _("Metoden")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["home.StandardPage", "places.PlaceIndexPage", "rounds.RoundIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = _("startsida")
        verbose_name_plural = _("startsidor")

    @property
    def search_snippet(self):
        return self.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # What is coming up, what takes proposals, what was decided (rounds.pages.context).
        return extended_context(self, request, context)


class StandardPage(Page):
    """A page of text: about the method, accessibility statement, privacy notice, easy-to-read."""

    intro = models.TextField(_("ingress"), max_length=600, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("innehåll"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standardsida")
        verbose_name_plural = _("standardsidor")

    @property
    def search_snippet(self):
        return self.intro or self.search_description


@register_setting(icon="site")
class MunicipalitySettings(BaseSiteSetting):
    """Who runs the site: shown in the header, the footer and on forms."""

    municipality_name = models.CharField(_("kommunens namn"), max_length=120, default="Kommunen")
    contact_email = models.EmailField(_("e-post till kommunen"), blank=True)
    contact_phone = models.CharField(
        _("telefon till kommunen"),
        max_length=40,
        blank=True,
        help_text=_("Som den ska visas, t.ex. 0480-45 00 00."),
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("tillgänglighetsredogörelse"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("personuppgifter"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Sidan som berättar hur kommunen behandlar personuppgifter."),
    )
    easy_read_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("lättläst"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Sidan med lättläst text. Den länkas överst på varje sida."),
    )

    panels = [
        FieldPanel("municipality_name"),
        FieldPanel("contact_email"),
        FieldPanel("contact_phone"),
        FieldPanel("accessibility_page"),
        FieldPanel("privacy_page"),
        FieldPanel("easy_read_page"),
    ]

    select_related = ["accessibility_page", "privacy_page", "easy_read_page"]

    class Meta:
        verbose_name = _("kommunens uppgifter")
