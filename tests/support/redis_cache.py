"""Tests on a real Redis cache: the `redis_cache` fixture, and `--redis-cache` for whole files.

Rate limits and sent drafts must hold across app processes, which only a shared cache shows.
`pytest -p tests.support.redis_cache --redis-cache tests/proposals/test_abuse.py ...` runs those
files with every test on Redis (what .ci/run does). Each test gets its own key prefix, and
clearing the cache deletes only that prefix, so runs can share one Redis. Redis is REDIS_URL,
or the local one at 127.0.0.1:6379; when it cannot be reached the tests are skipped, except
under CI=true where they fail.
"""

import os
import secrets

import pytest

from portal.web.redis_cache import RedisCache

DEFAULT_URL = "redis://127.0.0.1:6379/0"


class PrefixOnlyRedisCache(RedisCache):
    """The site's Redis cache, except that clear() deletes this test's keys, not the database."""

    def clear(self):
        client = self._cache.get_client(None, write=True)
        keys = list(client.scan_iter(match=f"{self.key_prefix}:*", count=1000))
        if keys:
            client.delete(*keys)
        return True


def redis_url():
    return os.environ.get("REDIS_URL") or DEFAULT_URL


def redis_unreachable():
    """Why Redis cannot be used, or None when it answers."""
    import redis

    try:
        redis.Redis.from_url(redis_url(), socket_connect_timeout=1, socket_timeout=1).ping()
    except redis.RedisError as error:
        return f"Redis at {redis_url()} is not reachable ({error})"
    return None


def require_redis():
    """Skip the test without Redis; under CI=true a missing Redis is a failure."""
    reason = redis_unreachable()
    if reason is None:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; CI must run these tests on Redis.")
    pytest.skip(f"{reason}; start it or set REDIS_URL to run the tests on Redis.")


def redis_caches(prefix=None):
    """A CACHES setting on Redis with a key prefix of its own."""
    return {
        "default": {
            "BACKEND": "tests.support.redis_cache.PrefixOnlyRedisCache",
            "LOCATION": redis_url(),
            "KEY_PREFIX": prefix or f"test-{secrets.token_hex(6)}",
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }


@pytest.fixture
def redis_cache(settings):
    """The default cache is Redis for this test, under a key prefix nobody else uses."""
    require_redis()
    settings.CACHES = redis_caches()
    from django.core.cache import cache

    yield cache
    cache.clear()


def pytest_addoption(parser):
    parser.addoption(
        "--redis-cache",
        action="store_true",
        help="run every test with the default cache on Redis (REDIS_URL or 127.0.0.1:6379)",
    )


@pytest.fixture(autouse=True)
def _every_test_on_redis(request):
    if not request.config.getoption("--redis-cache", default=False):
        yield
        return
    request.getfixturevalue("redis_cache")
    yield
