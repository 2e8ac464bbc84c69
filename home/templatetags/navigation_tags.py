"""The main menu and breadcrumbs, each one query."""

from django import template
from wagtail.models import Site

register = template.Library()


@register.inclusion_tag("components/main_nav.html", takes_context=True)
def main_nav(context):
    """The site root's live children shown in menus, the current section marked."""
    request = context["request"]
    site = Site.find_for_request(request)
    current = context.get("page")
    current_path = current.url_path if current else request.path
    items = []
    if site is not None:
        for page in site.root_page.get_children().live().public().in_menu():
            items.append({"page": page, "is_current": current_path.startswith(page.url_path)})
    return {"items": items, "request": request}


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page, trail=(), current=""):
    """The trail from the home page down to `page`, the current page.

    On a route of `page` (e.g. a dialogue's proposals), `current` names where the visitor is,
    after `page` and any (url, title) pairs in `trail`.
    """
    ancestors = page.get_ancestors().filter(depth__gt=1) if page.depth > 2 else []
    return {
        "ancestors": ancestors,
        "page": page,
        "trail": trail,
        "current": current,
        "request": context["request"],
    }
