"""Proposals from residents and the public, dated history of what happened to each."""

import hashlib

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import BooleanField, Case, OuterRef, Q, Subquery, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase
from wagtail.search import index

from ..proposals.storage import private_storage
from .pages import DialoguePage


class Status(models.TextChoices):
    RECEIVED = "received", _("Mottaget")
    REVIEWING = "reviewing", _("Behandlas")
    DIRECT_ACTION = "direct_action", _("Åtgärdas")
    PLANNED = "planned", _("Längre planering")
    FORWARDED = "forwarded", _("Skickat vidare")
    DONE = "done", _("Genomfört")
    NOT_FEASIBLE = "not_feasible", _("Genomförs inte")
    DUPLICATE = "duplicate", _("Dubblett")


# A public message is required for these: the resident deserves to know why.
STATUSES_NEEDING_MESSAGE = {Status.NOT_FEASIBLE, Status.FORWARDED, Status.DUPLICATE}
# Only a promise has progress (a step, a percentage): any other status ends it.
PROGRESS_STATUSES = (Status.DIRECT_ACTION, Status.PLANNED)
# A proposal in one of these has its final answer: nothing more is promised.
CLOSED_STATUSES = (Status.DONE, Status.NOT_FEASIBLE, Status.DUPLICATE)


class Visibility(models.TextChoices):
    # Staff's words (the workbench); the resident's follow page says it in its own.
    PENDING = "pending", _("Väntar på moderering")
    PUBLIC = "public", _("Publicerat")
    HIDDEN = "hidden", _("Dolt")


class Source(models.TextChoices):
    ONLINE = "online", _("Webbformuläret")
    WALK = "walk", _("Förbättringsvandringen")
    DIALOGUE = "dialogue", _("Dialogmötet")
    LETTER = "letter", _("Brev")
    PHONE = "phone", _("Telefon")


class AgeGroup(models.TextChoices):
    UNDER_18 = "under_18", _("Under 18 år")
    AGE_18_29 = "18_29", _("18–29 år")
    AGE_30_49 = "30_49", _("30–49 år")
    AGE_50_64 = "50_64", _("50–64 år")
    AGE_65_79 = "65_79", _("65–79 år")
    AGE_80_PLUS = "80_plus", _("80 år eller äldre")


def hash_token(token):
    """The stored form of a private follow-up token: only its SHA-256 is kept."""
    return hashlib.sha256(token.encode()).hexdigest()


