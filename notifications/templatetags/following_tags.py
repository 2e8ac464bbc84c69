"""`{% follow_form place %}`: the empty "Följ <ort>" form, for the box on village and dialogue
pages. It costs the page no database query."""

from django import template

from ..forms import FollowForm, form_context

register = template.Library()


@register.inclusion_tag("notifications/follow_fields.html", takes_context=True)
def follow_form(context, place):
    return {**form_context(place, FollowForm()), "settings": context.get("settings")}
