"""Rate limits admit a full village hall on one Wi-Fi and stop scripts (issue 8, C).

Limits are keyed on several signals: the client's address (a ceiling a hall never reaches),
the address a confirmation email goes to (however it is written), all confirmation emails
together, and uploads per client. Refusals never blame anyone and say what to do.
"""

import pytest
from django.core import mail
from django.test import Client

from notifications.models import Follower
from rounds.models import Proposal
from tests.support import pages as factories
from tests.support.following import send_follow_form
from tests.support.html import error_summary, soup
from tests.support.images import image_bytes, upload
from tests.support.mail import emails_to
from tests.support.proposal_form import (
    post_review,
    press,
    review_value,
    submit_proposal,
    valid_data,
)

HALL = {"REMOTE_ADDR": "192.0.2.50"}  # the village hall's one Wi-Fi

pytestmark = pytest.mark.usefixtures("no_wait")


@pytest.fixture
def dialogue(dialogue):
    factories.municipality_settings(contact_email="info@kommun.example", contact_phone="0480-123")
    return dialogue


# A village hall


def test_sixty_residents_on_one_wi_fi_may_all_send_a_proposal_within_an_hour(dialogue):
    for number in range(60):
        resident = Client(**HALL)
        data = valid_data(title=f"Förslag {number}", email=f"boende{number}@example.org")
        assert submit_proposal(resident, dialogue, data).status_code == 303, number

    assert Proposal.objects.count() == 60


def test_sixty_residents_on_one_wi_fi_may_all_follow_the_village(place):
    for number in range(60):
        response = send_follow_form(Client(**HALL), place, f"boende{number}@example.org")
        assert response.status_code == 303, number

    assert Follower.objects.count() == 60
    assert len(mail.outbox) == 60


# Scripts


def test_a_script_sending_two_hundred_proposals_from_one_address_is_stopped(client, dialogue):
    answers = [submit_proposal(client, dialogue, **HALL).status_code for _ in range(60)]
    refused = post_review(client, dialogue, **HALL)

    assert answers == [303] * 60
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert Proposal.objects.count() == 60


def test_a_script_asking_to_follow_two_hundred_times_from_one_address_is_stopped(place):
    answers = [
        send_follow_form(Client(**HALL), place, f"x{n}@example.org").status_code for n in range(200)
    ]

    assert answers.count(303) == 60
    assert set(answers[60:]) == {429}
    assert Follower.objects.count() == 60


def test_the_ceilings_per_client_come_from_settings(client, dialogue, place, settings):
    settings.PROPOSALS_PER_CLIENT_HOUR = 2
    settings.FOLLOW_PER_CLIENT_HOUR = 1
    assert submit_proposal(client, dialogue).status_code == 303
    assert submit_proposal(client, dialogue).status_code == 303
    assert post_review(client, dialogue).status_code == 429

    assert send_follow_form(client, place, "a@example.org").status_code == 303
    assert send_follow_form(client, place, "b@example.org").status_code == 429


def test_a_review_made_before_the_ceiling_was_reached_is_refused_on_send(
    client, dialogue, settings
):
    settings.PROPOSALS_PER_CLIENT_HOUR = 1
    first, second = post_review(client, dialogue), post_review(client, dialogue)
    assert press(client, dialogue, review_value(first), "send").status_code == 303

    response = press(client, dialogue, review_value(second), "send")

    assert response.status_code == 429
    assert soup(response).find(id="id_title")["value"] == "Belysning vid busshållplatsen"
    assert Proposal.objects.count() == 1


# One recipient


@pytest.mark.parametrize(
    "spellings",
    [
        ["anna@example.org"] * 6,
        ["anna@example.org", "Anna@Example.org", "ANNA@EXAMPLE.ORG", " anna@example.org "] * 2,
        ["anna+1@example.org", "anna+2@example.org", "Anna+x@example.org", "anna+@example.org"],
    ],
    ids=["same", "case-and-spaces", "plus-tags"],
)
def test_one_address_gets_at_most_three_confirmations_a_day_however_it_is_written(
    site_tree, spellings
):
    villages = [site_tree["place"], *(factories.place(title=f"Ort {n}") for n in range(3))]
    answers = []
    for number, spelling in enumerate(spellings):
        sender = Client(REMOTE_ADDR=f"198.51.100.{number}")  # a script on many addresses
        answers.append(send_follow_form(sender, villages[number % len(villages)], spelling))

    # Every answer is the same "check your email", so nobody learns what was sent.
    assert {response.status_code for response in answers} == {303}
    assert all(response["Location"].endswith("/skickat/") for response in answers)
    assert len(mail.outbox) == 3


