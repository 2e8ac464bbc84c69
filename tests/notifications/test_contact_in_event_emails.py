"""The emails about dates and the reminders name whom to ask: the dialogue's contact person
(name, role, phone, email), or the municipality's contact details when it has none, as the
dialogue page does."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from rounds.models import ContactPerson, DialogueEvent, DialoguePage
from tests.support import pages as factories
from tests.support.following import publish
from tests.support.mail import emails_to, html_of

CONTACT = ("Karin Lind", "Landsbygdsutvecklare", "0480-45 12 34", "karin.lind@example.org")


@pytest.fixture
def contact():
    name, role, phone, email = CONTACT
    return ContactPerson.objects.create(name=name, role=role, phone=phone, email=email)


def reminders_for(dialogue):
    """The reminder the day before the dialogue's meeting."""
    meeting = timezone.localdate(dialogue.meeting.start)
    call_command("send_reminders", "--date", (meeting - timedelta(days=1)).isoformat())
    return [m for m in emails_to("each@example.org") if m.subject.startswith("I morgon")]


def test_new_dates_and_reminders_name_the_contact_person(village, contact):
    dialogue = factories.dialogue(
        village["place"], village["round"], walk_in_days=15, meeting_in_days=25, contact=contact
    )
    publish(dialogue)
    [announcement] = emails_to("each@example.org")
    [reminder] = reminders_for(dialogue)

    for message in (announcement, reminder):
        for body in (message.body, html_of(message)):
            for value in CONTACT:
                assert value in body, (value, message.subject)
        assert "tel:+46480451234" in html_of(message)


def test_changed_dates_name_the_contact_person(village, contact):
    dialogue = factories.dialogue(
        village["place"], village["round"], walk_in_days=15, meeting_in_days=25, contact=contact
    )
    publish(dialogue)
    mail.outbox.clear()
    page = DialoguePage.objects.get(pk=dialogue.pk)
    events = list(page.events.order_by("start"))
    events[0].start += timedelta(hours=1)
    events[0].end += timedelta(hours=1)
    page.events = events
    publish(page)

    [changed] = emails_to("each@example.org")
    assert changed.subject.startswith("Ändrade datum")
    assert "Karin Lind, Landsbygdsutvecklare" in changed.body
    assert "karin.lind@example.org" in html_of(changed)


def test_without_a_contact_person_the_emails_give_the_municipalitys_details(village):
    dialogue = factories.dialogue(
        village["place"], village["round"], walk_in_days=15, meeting_in_days=25
    )
    publish(dialogue)
    [announcement] = emails_to("each@example.org")
    [reminder] = reminders_for(dialogue)

    for message in (announcement, reminder):
        for body in (message.body, html_of(message)):
            assert "Frågor? Kontakta" in body
            assert "Testkommun" in body
            assert "0480-45 00 00" in body
            assert "kommun@example.org" in body


def test_the_reminder_offers_anmalan_when_the_event_takes_it(village):
    dialogue = factories.dialogue(
        village["place"], village["round"], walk_in_days=15, meeting_in_days=25
    )
    publish(dialogue)
    DialogueEvent.objects.filter(pk=dialogue.meeting.pk).update(registration_open=True)

    [reminder] = reminders_for(DialoguePage.objects.get(pk=dialogue.pk))

    assert "Anmäl dig / Säg till vad du behöver" in html_of(reminder)
    assert f"/tillfallen/{dialogue.meeting.pk}/anmalan/" in reminder.body
