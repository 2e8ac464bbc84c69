"""The outbox of emails and the residents who follow a village by email."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutgoingEmail(models.Model):
    """One email, rendered when queued and kept until it is delivered.

    A task delivers it; a failing mail server only postpones it (see notifications.mail).
    `dedupe_key` makes queueing idempotent: the same key is never queued twice.
    """

    class State(models.TextChoices):
        QUEUED = "queued", _("Väntar")
        SENT = "sent", _("Skickat")
        FAILED = "failed", _("Gav upp")

    kind = models.CharField(_("sort"), max_length=40)
    dedupe_key = models.CharField(max_length=200, unique=True, null=True, blank=True)
    to = models.EmailField(_("mottagare"))
    subject = models.CharField(_("ämne"), max_length=200)
    text_body = models.TextField(blank=True)
    html_body = models.TextField(blank=True)
    headers = models.JSONField(default=dict, blank=True)
    state = models.CharField(max_length=10, choices=State, default=State.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    last_error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("utgående e-post")
        verbose_name_plural = _("utgående e-post")
        indexes = [models.Index(fields=["state", "next_attempt_at"])]

    def __str__(self):
        return f"{self.kind} {self.created_at:%Y-%m-%d %H:%M} ({self.get_state_display()})"


class Follower(models.Model):
    """A resident who follows a village by email. No account: the address is the identity.

    Nothing but the confirmation email is sent until `confirmed_at` is set (double opt-in).
    """

    class Updates(models.TextChoices):
        EACH = "each", _("Ett e-postmeddelande för varje ändring")
        WEEKLY = "weekly", _("En sammanfattning i veckan")
        NONE = "none", _("Inga statusändringar, bara datum och sammanställning")

    place = models.ForeignKey(
        "places.PlacePage", on_delete=models.CASCADE, related_name="followers"
    )
    email = models.EmailField(_("e-post"))
    updates = models.CharField(
        _("statusändringar"), max_length=10, choices=Updates, default=Updates.EACH
    )
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("bevakare")
        verbose_name_plural = _("bevakare")
        constraints = [
            models.UniqueConstraint(fields=["place", "email"], name="one_follower_per_place")
        ]

    def __str__(self):
        return f"{self.place_id}: {'bekräftad' if self.confirmed_at else 'obekräftad'}"
