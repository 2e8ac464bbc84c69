"""A dialogue's events: the walk, the dialogue meeting and other occasions, with their calendar
identity (UID and SEQUENCE) kept for life."""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable


class DialogueEvent(Orderable):
    """A walk, a dialogue meeting or another occasion, with where and when."""

    class Kind(models.TextChoices):
        WALK = "walk", _("Förbättringsvandring")
        DIALOGUE = "dialogue", _("Dialogmöte")
        OTHER = "other", _("Annat tillfälle")

    dialogue = ParentalKey("rounds.DialoguePage", on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("typ"), max_length=20, choices=Kind, default=Kind.DIALOGUE)
    title = models.CharField(
        _("rubrik"),
        max_length=120,
        blank=True,
        help_text=_("Lämna tomt för att använda typen, t.ex. ”Förbättringsvandring”."),
    )
    start = models.DateTimeField(_("börjar"))
    end = models.DateTimeField(_("slutar"))
    venue_name = models.CharField(_("plats"), max_length=120, help_text=_("T.ex. Bygdegården."))
    street_address = models.CharField(_("gatuadress"), max_length=120, blank=True)
    postal_code = models.CharField(_("postnummer"), max_length=10, blank=True)
    postal_town = models.CharField(_("postort"), max_length=60, blank=True)
    meeting_point = models.CharField(
        _("samlingsplats"),
        max_length=255,
        blank=True,
        help_text=_("Var man möts, t.ex. ”Vid busshållplatsen på Storgatan”."),
    )
    accessibility_notes = models.TextField(
        _("tillgänglighet"),
        max_length=600,
        blank=True,
        help_text=_("T.ex. ramp, hörslinga, sträckans längd och underlag, sittplatser."),
    )
    childcare_offered = models.BooleanField(_("barnpassning erbjuds"), default=False)
    description = models.TextField(_("beskrivning"), max_length=1000, blank=True)
    cancelled = models.BooleanField(
        _("inställt"),
        default=False,
        help_text=_(
            "Markera i stället för att ta bort: sidan, kalendrarna och bevakarna får veta det."
        ),
    )
    cancellation_reason = models.CharField(
        _("varför inställt"),
        max_length=255,
        blank=True,
        help_text=_(
            "Visas vid det inställda tillfället, t.ex. ”Lokalen är vattenskadad”. "
            "En ny tid läggs in som ett nytt tillfälle: den visas här av sig själv."
        ),
    )
    registration_open = models.BooleanField(
        _("anmälan"),
        default=False,
        help_text=_(
            "Boende kan anmäla sig och säga vad de behöver: skjuts, barnpassning, hörslinga "
            "eller tolk. Kontaktpersonen får anmälningarna med e-post."
        ),
    )
    registration_closes = models.DateField(
        _("sista dag för anmälan"),
        null=True,
        blank=True,
        help_text=_("Lämna tomt för att ta emot anmälningar ända till tillfället börjar."),
    )
    # A calendar event's identity (iCalendar UID) and revision (SEQUENCE, bumped in save()).
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("title")]),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("venue_name"),
        FieldRowPanel(
            [FieldPanel("street_address"), FieldPanel("postal_code"), FieldPanel("postal_town")]
        ),
        FieldPanel("meeting_point"),
        FieldPanel("accessibility_notes"),
        FieldPanel("childcare_offered"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("cancelled"), FieldPanel("cancellation_reason")]),
        FieldRowPanel([FieldPanel("registration_open"), FieldPanel("registration_closes")]),
    ]

    # What a calendar or a follower must be told again about when it changes.
    SCHEDULE_FIELDS = (
        "start",
        "end",
        "venue_name",
        "street_address",
        "postal_code",
        "postal_town",
        "meeting_point",
        "cancelled",
    )

    class Meta(Orderable.Meta):
        ordering = ["start"]
        verbose_name = _("tillfälle")
        verbose_name_plural = _("tillfällen")

    def __str__(self):
        return f"{self.display_title} {timezone.localtime(self.start):%Y-%m-%d %H:%M}"

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("Sluttiden måste vara efter starttiden.")})
        if (
            self.start
            and self.registration_closes
            and self.registration_closes > timezone.localdate(self.start)
        ):
            raise ValidationError(
                {"registration_closes": _("Sista dag för anmälan kan inte vara efter tillfället.")}
            )

    def save(self, *args, **kwargs):
        """Bump `sequence` when the time, the place or the cancellation changes.

        A copied page brings copies of its events: they get a calendar identity of their own.
        """
        if self.pk is None:
            if DialogueEvent.objects.filter(uid=self.uid).exists():
                self.uid, self.sequence = uuid.uuid4(), 0
        else:
            stored = DialogueEvent.objects.filter(pk=self.pk)
            before = stored.values("uid", "sequence", *self.SCHEDULE_FIELDS).first()
            if before is not None:
                # The stored identity stays: a copied page's revisions carry the original's uids.
                self.uid = before.pop("uid")
                # A revision may carry an older sequence than the live event: never go back.
                self.sequence = max(self.sequence, before.pop("sequence"))
                if before != {name: getattr(self, name) for name in self.SCHEDULE_FIELDS}:
                    self.sequence += 1
        super().save(*args, **kwargs)

    @property
    def display_title(self):
        return self.title or self.get_kind_display()

    @property
    def can_add_to_calendar(self):
        """Worth a "Lägg till i kalender" link: not cancelled and not over yet."""
        return not self.cancelled and self.end > timezone.now()

    def takes_registrations(self, now=None):
        """Open for "anmälan": switched on, not cancelled, not begun, last day not passed."""
        now = now or timezone.now()
        if not self.registration_open or self.cancelled or self.start <= now:
            return False
        closes = self.registration_closes
        return closes is None or timezone.localdate(now) <= closes

    @property
    def display_address(self):
        """The address for a page: the postcode ("388 98") is never split over two lines."""
        town = " ".join(
            part for part in (self.postal_code.replace(" ", "\u00a0"), self.postal_town) if part
        )
        return ", ".join(part for part in (self.venue_name, self.street_address, town) if part)

    @property
    def childcare_text(self):
        """Words for search: the page says "Barnpassning" only when it is offered."""
        return str(_("Barnpassning finns under tiden.")) if self.childcare_offered else ""

    @property
    def address(self):
        """The full address on one line, for people and for calendars."""
        town = " ".join(part for part in (self.postal_code, self.postal_town) if part)
        return ", ".join(part for part in (self.venue_name, self.street_address, town) if part)

    def schema_org(self, url, organizer):
        """A schema.org Event for search engines: public facts only, times with their offset."""
        status = "EventCancelled" if self.cancelled else "EventScheduled"
        return {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.display_title,
            "startDate": timezone.localtime(self.start).isoformat(),
            "endDate": timezone.localtime(self.end).isoformat(),
            "eventStatus": f"https://schema.org/{status}",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": {
                "@type": "Place",
                "name": self.venue_name,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": self.street_address,
                    "postalCode": self.postal_code,
                    "addressLocality": self.postal_town,
                    "addressCountry": "SE",
                },
            },
            "organizer": {"@type": "GovernmentOrganization", "name": organizer},
            "url": url,
        }


def attach_replacements(events):
    """Give each cancelled event in `events` its `replacement`: the next event of the same kind
    in the same dialogue that is not cancelled, so a page can say "Ny tid" without a query."""
    for event in events:
        if event.cancelled:
            event.replacement = next(
                (
                    other
                    for other in events
                    if other.dialogue_id == event.dialogue_id
                    and other.kind == event.kind
                    and not other.cancelled
                    and other.start > event.start
                ),
                None,
            )
    return events
