"""Withdrawing a proposal asks first, on a page of its own: it cannot be undone, and a mistaken
tap on a phone must not be enough. Confirm withdraws; cancel leaves everything as it was."""

import pytest
from django.test import Client
from django.urls import reverse

from rounds.models import Proposal
from rounds.models.proposals import Visibility
from tests.support import proposals as make
from tests.support.html import soup, text, text_of
from tests.support.proposal_form import submit_proposal

pytestmark = pytest.mark.usefixtures("no_wait")


@pytest.fixture
def token(client, dialogue):
    """The private token of a proposal sent through the form, waiting for moderation."""
    return submit_proposal(client, dialogue)["Location"].split("/")[2]


def confirm_url(token):
    return reverse("proposals:withdraw", args=[token])


def follow_url(token):
    return reverse("proposals:follow", args=[token])


def test_the_follow_page_leads_to_the_question_and_withdraws_nothing_itself(client, token):
    page = soup(client.get(follow_url(token)))

    link = page.find("a", string="Återkalla förslaget")
    assert link["href"] == confirm_url(token)
    assert not page.find("form", action=confirm_url(token))


def test_the_question_names_the_proposal_and_changes_nothing(client, token):
    response = client.get(confirm_url(token))

    assert response.status_code == 200
    page = soup(response)
    assert text_of(page.h1) == "Vill du återkalla förslaget?"
    assert "Belysning vid busshållplatsen" in text(response)
    assert "Det går inte att ångra" in text(response)
    form = page.find("form", method="post")
    assert form["action"] == confirm_url(token)
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"})
    assert text_of(form.find("button", type="submit")) == "Ja, återkalla förslaget"
    assert form.find("a", string="Nej, behåll förslaget")["href"] == follow_url(token)
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "same-origin"  # so the CSRF check sees the Origin
    proposal = Proposal.objects.get()
    assert proposal.visibility == Visibility.PENDING and proposal.withdrawn_at is None


def test_confirming_withdraws_and_says_so(client, token):
    response = client.post(confirm_url(token))

    assert response.status_code == 303
    assert Proposal.objects.get().withdrawn_at is not None
    page = client.get(response["Location"])
    assert "Förslaget är återkallat." in text_of(soup(page).find(role="status"))
    assert not soup(page).find("a", string="Återkalla förslaget")


def test_cancelling_goes_back_with_the_proposal_untouched(client, token):
    question = soup(client.get(confirm_url(token)))

    back = client.get(question.find("a", string="Nej, behåll förslaget")["href"])

    assert back.status_code == 200
    assert "Väntar på granskning." in text(back)
    assert soup(back).find("a", string="Återkalla förslaget")
    proposal = Proposal.objects.get()
    assert proposal.visibility == Visibility.PENDING and proposal.withdrawn_at is None


def test_a_reviewed_proposal_is_not_offered_the_question(client, dialogue):
    proposal = make.proposal(dialogue, visibility=Visibility.PUBLIC)

    response = client.get(confirm_url(proposal.follow_token))

    assert response.status_code == 409
    assert "kan inte återkallas nu" in text(response)
    assert not soup(response).find("button", string="Ja, återkalla förslaget")


def test_asking_twice_after_withdrawing_says_it_is_done_already(client, token):
    client.post(confirm_url(token))

    response = client.get(confirm_url(token))

    assert response.status_code == 409
    assert "Återkallat." in text(response)


def test_a_forged_confirmation_from_elsewhere_is_refused(dialogue, token):
    """Without the form's CSRF token (a page on another site posting) nothing is withdrawn."""
    response = Client(enforce_csrf_checks=True).post(confirm_url(token))

    assert response.status_code == 403
    assert Proposal.objects.get().withdrawn_at is None


def test_an_unknown_token_gets_no_question(client, dialogue):
    assert client.get(confirm_url("finns-inte-alls")).status_code == 404


def test_the_question_shows_no_contact_details(client, token):
    words = text(client.get(confirm_url(token)))

    for personal in ("anna@example.org", "Andersson", "070-123 45 67"):
        assert personal not in words
