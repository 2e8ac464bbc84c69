"""How a page shows and serves what a higher app owns, without importing it.

Apps depend one way (`rounds` → `places` → `home`), yet the home page lists coming events and
the village page lists its dialogues and serves their proposals, feed and calendar. So a page
hands over to whatever the apps above registered with two Wagtail hooks:

- "extend_page_context": functions `(page, request, context)` that add to a page's context;
- "register_page_routes": functions returning `{(model label, route name): view}`, where a view
  is called as `view(request, page, *args, **kwargs)`.

rounds registers both in `rounds/wagtail_hooks.py`; its own pages use the same way, so that no
page model imports a view.
"""

from django.core.exceptions import ImproperlyConfigured
from wagtail import hooks


def extended_context(page, request, context):
    """`context` with what every "extend_page_context" hook adds for `page`."""
    for extend in hooks.get_hooks("extend_page_context"):
        extend(page, request, context)
    return context


def serve_route(page, request, name, *args, **kwargs):
    """Serve the route `name` of `page` (declared on its class with `@path`) by its view."""
    key = (page._meta.label_lower, name)
    for routes in hooks.get_hooks("register_page_routes"):
        view = routes().get(key)
        if view is not None:
            return view(request, page, *args, **kwargs)
    raise ImproperlyConfigured(f"No view is registered for the route {key}.")
