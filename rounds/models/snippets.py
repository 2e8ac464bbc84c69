"""Themes, departments and answer templates: lists editors and the working group manage as
snippets."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from .proposals import Status


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
    # Staff data: where the weekly list of passed planned dates goes. Never shown publicly.
    contact_email = models.EmailField(
        _("kontaktadress för påminnelser"),
        blank=True,
        help_text=_(
            "Hit skickas varje vecka en lista över förslag där det planerade datumet har "
            "passerat. Visas aldrig för invånare."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("website"),
        FieldPanel("contact_email"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("ansvarig")
        verbose_name_plural = _("ansvariga")

    def __str__(self):
        return self.name


class AnswerTemplate(models.Model):
    """A ready public answer for one status, so fifty answers in an afternoon read alike.

    The working group keeps them as snippets; the answer form offers those of the chosen status
    and fills the public message with the text, the placeholders replaced.
    """

    name = models.CharField(_("namn"), max_length=80)
    status = models.CharField(_("status"), max_length=20, choices=Status)
    text = models.TextField(
        _("text"),
        max_length=4000,
        help_text=_(
            "Visas publikt som svar till invånaren. Du kan skriva {ort}, {referens} och "
            "{ansvarig}; de byts mot förslagets ort, referens och ansvarig."
        ),
    )
    sort_order = models.PositiveSmallIntegerField(_("ordning"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("status"),
        FieldPanel("text"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["status", "sort_order", "name"]
        verbose_name = _("svarsmall")
        verbose_name_plural = _("svarsmallar")

    def __str__(self):
        return self.name

    def filled(self, *, village="", reference="", responsible=""):
        """The text with its placeholders replaced; a placeholder without a value is left as it
        is, so the case officer sees what to write."""
        values = {"{ort}": village, "{referens}": reference, "{ansvarig}": responsible}
        text = self.text
        for placeholder, value in values.items():
            if value:
                text = text.replace(placeholder, str(value))
        return text


class ContactPerson(index.Indexed, models.Model):
    """The municipality's contact for a dialogue: staff data, shown publicly by choice.

    One person often has several villages, so they are kept once and chosen per dialogue.
    """

    name = models.CharField(_("namn"), max_length=120)
    role = models.CharField(
        _("roll"), max_length=120, blank=True, help_text=_("T.ex. ”Landsbygdsutvecklare”.")
    )
    phone = models.CharField(
        _("telefon"),
        max_length=40,
        blank=True,
        help_text=_("Som det ska visas, t.ex. 0480-45 00 00."),
    )
    email = models.EmailField(_("e-post"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("phone"), FieldPanel("email")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("kontaktperson")
        verbose_name_plural = _("kontaktpersoner")

    def __str__(self):
        return f"{self.name}, {self.role}" if self.role else self.name

    @property
    def phone_uri(self):
        """The number for a tel: link: digits and a leading + only."""
        digits = "".join(c for c in self.phone if c.isdigit())
        if self.phone.strip().startswith("+"):
            return f"+{digits}"
        return f"+46{digits[1:]}" if digits.startswith("0") else digits
