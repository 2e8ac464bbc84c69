"""The workbench's list: only the declared filters, a bounded search, the count of each status,
and the export of the same list. A mixin for wagtail-modeladmin's IndexView (composed in
`modeladmin`), and `listed`: the same list for a query string, for the views that work through
it (the bulk actions, "Spara och nästa").
"""

from copy import copy

from django.contrib.admin.filters import FieldListFilter
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import get_fields_from_path, lookup_spawns_duplicates
from django.db.models import Count, Q
from django.http import QueryDict

from ..models.proposals import Status
from .bulk_forms import ACTIONS, HIDE, PUBLISH, UPDATE
from .exports import export_response
from .filters import worded_choices

# More words than this in a search are dropped: each one adds a nested condition to the query.
MAX_SEARCH_WORDS = 10
# What a list's query string may say about the list itself; the page and the export are not it.
NOT_THE_LIST = ("p", "export")
# A query string longer than this is no list a person made: it is taken as the whole list.
MAX_QUERY_LENGTH = 2000


def list_query(query):
    """The list's part of a query string ("status__exact=received&q=buss"), as a string: the
    filters, the search and the order, without the page or the export."""
    if not isinstance(query, str) or len(query) > MAX_QUERY_LENGTH:
        return ""
    params = QueryDict(query, mutable=True)
    for name in NOT_THE_LIST:
        params.pop(name, None)
    return params.urlencode()


def listed(model_admin, request, query):
    """The proposals of the list that `query` shows, in its order: the list's own filters,
    search and ordering, so a bulk action or a walk through the list never disagrees with it.

    Runs the list view itself (`model_admin.listed_view_class`, stopped at its queryset), as the
    user who asks: a user who may not see the list gets PermissionDenied.
    """
    listing_request = copy(request)
    listing_request.method = "GET"
    listing_request.GET = QueryDict(list_query(query))
    return model_admin.listed_view_class.as_view(model_admin=model_admin)(listing_request)


class StopsAtQueryset:
    """The list view answering with its filtered, searched and ordered queryset, not a page."""

    def get(self, request, *args, **kwargs):
        return self.queryset


def without_nul(query):
    """A copy of a query string without NUL characters, which PostgreSQL refuses in any text."""
    cleaned = QueryDict(mutable=True)
    for key, values in query.lists():
        cleaned.setlist(key.replace("\x00", ""), [value.replace("\x00", "") for value in values])
    return cleaned


class ProposalListing:
    """The filtered list, the count of each status, and the export of the same list."""

    export_buttons_template_name = "rounds/workbench/includes/export_buttons.html"
    _filtered = None

    def dispatch(self, request, *args, **kwargs):
        request.GET = without_nul(request.GET)
        return super().dispatch(request, *args, **kwargs)

    def get_filters(self, request):
        """The declared filters, each taking its own parameters; any other parameter is dropped.

        The base view turns every parameter left over into an ORM lookup, on any field and across
        any relation (personal data, internal notes, password hashes), whoever asks, and answers
        500 to a name it does not know. Here the list is as if the parameter were absent.
        """
        lookup_params = self.get_filters_params()
        specs = [self.filter_spec(request, spec, lookup_params) for spec in self.list_filter]
        if lookup_params:  # nor do the page's links carry it on
            request.GET = request.GET.copy()
            for name in lookup_params:
                self.params.pop(name, None)
                request.GET.pop(name, None)
        specs = [spec for spec in specs if spec.has_output()]
        use_distinct = any(
            lookup_spawns_duplicates(self.opts, spec)
            for spec in self.list_filter
            if isinstance(spec, str)
        )
        return specs, bool(specs), {}, use_distinct

    def filter_spec(self, request, list_filter, lookup_params):
        """A `SimpleListFilter` class or a field name of `list_filter`, taking its parameters."""
        if isinstance(list_filter, str):
            field = get_fields_from_path(self.model, list_filter)[-1]
            return FieldListFilter.create(
                field, request, lookup_params, self.model, self.model_admin, field_path=list_filter
            )
        return list_filter(request, lookup_params, self.model, self.model_admin)

    def get_queryset(self, request=None):
        # The base view asks twice (dispatch and context); filter and search only once.
        if self._filtered is None:
            try:
                self._filtered = super().get_queryset(request)
            except IncorrectLookupParameters:
                # A declared filter with a value of the wrong type (`theme__id__exact=x`).
                self._filtered = self.get_base_queryset(request).none()
        return self._filtered

    def get_search_results(self, request, queryset, search_term):
        words = search_term.split()[:MAX_SEARCH_WORDS]
        return super().get_search_results(request, queryset, " ".join(words))

    def as_spreadsheet(self, queryset, spreadsheet_format):
        can_view = self.permission_helper.user_can_view_personal_data(self.request.user)
        return export_response(queryset, spreadsheet_format, can_view, self.request)

    def filter_groups(self):
        """Each filter's title, its choices (the first is every proposal) and the value chosen,
        if any."""
        groups = []
        for spec in self.filter_specs:
            choices = worded_choices(spec, list(spec.choices(self)))
            chosen = [choice["display"] for choice in choices[1:] if choice["selected"]]
            groups.append(
                {"title": spec.title, "choices": choices, "active": ", ".join(map(str, chosen))}
            )
        return groups

    def status_counts(self):
        """Each status with its count in the filtered list: one query."""
        counts = (
            self.get_queryset()
            .order_by()
            .aggregate(**{value: Count("pk", filter=Q(status=value)) for value in Status.values})
        )
        return [
            {
                "label": label,
                "count": counts[value],
                "url": self.get_query_string({"status__exact": value}),
            }
            for value, label in Status.choices
        ]

    def bulk_actions(self):
        """The bulk actions this user may take on the list, as (value, label); none, no boxes."""
        helper, user = self.permission_helper, self.request.user
        allowed = {PUBLISH: helper.user_can_moderate(user), HIDE: helper.user_can_moderate(user)}
        allowed[UPDATE] = helper.user_can_answer(user)
        return [(value, label) for value, label in ACTIONS.items() if allowed[value]]

    def bulk_url(self):
        return self.url_helper.get_action_url("bulk")

    def list_query(self):
        """This list's query string, for the bulk actions and the walk to come back to."""
        return list_query(self.request.GET.urlencode())
