"""Text compression (Lighthouse): pages and static files go out gzipped to browsers that ask,
with the BREACH mitigation Django's GZipMiddleware brings, and a form still works through it."""

import gzip

import pytest
from django.conf import settings
from django.test import Client

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


def body_of(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize("name", ["home", "place", "dialogue"])
def test_pages_are_gzipped_for_browsers_that_ask(client, site_tree, name):
    response = client.get(site_tree[name].url, **GZIP)

    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    html = gzip.decompress(body_of(response)).decode()
    assert '<html lang="sv"' in html


def test_a_client_that_does_not_ask_gets_plain_text(client, site_tree):
    response = client.get(site_tree["home"].url)

    assert not response.has_header("Content-Encoding")
    assert b"<html" in response.content


def test_a_page_with_a_csrf_token_differs_in_length_each_time(site_tree, dialogue):
    """Django masks the token anew per response and pads gzip with random bytes (Heal the
    Breach): the compressed length does not reveal the token."""
    client = Client()
    url = dialogue.url + "lamna-forslag/"
    lengths = {len(body_of(client.get(url, **GZIP))) for _ in range(6)}

    assert len(lengths) > 1


def test_static_css_is_gzipped(client, db):
    response = client.get("/static/css/site.css", **GZIP)

    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert (
        gzip.decompress(body_of(response))
        == (settings.BASE_DIR / "static/css/site.css").read_bytes()
    )