def test_gmail_dots_are_the_same_recipient(site_tree):
    spellings = ["a.nna@gmail.com", "an.na@gmail.com", "anna@googlemail.com", "a.n.n.a@gmail.com"]
    for spelling in spellings:
        send_follow_form(Client(), site_tree["place"], spelling)

    assert len(mail.outbox) == 3


def test_the_confirmation_ceiling_per_address_comes_from_settings(place, settings):
    settings.FOLLOW_CONFIRMATIONS_PER_ADDRESS_DAY = 1
    assert send_follow_form(Client(), place, "anna@example.org").status_code == 303
    other = factories.place(title="Annan ort")
    assert send_follow_form(Client(), other, "anna@example.org").status_code == 303

    assert len(mail.outbox) == 1


def test_other_addresses_are_not_affected_by_one_flooded_address(place):
    villages = [place, *(factories.place(title=f"Ort {n}") for n in range(4))]
    for village in villages:
        send_follow_form(Client(), village, "anna@example.org")
    send_follow_form(Client(), place, "bertil@example.org")

    assert len(emails_to("anna@example.org")) == 3
    assert len(emails_to("bertil@example.org")) == 1


# All confirmations together


def test_above_the_ceiling_of_confirmations_per_hour_follows_are_refused_with_429(place, settings):
    settings.FOLLOW_CONFIRMATIONS_PER_HOUR = 5
    for number in range(5):
        sender = Client(REMOTE_ADDR=f"203.0.113.{number}")
        assert send_follow_form(sender, place, f"person{number}@example.org").status_code == 303

    response = send_follow_form(Client(REMOTE_ADDR="203.0.113.99"), place, "sixth@example.org")

    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Många" in error_summary(response)
    assert soup(response).find(id="id_follow_email")["value"] == "sixth@example.org"
    assert len(mail.outbox) == 5


# Uploads


def test_reviews_that_carry_an_upload_count_against_a_limit_of_their_own(
    client, dialogue, settings
):
    settings.PROPOSALS_UPLOADS_PER_CLIENT_HOUR = 2
    for _ in range(2):
        data = valid_data(photo=upload(image_bytes()))
        assert post_review(client, dialogue, data).status_code == 200

    refused = post_review(client, dialogue, valid_data(photo=upload(image_bytes())))
    without_photo = post_review(client, dialogue)

    assert refused.status_code == 429
    assert "Välj bilden igen" in soup(refused).find(class_="form-photo").get_text()
    assert soup(refused).find(id="id_title")["value"] == "Belysning vid busshållplatsen"
    assert without_photo.status_code == 200


# What a refusal says


def test_a_refusal_blames_nobody_says_how_long_and_where_else_to_send(client, dialogue, settings):
    settings.PROPOSALS_PER_CLIENT_HOUR = 1
    submit_proposal(client, dialogue)

    response = post_review(client, dialogue)

    message = error_summary(response)
    assert response.status_code == 429
    assert "Många" in message
    assert "Du har" not in message
    assert "minut" in message
    assert "finns kvar" in message
    assert "info@kommun.example" in message
    assert "0480-123" in message


def test_the_follow_refusal_blames_nobody(place, settings):
    settings.FOLLOW_PER_CLIENT_HOUR = 1
    send_follow_form(Client(), place, "a@example.org")

    response = send_follow_form(Client(), place, "b@example.org")

    message = error_summary(response)
    assert response.status_code == 429
    assert "Många" in message
    assert "minut" in message


def test_a_receipt_per_address_and_day_is_limited_but_the_proposal_is_kept(
    client, dialogue, settings
):
    settings.PROPOSALS_RECEIPTS_PER_ADDRESS_DAY = 2
    for spelling in ["anna@example.org", "Anna+x@example.org", "anna@example.org"]:
        assert submit_proposal(client, dialogue, valid_data(email=spelling)).status_code == 303

    assert Proposal.objects.count() == 3
    assert len(mail.outbox) == 2
