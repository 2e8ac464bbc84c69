"""Anmälan in the tests: switching it on for an event, its URLs, and sending the form.

Imported as `from tests.support import registrations as signup` or by name.
"""

from rounds.models import DialogueEvent, EventRegistration


def open_registration(dialogue, kind=DialogueEvent.Kind.DIALOGUE, **fields):
    """The dialogue's first event of `kind` with anmälan switched on."""
    event = DialogueEvent.objects.filter(dialogue=dialogue, kind=kind).order_by("start").first()
    DialogueEvent.objects.filter(pk=event.pk).update(registration_open=True, **fields)
    event.refresh_from_db()
    return event


def form_url(event):
    dialogue = event.dialogue
    return dialogue.url + dialogue.reverse_subpage("registration_form", args=[event.pk])


def stamp_of(client, event):
    """The signed "started" stamp of a freshly opened form."""
    response = client.get(form_url(event))
    return response.context["stamp"]


def valid_data(**overrides):
    return {
        "name": "Greta Gustafsson",
        "phone": "070-123 45 67",
        "email": "",
        "needs_childcare": "on",
        "children": "2",
        "other_needs": "",
        "interpreter_language": "",
        **overrides,
    }


def send(client, event, data=None, **extra):
    """POST the form as the browser does after opening it; returns the response."""
    data = valid_data() if data is None else data
    return client.post(form_url(event), {"started": stamp_of(client, event), **data}, **extra)


def registration(event, **fields):
    """A stored registration (what a resident would have sent)."""
    fields.setdefault("name", "Greta Gustafsson")
    fields.setdefault("phone", "070-123 45 67")
    return EventRegistration.objects.create(event=event, **fields)
