"""The anmälan form as a resident uses it: the button on the event, the form, bad input,
a closed anmälan and the receipt."""

from datetime import timedelta

import pytest
from django.utils import timezone

from rounds.models import DialogueEvent, EventRegistration
from tests.support.registrations import form_url, send, valid_data


def test_the_event_offers_anmalan_only_when_it_is_on(client, site_tree, meeting):
    page = client.get(site_tree["dialogue"].url).content.decode()

    assert page.count("Anmäl dig / Säg till vad du behöver") == 1
    assert form_url(meeting) in page
    DialogueEvent.objects.filter(pk=meeting.pk).update(registration_open=False)
    assert "Anmäl dig" not in client.get(site_tree["dialogue"].url).content.decode()


def test_the_form_asks_name_contact_and_needs(client, meeting):
    response = client.get(form_url(meeting))

    assert response.status_code == 200
    page = response.content.decode()
    for label in (
        "Ditt namn",
        "Telefonnummer",
        "E-postadress",
        "Skjuts",
        "Barnpassning under",
        "Hur många barn?",
        "Hörslinga",
        "Tolk",
        "Vilket språk?",
        "Något annat",
    ):
        assert label in page
    assert 'name="website"' in page  # the honeypot


def test_sending_saves_and_the_receipt_says_what_was_registered(client, meeting):
    response = send(
        client, meeting, valid_data(needs_interpreter="on", interpreter_language="finska")
    )

    assert response.status_code == 303
    registration = EventRegistration.objects.get()
    assert (registration.name, registration.children) == ("Greta Gustafsson", 2)
    receipt = client.get(response["Location"])
    assert receipt.status_code == 200
    text = receipt.content.decode()
    assert "Tack för din anmälan" in text
    assert "Barnpassning för 2 barn" in text
    assert "Tolk till finska" in text
    assert "Kontaktpersonen hör av sig" in text
    assert "Greta" not in text and "070-123" not in text  # the receipt repeats no contact data
    assert "no-store" in receipt["Cache-Control"]


def test_without_phone_or_email_the_form_comes_back_with_what_was_typed(client, meeting):
    response = send(client, meeting, valid_data(phone="", other_needs="Jag har rullator."))

    assert response.status_code == 422
    page = response.content.decode()
    assert "Skriv ett telefonnummer eller en e-postadress" in page
    assert "Jag har rullator." in page and "Greta Gustafsson" in page
    assert not EventRegistration.objects.exists()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": ""}, "Skriv ditt namn."),
        ({"children": ""}, "Skriv hur många barn som behöver passning."),
        ({"children": "0"}, "Skriv hur många barn, minst 1."),
        ({"children": "tre"}, "Skriv antalet barn med siffror"),
        ({"needs_interpreter": "on"}, "Skriv vilket språk tolken ska tala."),
        ({"email": "greta@"}, "Skriv e-postadressen som namn@exempel.se."),
        ({"phone": "ring mig"}, "Skriv telefonnumret med siffror"),
        ({"other_needs": "x" * 501}, "Skriv högst 500 tecken. Nu är det 501."),
    ],
)
def test_bad_input_gets_a_swedish_message_and_nothing_is_saved(client, meeting, fields, message):
    response = send(client, meeting, valid_data(**fields))

    assert response.status_code == 422
    assert message in response.content.decode()
    assert not EventRegistration.objects.exists()


def test_childcare_unticked_stores_no_children(client, meeting):
    data = valid_data()
    del data["needs_childcare"]
    send(client, meeting, data)

    assert EventRegistration.objects.get().children is None


def test_the_honeypot_and_a_missing_stamp_are_refused_with_the_text_kept(client, meeting):
    trapped = send(client, meeting, valid_data(website="http://spam.example"))
    unstamped = client.post(form_url(meeting), {**valid_data(), "started": "forged"})

    for response in (trapped, unstamped):
        assert response.status_code == 400
        assert "Greta Gustafsson" in response.content.decode()
    assert not EventRegistration.objects.exists()


def test_a_flood_from_one_address_is_refused_with_429(client, meeting, settings):
    settings.PROPOSALS_PER_CLIENT_HOUR = 2
    assert send(client, meeting).status_code == 303
    assert send(client, meeting).status_code == 303

    refused = send(client, meeting)

    assert refused.status_code == 429
    assert refused["Retry-After"]
    assert "Många skickar formulär från samma nätverk" in refused.content.decode()
    assert EventRegistration.objects.count() == 2


@pytest.mark.parametrize(
    "change",
    [
        {"registration_open": False},
        {"cancelled": True},
        {"registration_closes": timezone.localdate() - timedelta(days=1)},
    ],
)
def test_a_closed_anmalan_is_a_friendly_page_and_a_post_is_gone(client, meeting, change):
    DialogueEvent.objects.filter(pk=meeting.pk).update(**change)

    shown = client.get(form_url(meeting))
    sent = client.post(form_url(meeting), valid_data())

    assert shown.status_code == 200
    assert "Anmälan är stängd" in shown.content.decode()
    assert "kommun@example.org" in shown.content.decode()  # whom to call instead
    assert sent.status_code == 410
    assert not EventRegistration.objects.exists()


def test_an_event_that_has_begun_takes_no_anmalan(client, meeting):
    start = timezone.now() - timedelta(minutes=5)
    DialogueEvent.objects.filter(pk=meeting.pk).update(start=start, end=start + timedelta(hours=2))

    assert "Anmälan är stängd" in client.get(form_url(meeting)).content.decode()


def test_unknown_events_and_forged_receipts_are_not_found(client, site_tree, meeting):
    dialogue = site_tree["dialogue"]
    other = DialogueEvent.objects.exclude(dialogue=dialogue).first()
    base = dialogue.url + "tillfallen/"

    assert client.get(f"{base}999999/anmalan/").status_code == 404
    assert client.get(f"{base}abc/anmalan/").status_code == 404
    assert client.get(f"{base}{10**20}/anmalan/").status_code == 404
    assert client.get(f"{base}{meeting.pk}/anmalan/tack/{10**20}-1-abc/").status_code == 404
    assert client.get(f"{base}{meeting.pk}/anmalan/tack/forged/").status_code == 404
    assert other is None or client.get(f"{base}{other.pk}/anmalan/").status_code == 404
    assert client.put(form_url(meeting)).status_code == 405


def test_a_receipt_link_from_another_event_is_not_found(client, site_tree, meeting):
    response = send(client, meeting)
    walk = DialogueEvent.objects.get(dialogue=site_tree["dialogue"], kind="walk")
    wrong = response["Location"].replace(f"/{meeting.pk}/", f"/{walk.pk}/")

    assert client.get(wrong).status_code == 404
