"""Emails about an anmälan: the registration to the dialogue's contact (else the municipality),
the receipt to the resident who gave an address, and the reminder the day before that repeats
what they asked for. Nobody else gets anything."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from rounds.models import ContactPerson, DialogueEvent, DialoguePage
from tests.support.mail import emails_to, everything_in, html_of
from tests.support.registrations import open_registration, send, valid_data


@pytest.fixture
def meeting(site_tree, settings):
    settings.PROPOSALS_MIN_FILL_SECONDS = 0
    return open_registration(site_tree["dialogue"])


@pytest.fixture
def contact(site_tree):
    person = ContactPerson.objects.create(
        name="Karin Lind", role="Landsbygdsutvecklare", email="karin.lind@example.org"
    )
    DialoguePage.objects.filter(pk=site_tree["dialogue"].pk).update(contact=person)
    return person


def with_email(**fields):
    return valid_data(email="greta@example.org", **fields)


def test_the_contact_person_gets_the_registration_with_everything_written(client, meeting, contact):
    send(client, meeting, with_email(needs_transport="on", other_needs="Jag har rullator."))

    [registration] = emails_to("karin.lind@example.org")
    assert registration.subject.startswith("Ny anmälan: Dialogmöte i Läckeby")
    for body in (registration.body, html_of(registration)):
        assert "Greta Gustafsson" in body
        assert "070-123 45 67" in body
        assert "greta@example.org" in body
        assert "skjuts till och från tillfället och barnpassning för 2 barn" in body
        assert "Jag har rullator." in body
    assert "List-Unsubscribe" not in registration.extra_headers


def test_without_a_contact_person_the_municipality_gets_it(client, meeting):
    send(client, meeting)

    [registration] = emails_to("kommun@example.org")
    assert "Greta Gustafsson" in registration.body
    assert len(mail.outbox) == 1  # no address given: no receipt


def test_the_resident_gets_a_receipt_naming_the_needs_and_the_contact(client, meeting, contact):
    response = send(client, meeting, with_email())

    [receipt] = emails_to("greta@example.org")
    assert receipt.subject.startswith("Du är anmäld: Dialogmöte")
    for body in (receipt.body, html_of(receipt)):
        assert "Du har sagt att du behöver barnpassning för 2 barn." in body
        assert "Karin Lind, Landsbygdsutvecklare" in body
    assert "070-123 45 67" not in everything_in(receipt)  # nothing the resident did not need
    page = client.get(response["Location"]).content.decode()
    assert "Vi har skickat en bekräftelse till g***@example.org" in page


def run_reminders(day):
    output = StringIO()
    call_command("send_reminders", "--date", day.isoformat(), stdout=output)
    return output.getvalue()


def test_the_day_before_the_resident_is_reminded_of_what_they_asked_for(client, meeting):
    send(client, meeting, with_email(needs_hearing_loop="on"))
    mail.outbox.clear()
    day_before = timezone.localdate(meeting.start) - timedelta(days=1)

    run_reminders(day_before)
    run_reminders(day_before)

    [reminder] = emails_to("greta@example.org")
    assert reminder.subject == "I morgon: Dialogmöte i Läckeby"
    for body in (reminder.body, html_of(reminder)):
        assert "Du har sagt att du behöver barnpassning för 2 barn och hörslinga." in body
        assert "Hej Greta Gustafsson!" in body


def test_no_reminder_for_a_cancelled_event_or_without_an_address(client, meeting, site_tree):
    send(client, meeting)  # phone only
    walk = open_registration(site_tree["dialogue"], DialogueEvent.Kind.WALK)
    send(client, walk, with_email())
    DialogueEvent.objects.filter(pk=walk.pk).update(cancelled=True)
    mail.outbox.clear()

    for event in (meeting, walk):
        run_reminders(timezone.localdate(event.start) - timedelta(days=1))

    assert emails_to("greta@example.org") == []


def test_receipts_to_one_address_are_capped(client, meeting, settings):
    settings.PROPOSALS_RECEIPTS_PER_ADDRESS_DAY = 1
    send(client, meeting, with_email())
    send(client, meeting, with_email())

    assert len(emails_to("greta@example.org")) == 1
    assert len(emails_to("kommun@example.org")) == 2  # the contact gets every registration
