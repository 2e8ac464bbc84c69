"""A dialogue's phase, derived from its dates and never set by hand."""

from dataclasses import dataclass
from datetime import date, datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Phase(models.TextChoices):
    PREPARATION = "preparation", _("Förberedelser")
    WALK = "walk", _("Förbättringsvandring")
    DIALOGUE = "dialogue", _("Dialogmöte")
    FOLLOW_UP = "follow_up", _("Uppföljning")
    COMPLETED = "completed", _("Klar")


PHASE_DESCRIPTIONS = {
    Phase.PREPARATION: _("Kommunen tar fram en ortsbeskrivning, bjuder in och bokar lokal."),
    Phase.WALK: _(
        "Invånare och tjänstepersoner går runt i orten och noterar vad som kan bli bättre."
    ),
    Phase.DIALOGUE: _(
        "Politiker och tjänstepersoner berättar vad som gjorts; invånarna arbetar i grupper."
    ),
    Phase.FOLLOW_UP: _("Arbetsgruppen går igenom varje förslag, beslutar och fördelar ansvar."),
    Phase.COMPLETED: _("Sammanställningen är publicerad och skickad till alla hushåll i orten."),
}

# The phase indicator's step names where the phase's own name reads badly as a step.
PHASE_STEP_LABELS = {Phase.COMPLETED: _("Sammanställning")}

# What a step's date means, where it is not the day the step happens.
PHASE_DATE_PREFIXES = {Phase.PREPARATION: _("Förslag från"), Phase.COMPLETED: _("Publicerad")}


@dataclass(frozen=True)
class Schedule:
    """The dates that decide a dialogue's phase."""

    walk_start: datetime | None = None
    dialogue_start: datetime | None = None
    dialogue_end: datetime | None = None


def derive_phase(schedule: Schedule, now: datetime, summary_published_on: date | None) -> Phase:
    """The phase at `now`.

    Preparation lasts until the walk starts, the walk phase until the dialogue meeting starts,
    the dialogue phase while the meeting is on, then follow-up until the summary is published.
    A dialogue without a walk goes from preparation straight to the dialogue.
    """
    if summary_published_on is not None and summary_published_on <= timezone.localdate(now):
        return Phase.COMPLETED
    if schedule.dialogue_end is not None and now >= schedule.dialogue_end:
        return Phase.FOLLOW_UP
    if schedule.dialogue_start is not None and now >= schedule.dialogue_start:
        return Phase.DIALOGUE
    if schedule.walk_start is not None and now >= schedule.walk_start:
        return Phase.WALK
    return Phase.PREPARATION
