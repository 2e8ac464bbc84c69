"""The search as a visitor uses it (the page at /sok/), and Wagtail's search index read back as
text, to prove what is and is not in it."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import TextField
from django.db.models.functions import Cast
from wagtail.search.models import IndexEntry

from rounds.models import Proposal
from tests.support.html import soup, text_of


def search(client, params, host=None):
    """GET /sok/ with these parameters (on another site's `host`); the parsed page."""
    extra = {"HTTP_HOST": host} if host else {}
    response = client.get("/sok/", params, **extra)
    assert response.status_code == 200, f"{params!r} answered {response.status_code}"
    return soup(response)


def result_titles(page):
    return [text_of(title) for title in page.select(".search-result__title")]


def proposal_results(page):
    return [
        text_of(result.select_one(".search-result__title"))
        for result in page.select(".search-result--proposal")
    ]


def index_columns():
    """Every text column of the index, whatever the database: SQLite keeps text; PostgreSQL
    keeps tsvectors and plain-text mirrors of them."""
    return [
        field.name
        for field in IndexEntry._meta.concrete_fields
        if isinstance(field, TextField) or field.get_internal_type() == "SearchVectorField"
    ]


def proposal_entries():
    return IndexEntry.objects.filter(content_type=ContentType.objects.get_for_model(Proposal))


def indexed_texts():
    """The text of every proposal's index entry, lower-cased."""
    values = {f"as_text_{name}": Cast(name, TextField()) for name in index_columns()}
    return [
        " ".join(filter(None, entry.values())).lower()
        for entry in proposal_entries().values(**values)
    ]
