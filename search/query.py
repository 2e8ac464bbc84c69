"""Turns what a resident typed into a safe search query that understands Swedish endings."""

import re

import snowballstemmer
from django.db import connection
from wagtail.search.query import And, PlainText

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
WORD = re.compile(r"\w+", re.UNICODE)

_stemmer = snowballstemmer.stemmer("swedish")


def clean_terms(raw):
    """The words of a query, lower-cased, without operators or punctuation."""
    words = WORD.findall((raw or "")[:MAX_QUERY_LENGTH].lower())
    return [word for word in words if len(word) > 1 or word.isdigit()][:MAX_TERMS]


def build_query(terms):
    """A query every term of which must match, each as a prefix (see search/backend.py).

    PostgreSQL stems each term with its Swedish configuration. SQLite's FTS5 has no Swedish
    stemmer, so there each word is cut to its stem first: "vandringar" finds "vandringen".
    """
    if connection.vendor != "postgresql":
        terms = [_stemmer.stemWord(term) for term in terms]
    return And([PlainText(term) for term in terms])
