"""Save and go on ("Spara och nästa"): from one proposal to the next in the list it came from.

The list's links to moderate and answer carry its query string (`?next_in=<the list's query>`),
so the filters, the search and the order survive the detour. After saving, the view goes on to
the next proposal in that list, in its order after this one, that still needs the same action,
or back to the list when there is none. Which proposals need which action is said once here;
the list itself is `listing.listed`, the same filters the list shows.
"""

from django.db.models import Q
from django.shortcuts import redirect
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from wagtail.admin import messages

from ..models.proposals import Status, Visibility
from .listing import list_query, listed

NEXT_IN = "next_in"  # the list's query string, on the links to moderate and answer
THEN = "then"  # on the "… och nästa" button's address: go on after saving
# What each action still has to do: a proposal nobody has moderated, and a public proposal
# still waiting for the working group's decision (received, or only "Behandlas" so far).
STILL_NEEDS = {
    "moderate": Q(visibility=Visibility.PENDING, withdrawn_at=None),
    "answer": Q(visibility=Visibility.PUBLIC, status__in=[Status.RECEIVED, Status.REVIEWING]),
}


def action_url(url_helper, action, pk, query):
    """The address of `action` on proposal `pk`, remembering the list's query string."""
    url = url_helper.get_action_url(action, pk)
    return f"{url}?{urlencode({NEXT_IN: list_query(query)})}"


def list_url(url_helper, query):
    query = list_query(query)
    return f"{url_helper.index_url}?{query}" if query else url_helper.index_url


def following(proposals, action, current_pk):
    """The id of the proposal after `current_pk` in `proposals` (in their order) that still
    needs `action`, or None. One query, of ids only.

    When the current proposal is not in the list (the list was filtered on what this action
    changes), the walk starts from the top of what is left.
    """
    ids = list(
        proposals.filter(STILL_NEEDS[action] | Q(pk=current_pk)).values_list("pk", flat=True)
    )
    after = ids[ids.index(current_pk) + 1 :] if current_pk in ids else ids
    return next((pk for pk in after if pk != current_pk), None)


class SaveAndNext:
    """A mixin for the views of one proposal that saves and then goes on through the list.

    `walk_action` is the view's own action ("moderate", "answer"). The next proposal is found
    before saving, while this one still has its place in the list.
    """

    walk_action = None

    def list_query(self):
        return list_query(self.request.GET.get(NEXT_IN, ""))

    def get_context_data(self, **kwargs):
        query = {NEXT_IN: self.list_query(), THEN: "next"}
        kwargs.setdefault("save_and_next_url", f"{self.request.path}?{urlencode(query)}")
        return super().get_context_data(**kwargs)

    def form_valid(self, form):
        if self.request.GET.get(THEN) != "next":
            return super().form_valid(form)
        proposals = listed(self.model_admin, self.request, self.list_query())
        next_pk = following(proposals, self.walk_action, self.instance.pk)
        response = super().form_valid(form)
        if response.status_code != 302:  # not saved: the form again, with its errors
            return response
        if next_pk is None:
            messages.success(self.request, _("Inga fler förslag i listan."))
            return redirect(list_url(self.url_helper, self.list_query()))
        return redirect(action_url(self.url_helper, self.walk_action, next_pk, self.list_query()))
