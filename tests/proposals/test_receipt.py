"""The receipt says whether and where the confirmation went, and offers to copy, share or print
the private link.

The address is never in a URL or a cacheable page: the sending POST's 303 sets a short-lived
signed cookie with the masked address, for the receipt only, and the receipt deletes it.
"""

import pytest
from django.test import Client

from portal.web.sent_to import COOKIE, MAX_AGE
from rounds.models import Proposal
from tests.support.html import soup, text, text_of
from tests.support.proposal_form import submit_proposal, valid_data

pytestmark = pytest.mark.usefixtures("no_wait")

MASKED = "a***@example.org"


def sent_line(response):
    return text_of(soup(response).find(class_="receipt__sent"))


def test_sending_sets_a_short_cookie_for_the_receipt_alone(client, dialogue):
    response = submit_proposal(client, dialogue)

    assert response.status_code == 303
    receipt_url = response["Location"]
    assert "anna" not in receipt_url and "example.org" not in receipt_url
    cookie = response.cookies[COOKIE]
    assert cookie["path"] == receipt_url
    assert cookie["max-age"] == MAX_AGE
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert "anna@example.org" not in cookie.value
    assert MASKED in cookie.value


def test_the_receipt_says_where_the_confirmation_went_masked_and_only_once(client, dialogue):
    receipt_url = submit_proposal(client, dialogue)["Location"]

    first = client.get(receipt_url)

    assert sent_line(first) == (
        f"Vi har skickat en bekräftelse till {MASKED} med referensen och länken."
    )
    assert "anna@example.org" not in first.content.decode()
    assert "no-store" in first["Cache-Control"]
    assert first.cookies[COOKIE]["max-age"] == 0  # deleted once read
    again = client.get(receipt_url)
    assert MASKED not in text(again)
    assert sent_line(again) == (
        "Vi har skickat en bekräftelse med referensen och länken till e-postadressen du angav."
    )
    assert COOKIE not in again.cookies  # nothing set when there was nothing to delete


def test_someone_else_with_the_link_sees_no_address(client, dialogue):
    receipt_url = submit_proposal(client, dialogue)["Location"]

    page = Client().get(receipt_url)

    assert page.status_code == 200
    assert "***" not in text(page)
    assert not page.cookies


def test_a_forged_cookie_shows_nothing(client, dialogue):
    receipt_url = submit_proposal(client, dialogue)["Location"]
    client.cookies[COOKIE] = "elak@example.org"  # not signed

    page = client.get(receipt_url)

    assert page.status_code == 200
    assert "elak" not in text(page)
    assert "till e-postadressen du angav" in sent_line(page)


def test_without_an_address_no_cookie_and_the_receipt_says_to_save_the_link(client, dialogue):
    response = submit_proposal(client, dialogue, valid_data(email=""))

    assert COOKIE not in response.cookies
    assert Proposal.objects.get().email == ""
    page = client.get(response["Location"])
    assert sent_line(page) == (
        "Du angav ingen e-post, så spara länken. Vi kan inte skicka den till dig igen."
    )


def test_copy_share_and_print_wait_for_the_script_and_the_text_works_without(client, dialogue):
    page = soup(client.get(submit_proposal(client, dialogue)["Location"]))

    buttons = {text_of(button): button for button in page.find_all("button", type="button")}
    assert set(buttons) == {"Kopiera länken", "Dela", "Skriv ut"}
    assert all(button.has_attr("hidden") for button in buttons.values())
    scripts = [script.get("src", "") for script in page.find_all("script")]
    assert any(src.endswith("js/share-link.js") for src in scripts)
    assert any(src.endswith("js/print-button.js") for src in scripts)
    assert all(scripts), "no inline script: the CSP forbids it"
    assert "skriv ut sidan (Ctrl+P" in text_of(page)
    assert page.find(attrs={"data-share-url": True})["href"].endswith("/")


def test_the_browser_may_share_and_copy_on_the_receipt(client, dialogue):
    """Permissions-Policy denies features no page uses; sharing and copying are not among them."""
    response = client.get(submit_proposal(client, dialogue)["Location"])

    policy = response["Permissions-Policy"]
    assert "camera=()" in policy
    assert "web-share" not in policy
    assert "clipboard-write" not in policy


def test_a_receipt_the_address_limit_held_back_is_not_claimed_as_sent(
    client, dialogue, settings, mailoutbox
):
    settings.PROPOSALS_RECEIPTS_PER_ADDRESS_DAY = 1
    submit_proposal(client, dialogue)
    assert len(mailoutbox) == 1

    receipt_url = submit_proposal(client, dialogue, valid_data(title="Ett förslag till"))[
        "Location"
    ]
    held_back = client.get(receipt_url)

    assert Proposal.objects.count() == 2  # the proposal is kept all the same
    assert len(mailoutbox) == 1
    line = sent_line(held_back)
    assert line.startswith("Vi skickade ingen bekräftelse den här gången")
    assert "Spara länken" in line
    assert "Vi har skickat" not in text(held_back)
