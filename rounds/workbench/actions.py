"""The workbench's views of one proposal: inspect, history, edit, and the actions on it
(moderate, answer, register, its photo), all through the services in `rounds.proposals`.

Mixins for wagtail-modeladmin's views, which `modeladmin` composes: this module holds what the
views do, that one how they are wired into the admin.
"""

import mimetypes

from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.log_actions import registry as log_registry

from ..models.proposals import Visibility
from ..proposals import services
from .forms import AnswerForm, EditForm, ModerationForm, RegisterForm

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
    page_title = gettext_lazy("Moderera")
    template_name = "rounds/workbench/moderate.html"

    def check_action_permitted(self, user):
        return self.permission_helper.user_can_moderate_obj(user, self.instance)

    def get_form_class(self):
        return ModerationForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["action"] = self.request.POST.get("action")
        kwargs["initial"] = {
            "public_title": self.instance.public_title,
            "public_body": self.instance.public_body,
            "hidden_reason": self.instance.hidden_reason,
        }
        return kwargs

    def form_valid(self, form):
        proposal, data = self.instance, form.cleaned_data
        if form.action == ModerationForm.PUBLISH:
            services.publish(
                proposal,
                user=self.request.user,
                public_title=data["public_title"],
                public_body=data["public_body"],
            )
            messages.success(
                self.request, _("Förslaget %(ref)s är publicerat.") % {"ref": proposal.reference}
            )
        else:
            services.hide(proposal, reason=data["hidden_reason"], user=self.request.user)
            messages.success(
                self.request, _("Förslaget %(ref)s är dolt.") % {"ref": proposal.reference}
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
