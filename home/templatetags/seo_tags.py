"""`{% seo_head %}`: the description, canonical link, Open Graph tags and JSON-LD of a page."""

from django import template

from .. import seo
from ..models import MunicipalitySettings

register = template.Library()


@register.inclusion_tag("components/seo_head.html", takes_context=True)
def seo_head(context):
    request = context.get("request")
    page = context.get("page")
    if request is None:
        return {}
    site_name = MunicipalitySettings.for_request(request).municipality_name
    # Structured data on the page itself, not on its sub-routes (lists, form, proposals).
    structured = getattr(page, "structured_data", None)
    on_page = callable(structured) and request.path == page.get_url(request)
    data = structured(request) if on_page else []
    return {
        "description": seo.description(context),
        "canonical": seo.canonical_url(request, page),
        "og_title": getattr(page, "seo_title", "") or getattr(page, "title", "") or site_name,
        "og_type": "article" if context.get("proposal") is not None else "website",
        "site_name": site_name,
        "image": seo.og_image(page),
        "json_ld": [seo.json_ld(item) for item in data],
    }
