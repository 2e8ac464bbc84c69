"""Form data for the admin's dialogue page editor, as an editor's browser posts it."""

from wagtail.test.utils.form_data import inline_formset, streamfield


def event_data(start, end, kind="dialogue", **fields):
    """One inline event; `start` and `end` as the admin's widget sends them ("2028-09-10 18:00")."""
    return {
        "kind": kind,
        "title": "",
        "start": start,
        "end": end,
        "venue_name": "Bygdegården",
        "street_address": "",
        "postal_code": "",
        "postal_town": "",
        "meeting_point": "",
        "accessibility_notes": "",
        "description": "",
        **fields,
    }


def dialogue_data(round_page, events=None, initial=0, **fields):
    """A dialogue page's form with one event unless `events` are given.

    `initial` counts the events that already exist (their rows carry "id").
    """
    return {
        "title": "Hösten 2028",
        "slug": "hosten-2028",
        "round": str(round_page.pk) if round_page else "",
        "intro": "",
        "events": inline_formset(
            [event_data("2028-09-10 18:00", "2028-09-10 20:00")] if events is None else events,
            initial=initial,
            min=1,
        ),
        "body": streamfield([]),
        "proposals_open": "",
        "proposals_close": "",
        "summary_intro": "",
        "summary": streamfield([]),
        "summary_published_at": "",
        "attendance_walk": "",
        "attendance_dialogue": "",
        **fields,
    }
