"""The workbench's views of one proposal: inspect, history, edit, and the actions on it
(moderate, answer, register, its photo), all through the services in `rounds.proposals`.

Mixins for wagtail-modeladmin's views, which `modeladmin` composes: this module holds what the
views do, that one how they are wired into the admin.
"""

import mimetypes

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.log_actions import registry as log_registry

from ..models.proposals import Status, Visibility
from ..proposals import personal_details, services
from .answer_forms import AnswerForm
from .duplicates import duplicate_message, similar_proposals
from .forms import EditForm, ModerationForm, RegisterForm

EDIT_PANELS = [
    FieldPanel("theme"),
    FieldPanel("location"),
    FieldPanel("tags"),
    MultiFieldPanel(
        [FieldPanel("public_title"), FieldPanel("public_body")],
        heading=gettext_lazy("Publik text"),
    ),
]
PERSONAL_PANELS = MultiFieldPanel(
    [
        FieldPanel("name"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("postal_address"),
        FieldPanel("reply_by_letter"),
        FieldPanel("display_name"),
        FieldPanel("show_name"),
        FieldPanel("notify_status"),
        FieldPanel("age_group"),
    ],
    heading=gettext_lazy("Personuppgifter"),
)


def forbidden(request):
    """403 with an explanation, in the admin's layout."""
    return TemplateResponse(request, "rounds/workbench/forbidden.html", status=403)


class InspectProposal:
    """Everything about one proposal; its personal data only for those allowed to see it."""

    page_title = gettext_lazy("Förslag")

    def get_fields_dict(self):
        # The template lays the fields out itself, so no field can slip through unchecked.
        return []

    def get_context_data(self, **kwargs):
        proposal, user = self.instance, self.request.user
        moderation = (
            log_registry.get_logs_for_instance(proposal)
            .filter(action__in=["rounds.proposal.publish", "rounds.proposal.hide"])
            .select_related("user")
            .first()
        )
        context = {
            "proposal": proposal,
            "village": proposal.dialogue.get_parent(),
            "updates": proposal.updates.select_related("responsible", "author"),
            "moderation": moderation,
            "can_view_personal_data": self.permission_helper.user_can_view_personal_data(user),
            **self.letter_context(),
            "history_url": self.url_helper.get_action_url("history", self.pk_quoted),
            "photo_url": (
                self.url_helper.get_action_url("photo", self.pk_quoted) if proposal.photo else None
            ),
            "public_url": proposal.get_public_url(self.request) if proposal.is_public else None,
            # The footer is dark: solid buttons, not the index's outlined ones.
            "buttons": self.button_helper.get_buttons_for_obj(
                proposal, exclude=["inspect"], classnames_exclude=["button-secondary"]
            ),
        }
        context.update(kwargs)
        return super().get_context_data(**context)

    def letter_context(self):
        """When answer letters were printed (internal steps, as in the audit log everyone here
        may read), and the letter's button only with the personal data: a letter is the
        resident's name and address."""
        proposal, user = self.instance, self.request.user
        can_print = proposal.reply_by_letter and (
            self.permission_helper.user_can_view_personal_data(user)
        )
        return {
            "letter_url": self.url_helper.get_action_url("letter", self.pk_quoted)
            if can_print
            else None,
            "letters_printed": log_registry.get_logs_for_instance(proposal)
            .filter(action="rounds.proposal.letter_printed")
            .select_related("user")
            .order_by("timestamp", "pk"),
        }


class ProposalHistory:
    """The audit log of one proposal: for those who may see the proposal."""

    def check_action_permitted(self, user):
        return self.permission_helper.user_can_inspect_obj(user, self.instance)


class EditProposal:
    """Theme, place, tags and public text; never the status, nor the resident's original text."""

    def get_edit_handler(self):
        panels = list(EDIT_PANELS)
        if self.permission_helper.user_can_view_personal_data(self.request.user):
            panels.append(PERSONAL_PANELS)
        return ObjectList(panels, base_form_class=EditForm).bind_to_model(self.model)


class ProposalAction:
    """Base of the views that act on one proposal through a form."""

    def get_success_url(self):
        return self.url_helper.get_action_url("inspect", self.pk_quoted)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("inspect_url", self.get_success_url())
        return super().get_context_data(**kwargs)

    def form_invalid(self, form):
        messages.validation_error(self.request, _("Rätta felen nedan."), form)
        return super().form_invalid(form)


class ModerateProposal(ProposalAction):
    """Publish with or without the photo, hide, or publish as a duplicate, seeing all of it:
    the photo, the resident's text with its personal details marked, and similar proposals."""

    page_title = gettext_lazy("Moderera")
    template_name = "rounds/workbench/moderate.html"

    def check_action_permitted(self, user):
        helper, proposal = self.permission_helper, self.instance
        allowed = helper.user_can_moderate_obj(user, proposal)
        if self.marks_duplicate:  # a status: those who may answer
            allowed = allowed and helper.user_can_answer_obj(user, proposal)
        return allowed

    @property
    def marks_duplicate(self):
        return self.request.method == "POST" and "duplicate_of" in self.request.POST

    def get_form_class(self):
        return ModerationForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["action"] = (
            ModerationForm.DUPLICATE if self.marks_duplicate else self.request.POST.get("action")
        )
        kwargs["proposal"] = self.instance
        kwargs["initial"] = {
            "public_title": self.instance.public_title,
            "public_body": self.instance.public_body,
            "hidden_reason": self.instance.hidden_reason,
        }
        return kwargs

    def get_context_data(self, **kwargs):
        proposal, user = self.instance, self.request.user
        original = [proposal.title, proposal.body, proposal.location]
        kwargs.update(
            photo_url=(
                self.url_helper.get_action_url("photo", self.pk_quoted) if proposal.photo else None
            ),
            original_title=personal_details.highlight(proposal.title),
            original_body=personal_details.highlight(proposal.body),
            original_location=personal_details.highlight(proposal.location),
            original_notice=personal_details.notice(
                [finding for text in original for finding in personal_details.find(text)]
            ),
            similar=similar_proposals(proposal),
            can_mark_duplicate=self.permission_helper.user_can_answer_obj(user, proposal),
        )
        return super().get_context_data(**kwargs)

    def form_valid(self, form):
        proposal, data, user = self.instance, form.cleaned_data, self.request.user
        original = data["duplicate_of"] if form.action == ModerationForm.DUPLICATE else None
        if form.action == ModerationForm.HIDE:
            services.hide(proposal, reason=data["hidden_reason"], user=user)
            message = _("Förslaget %(ref)s är dolt.")
        else:
            with transaction.atomic():
                services.publish(
                    proposal,
                    user=user,
                    public_title=data["public_title"],
                    public_body=data["public_body"],
                    withhold_photo=form.withhold_photo,
                )
                if original is not None:
                    services.add_update(
                        proposal,
                        status=Status.DUPLICATE,
                        duplicate_of=original,
                        public_message=duplicate_message(original),
                        user=user,
                    )
            if original is not None:
                message = _("Förslaget %(ref)s är publicerat som dubblett av %(original)s.")
            elif proposal.photo_withheld:
                message = _("Förslaget %(ref)s är publicerat utan fotot.")
            else:
                message = _("Förslaget %(ref)s är publicerat.")
        messages.success(
            self.request,
            message % {"ref": proposal.reference, "original": getattr(original, "reference", "")},
        )
        return redirect(self.get_success_url())


class AnswerProposal(ProposalAction):
    """A new status with its public answer, started from an answer template if one fits.

    A proposal still waiting for moderation is not answered (the answer is public, the
    proposal may not become so): the page says so and links to moderation instead.
    """

    page_title = gettext_lazy("Besvara")
    template_name = "rounds/workbench/answer.html"

    def check_action_permitted(self, user):
        return self.permission_helper.user_can_answer_obj(user, self.instance)

    def get_form_class(self):
        return AnswerForm

    def get_form_kwargs(self):
        village = self.instance.dialogue.get_parent()
        return {**super().get_form_kwargs(), "proposal": self.instance, "village": village.title}

    def get_context_data(self, **kwargs):
        proposal, user = self.instance, self.request.user
        updates = proposal.updates.select_related("responsible", "author")
        pending = proposal.visibility == Visibility.PENDING
        can_moderate = self.permission_helper.user_can_moderate_obj(user, proposal)
        return super().get_context_data(
            updates=updates,
            pending=pending,
            moderate_url=(
                self.url_helper.get_action_url("moderate", self.pk_quoted)
                if pending and can_moderate
                else None
            ),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if AnswerForm.USE_TEMPLATE in request.POST:
            # Fill in the template and show the form again: nothing is saved, nothing lost.
            form, problem = self.get_form().with_template()
            if problem:
                messages.error(request, problem)
            return self.render_to_response(self.get_context_data(form=form))
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            update = services.add_update(
                self.instance, user=self.request.user, **form.update_fields()
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Förslaget %(ref)s har fått status ”%(status)s”.")
            % {"ref": self.instance.reference, "status": update.get_status_display()},
        )
        return redirect(self.get_success_url())


class RegisterProposal:
    """A proposal from the walk, the meeting, a letter or a call, registered by a case officer."""

    page_title = gettext_lazy("Registrera förslag")
    template_name = "rounds/workbench/register.html"

    def check_action_permitted(self, user):
        return self.permission_helper.user_can_create(user)

    def get_form_class(self):
        return RegisterForm

    def get_form_kwargs(self):
        user = self.request.user
        return {
            **super().get_form_kwargs(),
            "can_view_personal_data": self.permission_helper.user_can_view_personal_data(user),
            "can_publish": self.permission_helper.user_can_moderate(user),
        }

    def get_context_data(self, **kwargs):
        can_view = self.permission_helper.user_can_view_personal_data(self.request.user)
        return super().get_context_data(can_view_personal_data=can_view, **kwargs)

    def form_valid(self, form):
        proposal = form.save(commit=False)
        services.submit(proposal, user=self.request.user)
        if form.cleaned_data.get("publish_now"):
            services.publish(proposal, user=self.request.user)
        messages.success(
            self.request, _("Förslaget %(ref)s är registrerat.") % {"ref": proposal.reference}
        )
        return redirect(self.url_helper.get_action_url("inspect", proposal.pk))

    def form_invalid(self, form):
        messages.validation_error(self.request, _("Rätta felen nedan."), form)
        return super().form_invalid(form)


class ProposalPhoto:
    """The resident's photo, from private storage, for those who may inspect the proposal."""

    def check_action_permitted(self, user):
        return self.permission_helper.user_can_inspect_obj(user, self.instance)

    def get(self, request, *args, **kwargs):
        photo = self.instance.photo
        if not photo:
            raise Http404
        content_type = mimetypes.guess_type(photo.name)[0] or "application/octet-stream"
        try:
            opened = photo.open("rb")
        except FileNotFoundError as missing:  # e.g. media not restored with the database
            raise Http404 from missing
        response = FileResponse(opened, content_type=content_type)
        response["Cache-Control"] = "private, no-store"
        return response
