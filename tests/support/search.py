"""Reading Wagtail's search index back as text, to prove what is and is not in it."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import TextField
from django.db.models.functions import Cast
from wagtail.search.models import IndexEntry

from rounds.models import Proposal


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
