"""The load balancer's health check: /halsa/ answers whether the database and the cache work.

A middleware, first in MIDDLEWARE, so that nothing else touches the probe: no HTTPS redirect
(the load balancer may probe plain HTTP), no ALLOWED_HOSTS check (it probes by address), no
session, no page cache. It says only "ok" or "fel" per part: no personal data, no versions.
"""

import logging
import secrets

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse

HEALTH_PATH = "/halsa/"
logger = logging.getLogger("portal.health")


def database_works():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def cache_works():
    key = f"halsa:{secrets.token_hex(8)}"
    cache.set(key, "ok", timeout=10)
    try:
        return cache.get(key) == "ok"
    finally:
        cache.delete(key)


CHECKS = {"database": database_works, "cache": cache_works}


def check_health():
    """{"database": "ok" | "fel", "cache": …}; a failure is logged, never shown."""
    results = {}
    for name, check in CHECKS.items():
        try:
            works = check()
        except Exception:
            logger.exception("Health check: the %s does not answer", name)
            works = False
        results[name] = "ok" if works else "fel"
    return results


def health_response(request):
    if request.method not in {"GET", "HEAD"}:
        response = JsonResponse({"status": "fel", "detail": "Bara GET och HEAD."}, status=405)
        response["Allow"] = "GET, HEAD"
    else:
        results = check_health()
        healthy = all(value == "ok" for value in results.values())
        response = JsonResponse(
            {"status": "ok" if healthy else "fel", **results}, status=200 if healthy else 503
        )
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


class HealthCheckMiddleware:
    """Answers HEALTH_PATH before any other middleware sees the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == HEALTH_PATH:
            return health_response(request)
        return self.get_response(request)
