"""How far a promise has come: the steps the working group keeps as snippets (rounds/0017 seeds
Beslutat, Projekterat, Upphandlat, Pågår, Klart). Which updates may carry a step and a
percentage is `proposals.PROGRESS_STATUSES`."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class ProgressStep(models.Model):
    """One step on the way from decision to done, shown as a milestone on the proposal page.

    Updates point to their step (PROTECT): a step that an update has reached is part of the
    public record and cannot be deleted, only renamed.
    """

    name = models.CharField(_("namn"), max_length=60, unique=True)
    description = models.CharField(
        _("beskrivning"),
        max_length=255,
        blank=True,
        help_text=_("En kort förklaring för invånaren av vad steget betyder."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("ordning"), default=0, help_text=_("Steg med lägre tal kommer först.")
    )

    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("steg i genomförandet")
        verbose_name_plural = _("steg i genomförandet")

    def __str__(self):
        return self.name
