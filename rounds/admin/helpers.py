"""Who may do what on the workbench, and the buttons that follow from it."""

from django.contrib.admin.utils import quote
from django.utils.translation import gettext as _
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper

from ..models.proposals import Visibility


class ProposalPermissionHelper(PermissionHelper):
    """Model-wide permissions, plus the proposal's own: personal data, moderate, answer."""

    def user_can_list(self, user):
        return self.user_has_specific_permission(user, "view_proposal") or self.user_can_edit(user)

    def user_can_edit(self, user):
        return self.user_has_specific_permission(user, "change_proposal")

    def user_can_inspect_obj(self, user, obj):
        return self.user_can_list(user)

    def user_can_view_personal_data(self, user):
        return self.user_has_specific_permission(user, "view_personal_data")

    def user_can_moderate(self, user):
        return self.user_has_specific_permission(user, "moderate_proposal")

    def user_can_moderate_obj(self, user, obj):
        """A proposal the resident withdrew is never published again."""
        return self.user_can_moderate(user) and obj.withdrawn_at is None

    def user_can_answer(self, user):
        return self.user_has_specific_permission(user, "answer_proposal")

    def user_can_answer_obj(self, user, obj):
        return self.user_can_answer(user)

    def user_can_export(self, user):
        return self.user_can_list(user)


class ProposalButtonHelper(ButtonHelper):
    """Swedish buttons, shown only when the user may follow them."""

    def _button(self, action, pk, label, title, classnames_add=None, classnames_exclude=None):
        classnames = ["button-secondary", *(classnames_add or [])]
        return {
            "url": self.url_helper.get_action_url(action, quote(pk)),
            "label": label,
            "classname": self.finalise_classname(classnames, classnames_exclude),
            "title": title,
        }

    def add_button(self, classnames_add=None, classnames_exclude=None):
        button = super().add_button(classnames_add, classnames_exclude)
        button.update(
            label=_("Registrera förslag"),
            title=_("Registrera ett förslag som kom in på annat sätt"),
        )
        return button

    def inspect_button(self, pk, classnames_add=None, classnames_exclude=None):
        button = super().inspect_button(pk, classnames_add, classnames_exclude)
        button.update(label=_("Visa"), title=_("Visa förslaget med hela historiken"))
        return button

    def edit_button(self, pk, classnames_add=None, classnames_exclude=None):
        button = super().edit_button(pk, classnames_add, classnames_exclude)
        button.update(label=_("Redigera"), title=_("Redigera förslagets uppgifter"))
        return button

    def delete_button(self, pk, classnames_add=None, classnames_exclude=None):
        button = super().delete_button(pk, classnames_add, classnames_exclude)
        button.update(label=_("Radera"), title=_("Radera förslaget"))
        return button

    def moderate_button(self, obj, classnames_add=None, classnames_exclude=None):
        label = _("Granska") if obj.visibility == Visibility.PENDING else _("Ändra synlighet")
        title = _("Publicera eller dölj förslaget")
        return self._button("moderate", obj.pk, label, title, classnames_add, classnames_exclude)

    def answer_button(self, obj, classnames_add=None, classnames_exclude=None):
        title = _("Ny status och svar till invånaren")
        return self._button(
            "answer", obj.pk, _("Besvara"), title, classnames_add, classnames_exclude
        )

    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        exclude = exclude or []
        helper, user = self.permission_helper, self.request.user
        buttons = []
        if "inspect" not in exclude and helper.user_can_inspect_obj(user, obj):
            buttons.append(self.inspect_button(obj.pk, classnames_add, classnames_exclude))
        if "moderate" not in exclude and helper.user_can_moderate_obj(user, obj):
            buttons.append(self.moderate_button(obj, classnames_add, classnames_exclude))
        if "answer" not in exclude and helper.user_can_answer_obj(user, obj):
            buttons.append(self.answer_button(obj, classnames_add, classnames_exclude))
        if "edit" not in exclude and helper.user_can_edit_obj(user, obj):
            buttons.append(self.edit_button(obj.pk, classnames_add, classnames_exclude))
        if "delete" not in exclude and helper.user_can_delete_obj(user, obj):
            buttons.append(self.delete_button(obj.pk, classnames_add, classnames_exclude))
        return buttons

    def get_primary_button(self, obj):
        if self.permission_helper.user_can_inspect_obj(self.request.user, obj):
            return self.inspect_button(obj.pk)
        return None
