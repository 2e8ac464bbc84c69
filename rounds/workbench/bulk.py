"""Bulk actions on the proposals list: publish, hide or answer many at once, after a
confirmation that names them. A mixin for a wagtail-modeladmin view, composed in `modeladmin`.

The list's form sends here by GET what was chosen (`bulk_forms.SelectionForm`); this view shows
how many and which, with what the action asks for, and the confirmation comes back by POST with
the ids confirmed, so a proposal that arrives in the list meanwhile is never touched unseen.
Everything goes through the services (`rounds.proposals.services`), in one transaction: all
the proposals change, or none does. Proposals an action cannot apply to (withdrawn ones are
never published, nor in bulk one with a photo or personal details the moderator has not seen;
pending ones are not answered) are skipped and named, never refused in silence.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin import messages

from ..models import Proposal
from ..models.proposals import Visibility
from ..proposals import personal_details, services
from .bulk_forms import (
    ACTION_FORMS,
    ACTIONS,
    HIDE,
    MAX_PROPOSALS,
    PUBLISH,
    UPDATE,
    ConfirmedForm,
    SelectionForm,
)
from .listing import listed
from .walk import list_url

# How many references the confirmation names before "och N till".
NAMED = 10


def skip_reason(action, proposal):
    """Why `action` does not apply to `proposal`, or None when it does."""
    if action == PUBLISH and proposal.withdrawn_at:
        return _("återkallat av invånaren")
    if action == PUBLISH and proposal.visibility == Visibility.PUBLIC:
        return _("redan publicerat")
    # Moderation sees what it publishes: a photo, or what looks like a phone number or an
    # address in the text, is looked at on the proposal's own moderation page.
    if action == PUBLISH and proposal.photo:
        return _("har ett foto som ska ses innan det publiceras")
    if action == PUBLISH and has_personal_details(proposal):
        return _("texten ser ut att innehålla personuppgifter")
    if action == HIDE and proposal.visibility == Visibility.HIDDEN:
        return _("redan dolt")
    if action == UPDATE and proposal.visibility == Visibility.PENDING:
        return _("väntar på moderering")
    return None


def has_personal_details(proposal):
    texts = (proposal.public_title, proposal.public_body, proposal.location)
    return any(personal_details.find(text) for text in texts)


def done_message(action, count, form):
    if action == PUBLISH:
        return ngettext(
            "%(count)d förslag publicerat.", "%(count)d förslag publicerade.", count
        ) % {"count": count}
    if action == HIDE:
        return ngettext("%(count)d förslag dolt.", "%(count)d förslag dolda.", count) % {
            "count": count
        }
    status = dict(form.fields["status"].choices)[form.cleaned_data["status"]]
    return _("%(count)d förslag har fått status ”%(status)s”.") % {
        "count": count,
        "status": status,
    }


def skipped_message(skipped):
    named = ", ".join(f"{proposal.reference} ({reason})" for proposal, reason in skipped)
    return _("%(count)d förslag hoppades över: %(named)s.") % {
        "count": len(skipped),
        "named": named,
    }


class BulkAction:
    """The confirmation (GET, from the list's form) and the action itself (POST)."""

    page_title = gettext_lazy("Gör med flera förslag")
    template_name = "rounds/workbench/bulk_confirm.html"

    def check_action_permitted(self, user):
        return bool(self.allowed_actions(user))

    def allowed_actions(self, user):
        helper = self.permission_helper
        allowed = set()
        if helper.user_can_moderate(user):
            allowed |= {PUBLISH, HIDE}
        if helper.user_can_answer(user):
            allowed.add(UPDATE)
        return allowed

    def require(self, action):
        """403 for an action the user may not take (the list only offers those they may)."""
        if action not in self.allowed_actions(self.request.user):
            raise PermissionDenied

    def get(self, request, *args, **kwargs):
        selection = SelectionForm(request.GET)
        if not selection.is_valid():
            return self.back(selection.data.get("list_query", ""), selection.errors)
        data = selection.cleaned_data
        self.require(data["action"])
        proposals = listed(self.model_admin, request, data["list_query"])
        if not selection.everything_listed:
            proposals = proposals.filter(pk__in=selection.chosen_ids())
        ids = list(proposals.values_list("pk", flat=True)[: MAX_PROPOSALS + 1])
        if not ids:
            return self.back(data["list_query"], _("Inga förslag i listan att välja."))
        if len(ids) > MAX_PROPOSALS:
            return self.back(
                data["list_query"],
                _("Välj högst %(max)d förslag åt gången; filtrera listan mer.")
                % {"max": MAX_PROPOSALS},
            )
        confirmed = ConfirmedForm(
            initial={"action": data["action"], "ids": ids, "list_query": data["list_query"]}
        )
        form = ACTION_FORMS[data["action"]]()
        return self.confirm(data["action"], ids, data["list_query"], confirmed, form)

    def post(self, request, *args, **kwargs):
        confirmed = ConfirmedForm(request.POST)
        if not confirmed.is_valid() or not confirmed.cleaned_data["ids"]:
            return self.back(confirmed.data.get("list_query", ""), _("Välj förslagen igen."))
        data = confirmed.cleaned_data
        action, ids = data["action"], data["ids"][:MAX_PROPOSALS]
        self.require(action)
        form = ACTION_FORMS[action](request.POST)
        proposals, skipped = self.partition(action, ids)
        if form.is_valid():
            form.check(proposals)
        if not form.is_valid() or not proposals:
            return self.confirm(action, ids, data["list_query"], confirmed, form, status=400)
        try:
            with transaction.atomic():
                for proposal in proposals:
                    self.apply(action, proposal, form)
        except ValidationError as error:  # a rule the check could not foresee: nothing saved
            form.add_error(None, error)
            return self.confirm(action, ids, data["list_query"], confirmed, form, status=400)
        messages.success(request, done_message(action, len(proposals), form))
        if skipped:
            messages.warning(request, skipped_message(skipped))
        return redirect(list_url(self.url_helper, data["list_query"]))

    def apply(self, action, proposal, form):
        user = self.request.user
        if action == PUBLISH:
            services.publish(proposal, user=user)
        elif action == HIDE:
            services.hide(proposal, reason=form.cleaned_data["hidden_reason"], user=user)
        else:
            services.add_update(proposal, user=user, **form.update_fields(proposal))

    def partition(self, action, ids):
        """The proposals of `ids` the action applies to and those it skips with why, both in
        the order of `ids` (the list's). Ids no longer in the database are dropped."""
        rows = Proposal.objects.select_related("responsible", "dialogue", "progress_step").in_bulk(
            ids
        )
        proposals, skipped = [], []
        for pk in ids:
            if pk in rows:
                reason = skip_reason(action, rows[pk])
                (skipped.append((rows[pk], reason)) if reason else proposals.append(rows[pk]))
        return proposals, skipped

    def confirm(self, action, ids, list_query, confirmed, form, status=200):
        proposals, skipped = self.partition(action, ids)
        context = self.get_context_data(
            action=action,
            action_label=ACTIONS[action],
            proposals=proposals,
            named=proposals[:NAMED],
            unnamed=max(len(proposals) - NAMED, 0),
            skipped=skipped,
            confirmed=confirmed,
            form=form,
            list_url=list_url(self.url_helper, list_query),
        )
        return self.render_to_response(context, status=status)

    def back(self, list_query, errors):
        """Back to the list with why nothing was done."""
        if isinstance(errors, dict):
            errors = " ".join(str(message) for error in errors.values() for message in error)
        messages.error(self.request, errors)
        return redirect(
            list_url(self.url_helper, list_query if isinstance(list_query, str) else "")
        )
