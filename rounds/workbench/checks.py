""" "Stämmer det?" in the admin: the residents' answers, and moderating their comments.

Moderators (`rounds.moderate_proposal`) see each answer with its proposal, and publish or hide
its comment; nobody adds or deletes answers here. No one's address or name is stored, so none
can be shown.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy

from ..models import ProposalCheck


class ModeratorsOnly(ModelPermissionPolicy):
    """View and change (a comment's visibility) for moderators; nobody adds or deletes."""

    def user_has_permission(self, user, action):
        return action in ("view", "change") and user.has_perm("rounds.moderate_proposal")

    def users_with_any_permission(self, actions):
        if not {"view", "change"} & set(actions):
            return self.auth_model.objects.none()
        return self._get_users_with_any_permission_codenames(["moderate_proposal"])


class ProposalCheckViewSet(ModelViewSet):
    model = ProposalCheck
    icon = "help"
    menu_label = _("Stämmer det?")
    menu_order = 260  # after "Förslag"
    add_to_admin_menu = True
    url_prefix = "stammer-det"
    name = "proposal_checks"
    list_display = ["proposal", "answer", "is_proposer", "comment", "comment_visibility"]
    list_filter = ["answer", "comment_visibility", "is_proposer"]
    form_fields = ["comment_visibility"]
    inspect_view_enabled = False
    copy_view_enabled = False

    def get_queryset(self, request):
        """Answered questions only, comments waiting for moderation first."""
        return (
            ProposalCheck.objects.exclude(answer="")
            .select_related("proposal")
            .order_by(~Q(comment_visibility="pending") | Q(comment=""), "-answered_at", "-pk")
        )

    @property
    def permission_policy(self):
        return ModeratorsOnly(self.model)


proposal_check_viewset = ProposalCheckViewSet()
