"""Site search at /sok/: pages now, public proposals later."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse
from wagtail.models import Page, Site

from rounds.models import DialoguePage
from rounds.queries import attach_places

from .query import MAX_QUERY_LENGTH, build_query, clean_terms

RESULTS_PER_PAGE = 10


def search(request):
    raw_query = request.GET.get("q", "").strip()
    terms = clean_terms(raw_query)
    results = None
    if terms:
        site = Site.find_for_request(request)
        pages = Page.objects.live().public().descendant_of(site.root_page, inclusive=True)
        found = pages.specific().search(build_query(terms))
        paginator = Paginator(found, RESULTS_PER_PAGE)
        try:
            results = paginator.page(request.GET.get("sida", 1))
        except (PageNotAnInteger, EmptyPage):
            results = paginator.page(1)
        # Dialogues share titles like "Utvecklingsdialog 2026": show their village too.
        attach_places(page for page in results if isinstance(page, DialoguePage))
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "query": raw_query[:MAX_QUERY_LENGTH],
            "searched": bool(raw_query),
            "usable_query": bool(terms),
            "results": results,
        },
    )
