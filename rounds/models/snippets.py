"""Themes and departments: lists editors manage as snippets."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Theme(index.Indexed, models.Model):
    """What a proposal is about, e.g. traffic, green spaces, service."""

    name = models.CharField(_("namn"), max_length=80, unique=True)
    description = models.CharField(
        _("beskrivning"),
        max_length=255,
        blank=True,
        help_text=_("En kort förklaring som hjälper invånaren att välja tema."),
    )
    sort_order = models.PositiveSmallIntegerField(_("ordning"), default=0)

    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("tema")
        verbose_name_plural = _("teman")

    def __str__(self):
        return self.name


class Department(index.Indexed, models.Model):
    """Who is responsible: a municipal unit or an external body such as Trafikverket."""

    class Kind(models.TextChoices):
        MUNICIPAL = "municipal", _("Kommunal förvaltning eller enhet")
        EXTERNAL = "external", _("Extern aktör")

    name = models.CharField(_("namn"), max_length=120, unique=True)
    kind = models.CharField(_("typ"), max_length=20, choices=Kind, default=Kind.MUNICIPAL)
    description = models.CharField(_("beskrivning"), max_length=255, blank=True)
    website = models.URLField(_("webbplats"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("website"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("ansvarig")
        verbose_name_plural = _("ansvariga")

    def __str__(self):
        return self.name
