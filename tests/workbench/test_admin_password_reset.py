"""Staff password reset at /admin/password_reset/: through the outbox, and limited.

The email is written to the outbox and sent by the task queue like every other email, so a mail
server that is down delays it instead of losing it. Each address gets a few reset emails an
hour whoever asks; each client may ask a limited number of times. Whether an address belongs to
an account is never told.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from notifications.models import OutgoingEmail
from tests.support.html import text
from tests.support.mail import FlakyBackend

RESET = "/admin/password_reset/"
ADDRESS = "karin.handlaggare@kommun.example.se"


@pytest.fixture(autouse=True)
def limits(settings):
    settings.PASSWORD_RESET_PER_ADDRESS_HOUR = 3
    settings.PASSWORD_RESET_PER_CLIENT_HOUR = 6


@pytest.fixture
def officer(db):
    return get_user_model().objects.create_user(
        username="karin", email=ADDRESS, password="gammalt-lösenord"
    )


def ask(client, email=ADDRESS, address="198.51.100.7"):
    return client.post(RESET, {"email": email}, REMOTE_ADDR=address)


def test_the_reset_email_goes_through_the_outbox_and_its_link_works(client, officer):
    response = ask(client)

    assert response.status_code == 302
    assert response["Location"] == "/admin/password_reset/done/"
    queued = OutgoingEmail.objects.get(kind="password_reset")
    assert (queued.to, queued.state) == (ADDRESS, OutgoingEmail.State.SENT)
    assert queued.text_body == ""  # the link is not kept once sent
    [sent] = mail.outbox
    assert sent.to == [ADDRESS]
    assert sent.subject == "Nytt lösenord till Ortsdialog"
    assert "List-Unsubscribe" not in sent.extra_headers
    link = re.search(r"http://testserver(/admin/password_reset/confirm/\S+/)", sent.body)[1]
    assert "karin" in sent.body
    assert client.get(link).status_code == 302  # Django's step to the new-password form


def test_with_the_mail_server_down_the_reset_email_waits_and_is_retried(client, officer, settings):
    settings.EMAIL_BACKEND = "tests.support.mail.FlakyBackend"
    FlakyBackend.failures = 1
    try:
        assert ask(client).status_code == 302
    finally:
        FlakyBackend.failures = 0

    queued = OutgoingEmail.objects.get(kind="password_reset")
    assert queued.state == OutgoingEmail.State.QUEUED
    assert "SMTPServerDisconnected" in queued.last_error
    assert mail.outbox == []


def test_an_address_gets_only_a_few_reset_emails_whoever_asks(client, officer):
    for number in range(8):
        assert ask(client, address=f"203.0.113.{number}").status_code == 302

    assert OutgoingEmail.objects.filter(kind="password_reset", to=ADDRESS).count() == 3
    assert len(mail.outbox) == 3


def test_the_address_limit_counts_every_spelling_of_the_address(client, officer):
    for number, spelling in enumerate([ADDRESS, ADDRESS.upper(), f" {ADDRESS} ", ADDRESS]):
        ask(client, email=spelling, address=f"203.0.113.{number}")

    assert len(mail.outbox) == 3


def test_a_client_asking_too_often_is_refused_in_swedish(client, officer):
    for number in range(6):
        assert ask(client, email=f"okand{number}@example.org").status_code == 302

    response = ask(client)

    assert response.status_code == 429
    assert "Du har bett om nytt lösenord många gånger" in text(response)
    assert response["Retry-After"].isdigit()
    assert mail.outbox == []
    assert ask(client, address="192.0.2.10").status_code == 302  # another client may
    assert len(mail.outbox) == 1


def test_an_unknown_address_gets_the_same_answer_and_no_email(client, officer):
    response = ask(client, email="ingen@example.org")

    assert (response.status_code, response["Location"]) == (302, "/admin/password_reset/done/")
    assert not OutgoingEmail.objects.exists()
