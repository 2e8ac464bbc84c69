"""Deployment checks of the shared cache, run by `manage.py check --deploy`.

A cache that cannot work must fail the deploy, not every request afterwards; and a cache local
to each process quietly splits rate limits between the processes, so production is warned.
"""

import secrets

from django.conf import settings
from django.core.cache import caches
from django.core.checks import Error, Tags, Warning, register

PROCESS_LOCAL = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@register(Tags.caches, deploy=True)
def check_cache_round_trip(app_configs=None, **kwargs):
    """Every configured cache stores a value and gives it back."""
    errors = []
    for alias in settings.CACHES:
        key, value = f"checks:{secrets.token_hex(8)}", secrets.token_hex(8)
        try:
            cache = caches[alias]
            cache.set(key, value, 30)
            problem = None if cache.get(key) == value else "a value stored was not given back"
            cache.delete(key)
        except Exception as error:  # any failure of any backend is what this check reports
            problem = f"{type(error).__name__}: {error}"
        if problem:
            errors.append(
                Error(
                    f"The cache '{alias}' does not work ({problem}).",
                    hint="Check REDIS_URL and that Redis is running and reachable from here: "
                    "rate limits and page caches need it, and every request would fail.",
                    id="home.E001",
                )
            )
    return errors


@register(Tags.caches, deploy=True)
def check_cache_is_shared(app_configs=None, **kwargs):
    """Production with a process-local cache counts every rate limit once per process."""
    backend = settings.CACHES.get("default", {}).get("BACKEND")
    if backend not in PROCESS_LOCAL:
        return []
    return [
        Warning(
            "The cache is local to each process: with several app processes, rate limits are "
            "counted by each one separately and cached pages are not shared.",
            hint="Set REDIS_URL to a Redis every app process uses. Only an installation with "
            "a single process may silence home.W001 (SILENCED_SYSTEM_CHECKS).",
            id="home.W001",
        )
    ]
