"""Rounds of dialogues, the dialogue with one village, and its events."""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from home.blocks import BodyBlock

from ..phases import PHASE_DESCRIPTIONS, Phase, Schedule, derive_phase


class RoundIndexPage(Page):
    """Lists the rounds, newest first."""

    intro = models.TextField(_("ingress"), max_length=600, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["rounds.RoundPage"]
    max_count = 1

    class Meta:
        verbose_name = _("omgångar (översikt)")
        verbose_name_plural = _("omgångar (översikter)")

    @property
    def search_snippet(self):
        return self.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["rounds"] = RoundPage.objects.child_of(self).live().public().order_by("-start_date")
        return context


class RoundPage(Page):
    """One round of dialogues, usually about eleven villages over two years."""

    start_date = models.DateField(_("startdatum"))
    end_date = models.DateField(_("slutdatum"))
    intro = models.TextField(_("ingress"), max_length=600, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("innehåll"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")], _("Period")),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["rounds.RoundIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("omgång")
        verbose_name_plural = _("omgångar")

    @property
    def search_snippet(self):
        return self.intro

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("Slutdatumet kan inte vara före startdatumet.")})

    def get_context(self, request, *args, **kwargs):
        from ..queries import dialogues_of_round  # queries imports these models

        context = super().get_context(request, *args, **kwargs)
        context["dialogues"] = dialogues_of_round(self)
        return context


class DialoguePageQuerySet(PageQuerySet):
    def listed(self):
        """Live, public dialogues with their round and events, without their long texts."""
        return (
            self.live()
            .public()
            .defer_streamfields()
            .select_related("round")
            .prefetch_related("events")
        )


class DialoguePage(RoutablePageMixin, Page):
    """One village's dialogue in one round: its walk, its meeting, proposals and summary."""

    round = models.ForeignKey(
        "rounds.RoundPage",
        verbose_name=_("omgång"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="dialogues",
    )
    intro = models.TextField(
        _("ingress"),
        max_length=600,
        blank=True,
        help_text=_("Vad som händer och varför det är värt att komma."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("mer information"), blank=True)
    proposals_open = models.DateField(
        _("förslag tas emot från"),
        null=True,
        blank=True,
        help_text=_("Lämna tomt om dialogen inte tar emot förslag på webben."),
    )
    proposals_close = models.DateField(
        _("förslag tas emot till och med"),
        null=True,
        blank=True,
        help_text=_("Lämna tomt för att ta emot förslag till och med dialogmötets dag."),
    )
    summary_intro = models.TextField(
        _("sammanfattning i korthet"),
        max_length=600,
        blank=True,
        help_text=_("Två eller tre meningar som visas i listor och på orten."),
    )
    summary = StreamField(BodyBlock(), verbose_name=_("sammanställning"), blank=True)
    summary_published_at = models.DateField(
        _("sammanställningen publicerad"),
        null=True,
        blank=True,
        help_text=_(
            "Datumet då sammanställningen gick ut. När det är satt visas den och dialogen "
            "räknas som avslutad."
        ),
    )
    attendance_walk = models.PositiveIntegerField(
        _("deltagare på vandringen"), null=True, blank=True
    )
    attendance_dialogue = models.PositiveIntegerField(
        _("deltagare på dialogmötet"), null=True, blank=True
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("round"),
        FieldPanel("intro"),
        InlinePanel("events", heading=_("Tillfällen"), label=_("tillfälle"), min_num=1),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("proposals_open"), FieldPanel("proposals_close")])],
            _("Förslag på webben"),
        ),
    ]
    summary_panels = [
        FieldPanel("summary_intro"),
        FieldPanel("summary"),
        FieldPanel("summary_published_at"),
        FieldRowPanel([FieldPanel("attendance_walk"), FieldPanel("attendance_dialogue")]),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Innehåll")),
            ObjectList(summary_panels, heading=_("Sammanställning")),
            ObjectList(Page.promote_panels, heading=_("Marknadsföring")),
            ObjectList(Page.settings_panels, heading=_("Inställningar")),
        ]
    )
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("summary_intro"),
        index.SearchField("summary"),
    ]

    parent_page_types = ["places.PlacePage"]
    subpage_types = []

    objects = PageManager.from_queryset(DialoguePageQuerySet)()

    class Meta:
        verbose_name = _("dialog")
        verbose_name_plural = _("dialoger")

    @property
    def search_snippet(self):
        return self.summary_intro or self.intro

    def clean(self):
        super().clean()
        if not self.round_id:
            raise ValidationError({"round": _("Välj vilken omgång dialogen hör till.")})
        if (
            self.proposals_open
            and self.proposals_close
            and self.proposals_close < self.proposals_open
        ):
            raise ValidationError(
                {"proposals_close": _("Sista dagen kan inte vara före första dagen.")}
            )
        if self.summary_published_at and not self.summary:
            raise ValidationError(
                {"summary_published_at": _("Skriv sammanställningen innan du anger datumet.")}
            )

    # Everything below reads the events already loaded (prefetched in listings).

    @cached_property
    def ordered_events(self):
        return sorted(self.events.all(), key=lambda event: event.start)

    def _first_event(self, kind):
        return next((e for e in self.ordered_events if e.kind == kind), None)

    @property
    def walk(self):
        return self._first_event(DialogueEvent.Kind.WALK)

    @property
    def meeting(self):
        return self._first_event(DialogueEvent.Kind.DIALOGUE)

    @property
    def schedule(self):
        walk, meeting = self.walk, self.meeting
        return Schedule(
            walk_start=walk.start if walk else None,
            dialogue_start=meeting.start if meeting else None,
            dialogue_end=meeting.end if meeting else None,
        )

    def phase(self, now=None):
        return derive_phase(self.schedule, now or timezone.now(), self.summary_published_at)

    def phase_steps(self, now=None):
        """The phases in order, each marked done, current or coming, for the indicator."""
        current = self.phase(now)
        order = list(Phase)
        position = order.index(current)
        return [
            {
                "phase": phase,
                "label": phase.label,
                "description": PHASE_DESCRIPTIONS[phase],
                "state": "done" if i < position else "current" if i == position else "coming",
            }
            for i, phase in enumerate(order)
        ]

    @property
    def proposal_window_closes(self):
        """The last day proposals are taken: the set date, or the dialogue meeting's day."""
        if self.proposals_close:
            return self.proposals_close
        meeting = self.meeting
        return timezone.localdate(meeting.start) if meeting else None

    def is_open_for_proposals(self, today=None):
        today = today or timezone.localdate()
        closes = self.proposal_window_closes
        return bool(self.proposals_open and closes and self.proposals_open <= today <= closes)

    def summary_is_published(self, today=None):
        today = today or timezone.localdate()
        return self.summary_published_at is not None and self.summary_published_at <= today

    # Routes: the views live in rounds.views, imported late because they import these models.

    @path("lamna-forslag/", name="proposal_form")
    def proposal_form(self, request):
        from ..views import submission

        return submission.proposal_form(request, self)

    @path("forslag/", name="proposal_list")
    def proposal_list(self, request):
        from ..views import public

        return public.dialogue_proposals(request, self)

    @path("forslag/<str:reference>/", name="proposal_detail")
    def proposal_detail(self, request, reference):
        from ..views import public

        return public.proposal_detail(request, self, reference)

    @path("forslag/<str:reference>/foto/", name="proposal_photo")
    def proposal_photo(self, request, reference):
        from ..views import public

        return public.proposal_photo(request, self, reference)

    def get_context(self, request, *args, **kwargs):
        from ..queries import proposals_of_dialogue, status_tally  # queries imports these models

        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        context["place"] = self.get_parent()
        context["events"] = self.ordered_events
        context["phase"] = self.phase(now)
        context["phase_steps"] = self.phase_steps(now)
        context["is_open_for_proposals"] = self.is_open_for_proposals(timezone.localdate(now))
        context["summary_published"] = self.summary_is_published(timezone.localdate(now))
        proposals = proposals_of_dialogue(self)  # built once: public() queries the restrictions
        context["proposal_tally"] = status_tally(proposals)
        if context["summary_published"]:
            from ..summary import summary_context  # summary imports these models

            context.update(summary_context(self, request, proposals))
        return context


class DialogueEvent(Orderable):
    """A walk, a dialogue meeting or another occasion, with where and when."""

    class Kind(models.TextChoices):
        WALK = "walk", _("Förbättringsvandring")
        DIALOGUE = "dialogue", _("Utvecklingsdialog")
        OTHER = "other", _("Annat tillfälle")

    dialogue = ParentalKey(DialoguePage, on_delete=models.CASCADE, related_name="events")
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
        FieldPanel("cancelled"),
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

    @property
    def address(self):
        """The full address on one line, for people and for calendars."""
        town = " ".join(part for part in (self.postal_code, self.postal_town) if part)
        return ", ".join(part for part in (self.venue_name, self.street_address, town) if part)
