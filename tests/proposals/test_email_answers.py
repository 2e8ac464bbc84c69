"""Giving an email address means "send me the answers": one question, not two.

The box "Skicka svaren till min e-post" is ticked from the start and counts only together with
an address; a resident can untick it. Checked on the form, the review step and what is stored.
"""

import pytest

from rounds.models import Proposal
from tests.support.html import soup, text_of
from tests.support.proposal_form import (
    form_url,
    post_review,
    press,
    review_value,
    submit_proposal,
    valid_data,
)

pytestmark = pytest.mark.usefixtures("no_wait")


def answers_row(response):
    """The review step's answer to "Svaren till din e-post"."""
    term = soup(response).find("dt", string="Svaren till din e-post")
    return text_of(term.find_next_sibling("dd"))


def test_the_box_is_ticked_from_the_start_and_says_it_needs_an_address(client, dialogue):
    page = soup(client.get(form_url(dialogue)))

    box = page.find(id="id_notify_status")
    assert box.has_attr("checked")
    assert text_of(page.find("label", attrs={"for": "id_notify_status"})) == (
        "Skicka svaren till min e-post"
    )
    assert "Gäller bara om du skriver en e-postadress" in text_of(
        page.find(id="id_notify_status_helptext")
    )


def test_an_address_with_the_box_left_ticked_means_answers_by_email(client, dialogue):
    review = post_review(client, dialogue, valid_data())

    assert answers_row(review) == "Ja, vi skickar svaren till adressen ovan."
    press(client, dialogue, review_value(review), "send")
    assert Proposal.objects.get().notify_status is True


def test_no_address_is_no_error_and_nothing_is_emailed(client, dialogue):
    """The box is still ticked, as it was from the start: that is not a mistake to correct."""
    review = post_review(client, dialogue, valid_data(email=""))

    assert review.status_code == 200
    assert not soup(review).find(attrs={"data-error-summary": True})
    assert answers_row(review) == (
        "Nej, du angav ingen e-postadress. Följ förslaget med länken du får."
    )
    press(client, dialogue, review_value(review), "send")
    proposal = Proposal.objects.get()
    assert (proposal.email, proposal.notify_status) == ("", False)


def test_a_resident_can_untick_the_box_and_keep_the_address_for_questions(client, dialogue):
    review = post_review(client, dialogue, valid_data(notify_status=None))

    assert answers_row(review) == (
        "Nej, du har kryssat ur rutan. Följ förslaget med länken du får."
    )
    press(client, dialogue, review_value(review), "send")
    proposal = Proposal.objects.get()
    assert (proposal.email, proposal.notify_status) == ("anna@example.org", False)


@pytest.mark.parametrize(("box", "ticked"), [("on", True), (None, False)])
def test_going_back_to_the_form_keeps_the_box_as_the_resident_left_it(
    client, dialogue, box, ticked
):
    """Without an address the stored answer is "no", but the form shows what they chose."""
    review = post_review(client, dialogue, valid_data(email="", notify_status=box))

    form = soup(press(client, dialogue, review_value(review), "edit"))

    assert form.find(id="id_notify_status").has_attr("checked") is ticked


def test_an_address_added_after_going_back_turns_the_answers_on(client, dialogue):
    review = post_review(client, dialogue, valid_data(email=""))
    press(client, dialogue, review_value(review), "edit")

    submit_proposal(client, dialogue, valid_data())

    assert Proposal.objects.get().notify_status is True
