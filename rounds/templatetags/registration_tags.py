"""`{% event_registration_url event as url %}`: the address of an event's anmälan form, or ""
when the event takes no registrations now."""

from django import template

from rounds.models import DialogueEvent

register = template.Library()


@register.simple_tag(takes_context=True)
def event_registration_url(context, event):
    """On a dialogue page its events come without their dialogue loaded: the page is it."""
    if not event.takes_registrations():
        return ""
    page = context.get("page")
    if DialogueEvent.dialogue.is_cached(event) or getattr(page, "pk", None) != event.dialogue_id:
        dialogue = event.dialogue
    else:
        dialogue = page
    url = dialogue.get_url(context.get("request"))
    if not url:
        return ""
    return url + dialogue.reverse_subpage("registration_form", args=[event.pk])