class ProposalTag(TaggedItemBase):
    content_object = models.ForeignKey(
        "rounds.Proposal", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ProposalQuerySet(models.QuerySet):
    def public(self):
        """Proposals anyone may see: moderated public, under a live and public dialogue."""
        return self.filter(
            visibility=Visibility.PUBLIC,
            dialogue__in=DialoguePage.objects.live().public(),
        )

    def still_open(self):
        """Proposals without a final answer, not withdrawn: what is still owed to residents."""
        return self.exclude(status__in=CLOSED_STATUSES).filter(withdrawn_at=None)

    def with_promise(self, today=None):
        """Annotate `promised_date` (the latest update's planned date, if it has one) and
        `is_overdue`: that date has passed and nothing newer was said. Computed, never stored,
        so a new update clears it at once; one subquery, however long the list.
        """
        today = today or timezone.localdate()
        latest = ProposalUpdate.objects.filter(proposal=OuterRef("pk")).order_by(
            "-created_at", "-pk"
        )
        overdue = Q(promised_date__lt=today, withdrawn_at=None) & ~Q(status__in=CLOSED_STATUSES)
        return self.annotate(promised_date=Subquery(latest.values("planned_date")[:1])).annotate(
            is_overdue=Case(
                When(overdue, then=Value(True)), default=Value(False), output_field=BooleanField()
            )
        )

    def overdue(self, today=None):
        """Proposals whose promised date has passed with no later update."""
        return self.with_promise(today).filter(is_overdue=True)


class Proposal(index.Indexed, models.Model):
    """A resident's proposal. Its personal data never reaches a public page."""

    reference = models.CharField(_("referens"), max_length=12, unique=True, editable=False)
    dialogue = models.ForeignKey(
        DialoguePage,
        verbose_name=_("dialog"),
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    source = models.CharField(_("källa"), max_length=20, choices=Source, default=Source.ONLINE)
    submitted_at = models.DateTimeField(_("inkommet"), default=timezone.now, db_index=True)

    # What the resident wrote, kept unchanged as the record.
    title = models.CharField(_("rubrik"), max_length=120)
    body = models.TextField(_("beskrivning"), max_length=4000)
    theme = models.ForeignKey(
        "rounds.Theme",
        verbose_name=_("tema"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )
    location = models.CharField(_("var i orten"), max_length=200, blank=True)
    photo = models.ImageField(
        _("foto"), upload_to="proposals/%Y/", storage=private_storage, blank=True
    )
    # Moderation may publish the text but not the photo (a face, a child, a number plate): the
    # photo stays for staff and the resident, and publishing again with it undoes the choice.
    photo_withheld = models.BooleanField(
        _("fotot visas inte publikt"),
        default=False,
        help_text=_("Sätts vid modereringen när texten publiceras utan fotot."),
    )
    tags = TaggableManager(through=ProposalTag, blank=True, verbose_name=_("taggar"))

    # What the public sees: moderators may redact personal details from these.
    public_title = models.CharField(_("publik rubrik"), max_length=120)
    public_body = models.TextField(_("publik beskrivning"), max_length=4000)

    # Personal data: only case officers (Handläggare) see it.
    name = models.CharField(_("namn"), max_length=120, blank=True)
    email = models.EmailField(_("e-post"), blank=True)
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    display_name = models.CharField(_("visningsnamn"), max_length=60, blank=True)
    show_name = models.BooleanField(_("visa namnet publikt"), default=False)
    notify_status = models.BooleanField(_("e-post när status ändras"), default=False)
    age_group = models.CharField(_("åldersgrupp"), max_length=20, choices=AgeGroup, blank=True)
    # Residents who wrote or phoned get their answer by post (rounds.proposals.letters).
    postal_address = models.TextField(
        _("postadress"),
        max_length=300,
        blank=True,
        help_text=_("Gatuadress, postnummer och ort på var sin rad, som på ett kuvert."),
    )
    reply_by_letter = models.BooleanField(
        _("vill ha svar per brev"),
        default=False,
        help_text=_("Svaret skrivs ut som brev och skickas till postadressen."),
    )

    # Moderation.
    visibility = models.CharField(
        _("synlighet"),
        max_length=20,
        choices=Visibility,
        default=Visibility.PENDING,
        db_index=True,
    )
    hidden_reason = models.TextField(_("skäl att dölja (internt)"), blank=True)
    moderated_at = models.DateTimeField(_("modererat"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("återkallat"), null=True, blank=True)
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("dubblett av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
    )

    # The latest update's values, kept here so lists can filter and count without joins.
    # Saving or deleting a ProposalUpdate sets them (follow_latest_update), however it is done.
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.RECEIVED, editable=False
    )
    responsible = models.ForeignKey(
        "rounds.Department",
        verbose_name=_("ansvarig"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status_changed_at = models.DateTimeField(
        _("senast uppdaterat"), default=timezone.now, editable=False
    )
    progress_step = models.ForeignKey(
        "rounds.ProgressStep",
        verbose_name=_("steg i genomförandet"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    progress_percent = models.PositiveSmallIntegerField(
        _("procent klart"), null=True, blank=True, editable=False
    )

    follow_token_hash = models.CharField(max_length=64, unique=True, editable=False)
    # The hash of the reviewed draft an online proposal came from (rounds.drafts): unique, so
    # that a draft sent twice, by any app process, is one proposal. Empty for staff-registered.
    draft_key = models.CharField(max_length=64, unique=True, null=True, editable=False)

    objects = ProposalQuerySet.as_manager()

    search_fields = [
        index.SearchField("public_title", boost=2),
        index.SearchField("public_body"),
        index.SearchField("location"),
        index.FilterField("visibility"),
        index.FilterField("dialogue"),
    ]

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("förslag")
        verbose_name_plural = _("förslag")
        permissions = [
            ("view_personal_data", _("Kan se personuppgifter i förslag")),
            ("moderate_proposal", _("Kan moderera och publicera förslag")),
            ("answer_proposal", _("Kan besvara förslag och ändra status")),
        ]

    def __str__(self):
        return f"{self.reference} {self.public_title}"

    @property
    def is_public(self):
        return self.visibility == Visibility.PUBLIC

    @property
    def has_public_photo(self):
        """True when the public may see the photo (once the proposal itself is public)."""
        return bool(self.photo) and not self.photo_withheld

    @property
    def public_author(self):
        """The name the resident chose to show, or nothing."""
        return self.display_name if self.show_name else ""

    def get_public_url(self, request=None):
        """The proposal's public page, under its dialogue."""
        return self.dialogue.get_url(request) + self.dialogue.reverse_subpage(
            "proposal_detail", args=[self.reference]
        )

    def follow_latest_update(self):
        """Take status, responsible and date from the latest update: the history is the truth.

        Called whenever an update is saved or deleted, so that a data fix in the shell or an
        import through the ORM leaves the proposal as consistent as the services do. (Bulk
        operations such as `bulk_create` bypass it, like every `save()`.)
        """
        latest = (
            self.updates.order_by("-created_at", "-pk")
            .only("status", "responsible_id", "created_at", "progress_step_id", "progress_percent")
            .first()
        )
        if latest is None:
            return
        self.status = latest.status
        self.responsible_id = latest.responsible_id
        self.status_changed_at = latest.created_at
        self.progress_step_id = latest.progress_step_id
        self.progress_percent = latest.progress_percent
        Proposal.objects.filter(pk=self.pk).update(
            status=self.status,
            responsible_id=self.responsible_id,
            status_changed_at=self.status_changed_at,
            progress_step_id=self.progress_step_id,
            progress_percent=self.progress_percent,
        )

    @classmethod
    def get_indexed_objects(cls):
        """Only moderated public text is indexed: never what waits for moderation or was hidden.

        Wagtail's update on save skips the others; `services.update_search_index` takes
        them out when they stop being public.
        """
        return super().get_indexed_objects().filter(visibility=Visibility.PUBLIC)


class ProposalUpdate(models.Model):
    """One dated step in a proposal's history. The status only changes by adding one."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("förslag"), on_delete=models.CASCADE, related_name="updates"
    )
    status = models.CharField(_("ny status"), max_length=20, choices=Status)
    public_message = models.TextField(
        _("svar till invånaren"),
        max_length=4000,
        blank=True,
        help_text=_("Visas publikt. Krävs för ”Genomförs inte”, ”Skickat vidare” och ”Dubblett”."),
    )
    responsible = models.ForeignKey(
        "rounds.Department",
        verbose_name=_("ansvarig"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="updates",
    )
    planned_date = models.DateField(_("planerat datum"), null=True, blank=True)
    # Public: residents deserve to know why a promise has no date yet.
    planned_date_unknown_reason = models.TextField(
        _("varför datum inte är bestämt"),
        max_length=1000,
        blank=True,
        help_text=_("Visas publikt. Krävs för ”Längre planering” när inget planerat datum anges."),
    )
    decision_reference = models.CharField(_("diarienummer"), max_length=60, blank=True)
    # How far a promise has come. PROTECT: a deleted step must not rewrite the public history.
    progress_step = models.ForeignKey(
        "rounds.ProgressStep",
        verbose_name=_("steg i genomförandet"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="updates",
        help_text=_("Visas publikt. Bara för ”Åtgärdas” och ”Längre planering”."),
    )
    progress_percent = models.PositiveSmallIntegerField(
        _("procent klart"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Visas publikt, 0–100. Bara för ”Åtgärdas” och ”Längre planering”."),
    )
    internal_note = models.TextField(_("intern anteckning"), blank=True)
    # Set on the entry "Stämmer det?" adds when the resident who sent it says "Nej, inte än":
    # the resident's word in the one timeline, not the working group's answer.
    from_resident = models.BooleanField(_("från invånaren"), default=False, editable=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handläggare"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("datum"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("uppdatering")
        verbose_name_plural = _("uppdateringar")
        # Kept by the database too, so an import or a data fix cannot put progress on a
        # refusal or a percentage past 100 (services.check_update says it in words first).
        constraints = [
            models.CheckConstraint(
                condition=models.Q(progress_percent__isnull=True)
                | models.Q(progress_percent__lte=100),
                name="update_progress_percent_at_most_100",
            ),
            models.CheckConstraint(
                condition=models.Q(progress_step__isnull=True, progress_percent__isnull=True)
                | models.Q(status__in=PROGRESS_STATUSES),
                name="update_progress_only_on_promises",
            ),
        ]

    def __str__(self):
        return f"{self.proposal.reference}: {self.get_status_display()}"

    def save(self, *args, **kwargs):
        with transaction.atomic():
            super().save(*args, **kwargs)
            self.proposal.follow_latest_update()

    def delete(self, *args, **kwargs):
        with transaction.atomic():
            deleted = super().delete(*args, **kwargs)
            self.proposal.follow_latest_update()
        return deleted


class ReferenceCounter(models.Model):
    """The last proposal number used each year, so references are short and never reused."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.year}: {self.last_number}"
