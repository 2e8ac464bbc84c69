"""The shared cache: a cache that cannot work fails the deploy checks or start-up, not every
request; a cache local to each process is warned about; the site works on Redis (issue 8, A)."""

import pytest
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from django.core.management import call_command
from django.test import Client

from portal.settings import base
from tests.support.production import manage, secret_key
from tests.support.redis_cache import redis_cache, redis_url, require_redis  # noqa: F401 - a fixture

PRODUCTION = {"SECRET_KEY": "", "ALLOWED_HOSTS": "ortsdialog.example.se"}


def deploy_check(**env):
    result = manage("check", "--deploy", **{**PRODUCTION, "SECRET_KEY": secret_key(), **env})
    return result.returncode, result.stdout + result.stderr


def test_a_process_local_cache_is_warned_about_in_the_deploy_checks():
    _, output = deploy_check(REDIS_URL="")

    assert "home.W001" in output
    assert "REDIS_URL" in output
    assert "System check identified 1 issue" in output


def test_an_unreachable_redis_fails_the_deploy_checks_with_a_clear_message():
    code, output = deploy_check(REDIS_URL="redis://127.0.0.1:1/0")

    assert code != 0
    assert "home.E001" in output
    assert "does not work" in output
    assert "Check REDIS_URL and that Redis is running" in output


def test_a_working_redis_passes_the_deploy_checks():
    require_redis()
    code, output = deploy_check(REDIS_URL=redis_url())

    assert code == 0, output
    assert "no issues" in output


def test_redis_url_without_the_redis_client_fails_at_start_up_not_per_request(tmp_path):
    # First on the path, a `redis` that cannot be imported, as when the client is missing.
    (tmp_path / "redis.py").write_text("raise ImportError('no Redis client here')\n")
    result = manage(
        "check",
        SECRET_KEY=secret_key(),
        ALLOWED_HOSTS="ortsdialog.example.se",
        REDIS_URL="redis://127.0.0.1:6379/0",
        PYTHONPATH=str(tmp_path),
    )

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "Redis client is not installed" in result.stderr


def test_the_redis_cache_has_short_socket_timeouts(monkeypatch):
    monkeypatch.setenv("REDIS_URL", "redis://cache.internal:6379/0")

    cache = base.cache_from_env()

    assert cache["BACKEND"] == "portal.web.redis_cache.RedisCache"
    assert cache["LOCATION"] == "redis://cache.internal:6379/0"
    assert 0 < cache["OPTIONS"]["socket_timeout"] <= 5
    assert 0 < cache["OPTIONS"]["socket_connect_timeout"] <= 5


@pytest.mark.django_db
def test_the_checks_in_process_pass_on_the_test_cache():
    call_command("check", "--deploy", "--tag", "caches", "--fail-level", "ERROR")


@pytest.mark.usefixtures("redis_cache")
def test_pages_answer_on_the_redis_cache(site_tree):
    client = Client()
    for page in (site_tree["home"], site_tree["place"], site_tree["dialogue"]):
        assert client.get(page.url).status_code == 200, page.url
    assert isinstance(caches["default"], RedisCache)
    cache.set("round-trip", "ok")
    assert cache.get("round-trip") == "ok"


@pytest.mark.usefixtures("redis_cache")
def test_the_redis_cache_makes_one_client_per_server_not_one_per_command():
    """Django's own makes a redis.Redis for every get and set (portal/web/redis_cache.py)."""
    client = cache._cache.get_client("a")

    cache.set("first", 1)
    assert cache.get("first") == 1
    assert cache._cache.get_client("b", write=True) is client


@pytest.mark.usefixtures("redis_cache")
def test_a_page_comes_from_the_redis_page_cache_and_goes_with_a_change(
    settings, site_tree, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 600
    place = site_tree["place"]
    assert Client().get(place.url)["X-Page-Cache"] == "miss"
    assert Client().get(place.url)["X-Page-Cache"] == "hit"

    place.intro = "Ny text om Läckeby."
    with django_capture_on_commit_callbacks(execute=True):
        place.save_revision().publish()

    assert "Ny text om Läckeby." in Client().get(place.url).content.decode()
