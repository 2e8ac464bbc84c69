"""Response headers for pages with a resident's own data or private link."""

from functools import wraps

from django.utils.cache import patch_cache_control


def keep_private(response, referrer_policy="no-referrer"):
    """Not stored by any cache, not indexed, and the address never sent on as a referrer."""
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = referrer_policy
    return response


def private_page(referrer_policy="no-referrer"):
    """Decorate a view so its responses go through `keep_private`."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            return keep_private(view(request, *args, **kwargs), referrer_policy)

        return wrapper

    return decorator
