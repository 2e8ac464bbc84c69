"""Template access to rounds.syndication.links: `{% event_calendar_links event as links %}` and
`{% calendar_subscription path as calendar %}`. Tags live in an app's `templatetags`, so this
module only hands over."""

from django import template

from rounds.models import DialogueEvent
from rounds.syndication.links import event_links, subscription

register = template.Library()


@register.simple_tag(takes_context=True)
def event_calendar_links(context, event):
    """The .ics, Google and Outlook links of `event`.

    On a dialogue page the events come without their dialogue loaded: the page is it, and its
    village is the context's `place`, so no query is made per event.
    """
    page = context.get("page")
    if DialogueEvent.dialogue.is_cached(event) or getattr(page, "pk", None) != event.dialogue_id:
        dialogue = event.dialogue
    else:
        dialogue = page
    place = getattr(dialogue, "place", None) or context.get("place")
    return event_links(event, dialogue, place, context["request"])


@register.simple_tag(takes_context=True)
def calendar_subscription(context, path):
    """`path` as a webcal:// address to subscribe to and an https one to copy."""
    return subscription(path, context["request"])
