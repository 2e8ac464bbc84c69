"""Rounds of dialogues and the dialogue with one village (its events are in `events`)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
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
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from home.blocks import BodyBlock
from home.extensions import extended_context, serve_route
from home.models import MunicipalitySettings

from .events import DialogueEvent, attach_replacements
from .panels import SummaryReadinessPanel
from .phases import (
    PHASE_DATE_PREFIXES,
    PHASE_DESCRIPTIONS,
    PHASE_STEP_LABELS,
    Phase,
    Schedule,
    derive_phase,
)

TITLE_SEPARATOR = ": "


def title_naming(place_title, title, former_place_titles=()):
    """ "Läckeby: Utvecklingsdialog 2027" from the village and the title the editor typed.

    A title that still names the village by one of its former names gets the current one
    instead of a second prefix ("Läckeby: Utvecklingsdialog 2027" once the village is renamed
    "Läckeby-Rinkabyholm").
    """
    prefix = f"{place_title}{TITLE_SEPARATOR}"
    if title.startswith(prefix):
        return title
    for former in former_place_titles:
        former_prefix = f"{former}{TITLE_SEPARATOR}"
        if former and title.startswith(former_prefix):
            title = title.removeprefix(former_prefix)
            break
    return f"{prefix}{title}"


def renamed_title(place_title, title):
    """The saved `title` with its village prefix, whatever that was, replaced by the current."""
    named_for, separator, rest = title.partition(TITLE_SEPARATOR)
    return f"{place_title}{TITLE_SEPARATOR}{rest if separator else named_for}"


def former_titles(page):
    """Every title `page` has had, from its revisions (newest first)."""
    titles = page.revisions.order_by("-created_at").values_list("content__title", flat=True)
    return [title for title in dict.fromkeys(titles) if title and title != page.title]


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


class RoundPage(RoutablePageMixin, Page):
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

    def get_cached_paths(self):
        """What a CDN must forget when the round or one of its dialogues changes."""
        return ["/", "sa-har-det-gatt/"]

    @path("sa-har-det-gatt/", name="figures")
    def figures(self, request):
        """'Så har det gått': what came of the round's proposals (rounds.pages.routes)."""
        return serve_route(self, request, "figures")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        return extended_context(self, request, context)  # its dialogues (rounds.pages.context)


