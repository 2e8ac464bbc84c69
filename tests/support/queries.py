"""Counting the queries of one request, as a fresh process with an empty cache would make them."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext


def cold_request(client, url):
    """The response to one request with a cold cache, and the SQL of its queries.

    A first request makes the renditions; then the cache is emptied, so that cached renditions
    or site root paths cannot hide a query per item that a fresh process (or a purged cache)
    would make.
    """
    assert client.get(url).status_code == 200
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response, [query["sql"] for query in queries.captured_queries]


def count_queries(client, url):
    """The SQL of the queries for one request with a cold cache (see `cold_request`)."""
    return cold_request(client, url)[1]
