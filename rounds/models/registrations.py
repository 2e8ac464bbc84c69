"""A resident's "anmälan" to an event: who is coming and what help they need to take part.

Personal data, as a proposal's name and contact details are: only staff with
`rounds.view_personal_data` see the people; everyone else at most the counts. Registrations are
deleted some days after their event (`manage.py clear_event_registrations`).
"""

from django.db import models
from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .events import DialogueEvent

OTHER_MAX_LENGTH = 500


def tally_expressions(prefix=""):
    """The counts per need as aggregates; `prefix` "registrations__" counts an event's."""

    def count(**need):
        return Count(f"{prefix}pk", filter=Q(**{f"{prefix}{k}": v for k, v in need.items()}))

    return {
        "total": Count(f"{prefix}pk"),
        "transport": count(needs_transport=True),
        "childcare": count(needs_childcare=True),
        "children": Sum(
            f"{prefix}children", filter=Q(**{f"{prefix}needs_childcare": True}), default=0
        ),
        "hearing_loop": count(needs_hearing_loop=True),
        "interpreter": count(needs_interpreter=True),
        "other": Count(f"{prefix}pk", filter=~Q(**{f"{prefix}other_needs": ""})),
    }


class EventRegistrationQuerySet(models.QuerySet):
    def tally(self):
        """How many need each kind of help, in one query: a dict of counts."""
        return self.aggregate(**tally_expressions())


def tally_text(tally):
    """The counts in words for staff: "3 behöver barnpassning (5 barn), 1 behöver hörslinga"."""
    words = {
        "transport": _("skjuts"),
        "childcare": _("barnpassning (%(children)d barn)") % {"children": tally["children"] or 0},
        "hearing_loop": _("hörslinga"),
        "interpreter": _("tolk"),
        "other": _("annat (se anmälan)"),
    }
    return ", ".join(
        _("%(count)d behöver %(need)s") % {"count": tally[key], "need": need}
        for key, need in words.items()
        if tally[key]
    )


class EventRegistration(models.Model):
    """One resident's anmälan: a name, a way to reach them and what they need."""

    event = models.ForeignKey(
        DialogueEvent,
        verbose_name=_("tillfälle"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    name = models.CharField(_("namn"), max_length=120)
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    email = models.EmailField(_("e-post"), max_length=254, blank=True)
    needs_transport = models.BooleanField(_("behöver skjuts"), default=False)
    needs_childcare = models.BooleanField(_("behöver barnpassning"), default=False)
    children = models.PositiveSmallIntegerField(_("antal barn"), null=True, blank=True)
    needs_hearing_loop = models.BooleanField(_("behöver hörslinga"), default=False)
    needs_interpreter = models.BooleanField(_("behöver tolk"), default=False)
    interpreter_language = models.CharField(_("språk för tolk"), max_length=60, blank=True)
    other_needs = models.TextField(_("annat"), max_length=OTHER_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(_("anmäld"), auto_now_add=True)

    objects = EventRegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("anmälan")
        verbose_name_plural = _("anmälningar")

    def __str__(self):
        return f"{self.name} ({self.event})"

    def needs(self):
        """What the resident asked for, each in a short sentence-part, for pages and emails."""
        needs = []
        if self.needs_transport:
            needs.append(_("skjuts till och från tillfället"))
        if self.needs_childcare:
            needs.append(
                ngettext(
                    "barnpassning för %(count)d barn",
                    "barnpassning för %(count)d barn",
                    self.children or 1,
                )
                % {"count": self.children or 1}
            )
        if self.needs_hearing_loop:
            needs.append(_("hörslinga"))
        if self.needs_interpreter:
            needs.append(
                _("tolk till %(language)s") % {"language": self.interpreter_language}
                if self.interpreter_language
                else _("tolk")
            )
        return [str(need) for need in needs]

    def needs_text(self):
        """The needs in one phrase: "barnpassning för 2 barn och hörslinga"."""
        needs = self.needs()
        if len(needs) < 2:
            return "".join(needs)
        return _("%(first)s och %(last)s") % {"first": ", ".join(needs[:-1]), "last": needs[-1]}
