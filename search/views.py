"""Site search at /sok/: pages, and public proposals as a second group of results."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backend

from rounds.models import DialoguePage, Proposal
from rounds.pages.tree import attach_places
from rounds.proposals.queries import PRIVATE_FIELDS

from .query import MAX_QUERY_LENGTH, build_query, clean_terms

RESULTS_PER_PAGE = 10
SEARCH_MAX_AGE = 60


def paginate(found, number):
    """One page of results; a page number that is not one shows the first page."""
    paginator = Paginator(found, RESULTS_PER_PAGE)
    try:
        return paginator.page(number or 1)
    except (PageNotAnInteger, EmptyPage):
        return paginator.page(1)


def search_proposals(query, site):
    """Public proposals of the site matching `query`; only public fields are indexed or loaded."""
    proposals = (
        Proposal.objects.public()
        .filter(dialogue__in=DialoguePage.objects.descendant_of(site.root_page))
        .select_related("dialogue", "theme")
        .defer(*PRIVATE_FIELDS, "dialogue__body", "dialogue__summary")
    )
    return get_search_backend().search(query, proposals)


def search(request):
    raw_query = request.GET.get("q", "").strip()
    terms = clean_terms(raw_query)
    results = proposal_results = None
    if terms:
        site = Site.find_for_request(request)
        query = build_query(terms)
        pages = Page.objects.live().public().descendant_of(site.root_page, inclusive=True)
        results = paginate(pages.specific().search(query), request.GET.get("sida"))
        proposal_results = paginate(search_proposals(query, site), request.GET.get("forslagssida"))
        attach_places(proposal.dialogue for proposal in proposal_results)
    response = TemplateResponse(
        request,
        "search/search.html",
        {
            "query": raw_query[:MAX_QUERY_LENGTH],
            "searched": bool(raw_query),
            "usable_query": bool(terms),
            "results": results,
            "proposal_results": proposal_results,
        },
    )
    # A CDN cannot be told to forget every query ever asked: it keeps a result a minute at
    # most. Our own page cache forgets them with every change (portal/page_cache.py).
    patch_cache_control(response, public=True, max_age=SEARCH_MAX_AGE, s_maxage=SEARCH_MAX_AGE)
    return response
