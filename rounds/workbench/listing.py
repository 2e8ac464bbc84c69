"""The workbench's list: only the declared filters, a bounded search, the count of each status,
and the export of the same list. A mixin for wagtail-modeladmin's IndexView (composed in
`modeladmin`)."""

from django.contrib.admin.filters import FieldListFilter
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import get_fields_from_path, lookup_spawns_duplicates
from django.db.models import Count, Q
from django.http import QueryDict

from ..models.proposals import Status
from .exports import export_response
from .filters import worded_choices

# More words than this in a search are dropped: each one adds a nested condition to the query.
MAX_SEARCH_WORDS = 10


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