class DialoguePageQuerySet(PageQuerySet):
    def listed(self):
        """Live, public dialogues with their round and events, without their long texts."""
        return (
            self.live()
            .public()
            .defer_streamfields()
            .select_related("round", "contact")
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
    contact = models.ForeignKey(
        "rounds.ContactPerson",
        verbose_name=_("kontaktperson"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="dialogues",
        help_text=_("Visas på dialogens sida. Lämna tomt för kommunens allmänna kontaktuppgifter."),
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
        FieldPanel("contact"),
        InlinePanel("events", heading=_("Tillfällen"), label=_("tillfälle"), min_num=1),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("proposals_open"), FieldPanel("proposals_close")])],
            _("Förslag på webben"),
        ),
    ]
    summary_panels = [
        SummaryReadinessPanel(heading=_("Innan du publicerar")),
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
        # What residents look for in an event: "barnpassning", "hörslinga", the venue.
        index.RelatedFields(
            "events",
            [
                index.SearchField("title"),
                index.SearchField("venue_name"),
                index.SearchField("meeting_point"),
                index.SearchField("accessibility_notes"),
                index.SearchField("description"),
                index.SearchField("childcare_text"),
            ],
        ),
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

    @property
    def short_title(self):
        """The title without the village, for the village's own page ("Utvecklingsdialog 2027")."""
        return self.title.partition(TITLE_SEPARATOR)[2] or self.title

    def save(self, *args, **kwargs):
        """Name the village in the title, so tabs, emails, feeds and the admin tell them apart.

        Editors type "Utvecklingsdialog 2027"; the page is saved as "Läckeby: Utvecklingsdialog
        2027". A page not yet in the tree (no path) is named when it is added.
        """
        parent = self.get_parent() if self.path else None
        if parent is not None:
            former = former_titles(parent)
            self.title = title_naming(parent.title, self.title, former)
            if self.draft_title:
                self.draft_title = title_naming(parent.title, self.draft_title, former)
        return super().save(*args, **kwargs)

    @classmethod
    def follow_village_rename(cls, place):
        """After the village `place` is published under a new name, its dialogues take it.

        Only the titles change (no new revision, nothing announced to followers); a draft saved
        before the rename gets the new name when it is next saved.
        """
        renamed = []
        for dialogue in cls.objects.child_of(place):
            title = renamed_title(place.title, dialogue.title)
            draft_title = renamed_title(place.title, dialogue.draft_title)
            if (title, draft_title) != (dialogue.title, dialogue.draft_title):
                cls.objects.filter(pk=dialogue.pk).update(title=title, draft_title=draft_title)
                dialogue.title, dialogue.draft_title = title, draft_title
                renamed.append(dialogue)
        return renamed

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
        return attach_replacements(sorted(self.events.all(), key=lambda event: event.start))

    def _first_event(self, kind):
        """The first event of `kind` that takes place; a cancelled one only if all are.

        A meeting cancelled and moved must not end the dialogue phase on the old date.
        """
        of_kind = [event for event in self.ordered_events if event.kind == kind]
        return next((e for e in of_kind if not e.cancelled), of_kind[0] if of_kind else None)

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

    def next_event(self, now=None):
        """The first event that has not ended and is not cancelled: what a visitor looks for."""
        now = now or timezone.now()
        return next((e for e in self.ordered_events if e.end > now and not e.cancelled), None)

    def phase_dates(self):
        """The day each phase starts, where the dialogue has one."""
        walk, meeting = self.walk, self.meeting
        return {
            Phase.PREPARATION: self.proposals_open,
            Phase.WALK: timezone.localdate(walk.start) if walk else None,
            Phase.DIALOGUE: timezone.localdate(meeting.start) if meeting else None,
            Phase.FOLLOW_UP: None,
            Phase.COMPLETED: self.summary_published_at,
        }

    def phase_steps(self, now=None):
        """The phases in order, each marked done, current or coming and dated, for the indicator.

        Once the dialogue is complete every step is done: its last step reads "Klart", not "Nu".
        """
        current = self.phase(now)
        order = list(Phase)
        position = order.index(current)
        if current == Phase.COMPLETED:
            position = len(order)
        dates = self.phase_dates()
        return [
            {
                "phase": phase,
                "label": PHASE_STEP_LABELS.get(phase, phase.label),
                "description": PHASE_DESCRIPTIONS[phase],
                "date": dates[phase],
                "date_prefix": PHASE_DATE_PREFIXES.get(phase, ""),
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

    def get_cached_paths(self):
        """What a CDN must forget when the dialogue changes: the page and the routes that show
        it to everyone (a proposal's own page is purged with the proposal)."""
        return ["/", "forslag/", "sammanstallning/stor-text/", "kort/"]

    # Routes: served by the views in rounds.pages.routes (see home.extensions).

    @path("lamna-forslag/", name="proposal_form")
    def proposal_form(self, request):
        return serve_route(self, request, "proposal_form")

    @path("forslag/", name="proposal_list")
    def proposal_list(self, request):
        return serve_route(self, request, "proposal_list")

    @path("forslag/<str:reference>/", name="proposal_detail")
    def proposal_detail(self, request, reference):
        return serve_route(self, request, "proposal_detail", reference)

    @path("forslag/<str:reference>/foto/", name="proposal_photo")
    def proposal_photo(self, request, reference):
        return serve_route(self, request, "proposal_photo", reference)

    @path("tillfallen/<int:event_id>/anmalan/", name="registration_form")
    def registration_form(self, request, event_id):
        return serve_route(self, request, "registration_form", event_id)

    @path("tillfallen/<int:event_id>/anmalan/tack/<str:token>/", name="registration_receipt")
    def registration_receipt(self, request, event_id, token):
        return serve_route(self, request, "registration_receipt", event_id, token)

    def structured_data(self, request):
        """Its events as schema.org JSON-LD (home.seo), organised by the municipality."""
        organizer = MunicipalitySettings.for_request(request).municipality_name
        url = self.get_full_url(request)
        return [event.schema_org(url, organizer) for event in self.ordered_events]

    @path("sammanstallning/stor-text/", name="large_print")
    def large_print(self, request):
        return serve_route(self, request, "large_print")

    @path("kort/", name="reminder_card")
    def reminder_card(self, request):
        return serve_route(self, request, "reminder_card")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        context["place"] = self.get_parent()
        context["events"] = self.ordered_events
        context["next_event"] = self.next_event(now)
        context["phase"] = self.phase(now)
        context["phase_steps"] = self.phase_steps(now)
        context["is_open_for_proposals"] = self.is_open_for_proposals(timezone.localdate(now))
        context["summary_published"] = self.summary_is_published(timezone.localdate(now))
        # Its proposals, and once published the summary (rounds.pages.context).
        return extended_context(self, request, context)
