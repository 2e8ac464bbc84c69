"""/halsa/: the load balancer learns whether the database and the cache answer, and nothing else."""

import json

import pytest
from django.db import OperationalError
from django.test import override_settings

from portal import health

pytestmark = pytest.mark.django_db


def get(client, **extra):
    return client.get("/halsa/", **extra)


def test_a_healthy_site_answers_200_with_each_part_ok(client):
    response = get(client)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {"status": "ok", "database": "ok", "cache": "ok"}


def test_the_answer_is_never_cached_and_sets_no_cookie(client):
    response = get(client)
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies


def test_a_database_that_does_not_answer_gives_503_naming_it(client, monkeypatch, caplog):
    def broken():
        raise OperationalError("connection refused to db.internal")

    monkeypatch.setitem(health.CHECKS, "database", broken)
    response = get(client)
    assert response.status_code == 503
    assert json.loads(response.content) == {"status": "fel", "database": "fel", "cache": "ok"}
    assert b"db.internal" not in response.content  # the error is logged, not shown
    assert "database" in caplog.text
    assert response["Cache-Control"] == "no-store"


def test_a_cache_that_does_not_answer_gives_503_naming_it(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise ConnectionError("Redis is down")

    monkeypatch.setattr(health.cache, "set", refuse)
    response = get(client)
    assert response.status_code == 503
    assert json.loads(response.content) == {"status": "fel", "database": "ok", "cache": "fel"}


def test_a_cache_that_forgets_counts_as_down(client, monkeypatch):
    monkeypatch.setattr(health.cache, "get", lambda key, default=None: default)
    response = get(client)
    assert response.status_code == 503
    assert json.loads(response.content)["cache"] == "fel"


@override_settings(SECURE_SSL_REDIRECT=True, ALLOWED_HOSTS=["ortsdialog.example.se"])
def test_a_plain_http_probe_by_address_is_answered_not_redirected(client):
    assert client.get("/", HTTP_HOST="10.0.0.5").status_code == 400  # other pages keep the rules
    response = get(client, HTTP_HOST="10.0.0.5")
    assert response.status_code == 200
    assert json.loads(response.content)["status"] == "ok"


def test_head_works_and_other_methods_are_refused(client):
    assert client.head("/halsa/").status_code == 200
    response = client.post("/halsa/")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
