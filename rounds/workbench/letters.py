"""The workbench's answer letters: one proposal's letter, and every letter of a dialogue.

A letter is an HTML page with a print stylesheet (A4, the address where a window envelope
shows it) that the browser prints or saves as PDF: no PDF library on the server, and the case
officer sees exactly what will be printed. Confirming the printing (a POST) writes an internal
step in each proposal's history through `services.record_letters_printed`.

Mixins for wagtail-modeladmin's views, composed in `modeladmin` like those of `actions`. Every
view needs the personal-data permission: a letter is the resident's name and address.
"""

from django.contrib.admin.utils import quote
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin import messages
from wagtail.models import Page

from ..models import DialoguePage, Proposal
from ..proposals import letters, services
from .queries import possible_id

PRINT_TEMPLATE = "rounds/workbench/letters/print.html"


class LetterPermission:
    """Letters are personal data: only for those who may see it."""

    def check_action_permitted(self, user):
        return self.permission_helper.user_can_view_personal_data(user)


def print_page(request, context):
    """The print page, always in Swedish whatever the user's admin language: it goes by post."""
    context = {
        "sender": letters.sender(request),
        "today": timezone.localdate(),
        "signature": request.user.get_full_name(),
        **context,
    }
    with translation.override("sv"):
        return render(request, PRINT_TEMPLATE, context)


class ProposalLetter(LetterPermission):
    """One proposal's answer letter (GET), and the note that it was printed (POST)."""

    def letter_proposal(self):
        """The proposal with what its letter says, or None when no letter can be written."""
        proposal = letters.letter_proposals(Proposal.objects.filter(pk=self.instance.pk)).get()
        if not (proposal.reply_by_letter and proposal.name.strip() and proposal.postal_address):
            return None
        return proposal

    def refused(self, request):
        """No letter: the resident did not ask for one, or the address is missing (404)."""
        context = {
            "view": self,
            "proposal": self.instance,
            "inspect_url": self.url_helper.get_action_url("inspect", self.pk_quoted),
            "edit_url": self.url_helper.get_action_url("edit", self.pk_quoted),
        }
        return render(request, "rounds/workbench/letters/refused.html", context, status=404)

    def get(self, request, *args, **kwargs):
        proposal = self.letter_proposal()
        if proposal is None:
            return self.refused(request)
        return print_page(
            request,
            {
                "title": _("Svarsbrev %(ref)s") % {"ref": proposal.reference},
                "letters": [letters.letter(proposal, request)],
                "back_url": self.url_helper.get_action_url("inspect", self.pk_quoted),
                "back_label": _("Tillbaka till förslaget"),
                "confirm_url": request.path,
                "confirm_label": _("Brevet är utskrivet"),
            },
        )

    def post(self, request, *args, **kwargs):
        proposal = self.letter_proposal()
        if proposal is None:
            return self.refused(request)
        services.record_letters_printed([proposal], user=request.user)
        messages.success(
            request,
            _("Svarsbrevet för %(ref)s är noterat som utskrivet i förslagets historik.")
            % {"ref": proposal.reference},
        )
        return redirect(self.url_helper.get_action_url("inspect", self.pk_quoted))


class LetterDialogues(LetterPermission):
    """The dialogues that have residents waiting for answers by letter, to print them all."""

    page_title = gettext_lazy("Svarsbrev")
    template_name = "rounds/workbench/letters/dialogues.html"

    def get_context_data(self, **kwargs):
        counts = (
            Proposal.objects.filter(reply_by_letter=True, withdrawn_at=None)
            .exclude(postal_address="")
            .values("dialogue")
            .annotate(letters=Count("pk"))
        )
        by_dialogue = {row["dialogue"]: row for row in counts}
        dialogues = list(
            DialoguePage.objects.filter(pk__in=by_dialogue)
            .order_by("path")
            .only("title", "path", "depth")
        )
        rows = [
            {
                "label": dialogue.title,
                "letters": by_dialogue[dialogue.pk]["letters"],
                "url": self.url_helper.get_action_url("dialogue_letters", quote(dialogue.pk)),
            }
            for dialogue in dialogues
        ]
        return super().get_context_data(rows=rows, **kwargs)


class DialogueLetters(LetterPermission):
    """Every answer letter of one dialogue, each on a page of its own, and the note that they
    were printed. The POST names the letters the page showed, so a proposal registered in the
    meantime is not noted as answered before its letter was printed."""

    dialogue_pk = None

    def __init__(self, model_admin, dialogue_pk):
        super().__init__(model_admin)
        # A page's id is Page's (a dialogue's own key is the link to it, which has no range).
        pk = possible_id(dialogue_pk, Page)
        self.dialogue = (
            DialoguePage.objects.filter(pk=pk).only("title", "path", "depth").first()
            if pk is not None
            else None
        )
        if self.dialogue is None:
            raise Http404

    def get_page_title(self):
        return _("Svarsbrev: %(dialogue)s") % {"dialogue": self.dialogue.title}

    def get(self, request, *args, **kwargs):
        proposals = list(letters.letter_residents(self.dialogue))
        return print_page(
            request,
            {
                "title": self.get_page_title(),
                "letters": [letters.letter(proposal, request) for proposal in proposals],
                "back_url": self.url_helper.get_action_url("letters"),
                "back_label": _("Tillbaka till svarsbreven"),
                "confirm_url": request.path,
                "confirm_label": _("Breven är utskrivna"),
                "batch": True,
            },
        )

    def post(self, request, *args, **kwargs):
        wanted = {
            pk
            for value in request.POST.getlist("proposal")
            if (pk := possible_id(value, Proposal)) is not None
        }
        proposals = list(letters.letter_residents(self.dialogue).filter(pk__in=wanted))
        if not proposals:
            messages.error(
                request,
                _("Inga svarsbrev noterades: öppna breven igen och skriv ut dem först."),
            )
            return redirect(request.path)
        count = services.record_letters_printed(proposals, user=request.user)
        messages.success(
            request,
            ngettext(
                "%(count)s svarsbrev är noterat som utskrivet i förslagets historik.",
                "%(count)s svarsbrev är noterade som utskrivna i förslagens historik.",
                count,
            )
            % {"count": count},
        )
        return redirect(self.url_helper.get_action_url("letters"))
