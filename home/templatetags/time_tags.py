"""How long ago, in Swedish as people say it: "2 år och 5 månader", not "2 år, 5 månader"."""

from django import template
from django.utils.timesince import timesince
from django.utils.translation import gettext

register = template.Library()


@register.filter
def time_since(value):
    """Django's `timesince`, with its two parts joined by "och"."""
    if not value:
        return ""
    first, comma, second = timesince(value).partition(gettext(", "))
    return f"{first} {gettext('och')} {second}" if comma else first
