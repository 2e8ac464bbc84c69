""" "Stämmer det?": residents asked whether a carried-out or started proposal really is done.

One row per person and proposal, made when the question is sent, so the job asks each person
once however often it runs, and an answer given again through the same link changes the row.
The person is kept only as a keyed hash of their email address (`respondent`): enough to tell
them apart, never enough to write to them or to show who they are.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CheckAnswer(models.TextChoices):
    YES = "yes", _("Ja, det är gjort")
    NO = "no", _("Nej, inte än")


class CommentVisibility(models.TextChoices):
    PENDING = "pending", _("Väntar på moderering")
    PUBLIC = "public", _("Publicerad")
    HIDDEN = "hidden", _("Visas inte")


class ProposalCheck(models.Model):
    proposal = models.ForeignKey(
        "rounds.Proposal",
        verbose_name=_("förslag"),
        on_delete=models.CASCADE,
        related_name="checks",
    )
    respondent = models.CharField(max_length=64, editable=False)
    is_proposer = models.BooleanField(_("den som lämnade förslaget"), default=False)
    asked_at = models.DateTimeField(_("frågan skickad"), default=timezone.now)
    answer = models.CharField(_("svar"), max_length=3, choices=CheckAnswer, blank=True)
    answered_at = models.DateTimeField(_("svarade"), null=True, blank=True)
    comment = models.TextField(_("kommentar"), max_length=1000, blank=True)
    comment_visibility = models.CharField(
        _("kommentaren"),
        max_length=10,
        choices=CommentVisibility,
        default=CommentVisibility.PENDING,
        help_text=_("Publicera bara en kommentar utan namn, adresser eller andra personuppgifter."),
    )

    class Meta:
        ordering = ["-answered_at", "-pk"]
        verbose_name = _("svar på ”Stämmer det?”")
        verbose_name_plural = _("svar på ”Stämmer det?”")
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "respondent"], name="one_check_per_person_and_proposal"
            )
        ]

    def __str__(self):
        return f"{self.proposal_id}: {self.get_answer_display() or _('inte besvarat')}"
