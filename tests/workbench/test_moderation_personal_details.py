"""The moderator sees the personal details in the resident's text marked before publishing, and
must confirm the public text while any remain in it."""

import pytest

from rounds.models.proposals import Visibility
from tests.support import proposals as make
from tests.support.admin import url, villages
from tests.support.html import soup, text_of

BODY = "Lampan är trasig. Ring mig på 070-123 45 67 eller mejla <b>anna@example.se</b>."


@pytest.fixture
def proposal(home):
    return make.proposal(
        villages()["läckeby"],
        visibility=Visibility.PENDING,
        title="Trasig lampa",
        body=BODY,
        location="Skolvägen 4, Annas hus",
    )


def publishing(proposal, **fields):
    return {
        "action": "publish",
        "public_title": proposal.public_title,
        "public_body": proposal.public_body,
        **fields,
    }


def test_the_original_text_is_shown_with_its_personal_details_marked(client, officer, proposal):
    page = soup(client.get(url("moderate", proposal.pk)))

    assert [mark.get_text() for mark in page.select("mark")] == [
        "070-123 45 67",
        "anna@example.se",
    ]
    notice = text_of(page.select_one(".moderation-findings"))
    assert notice.startswith(
        "Texten innehåller ett telefonnummer och en e-postadress — ta bort dem ur den publika "
        "texten innan du publicerar."
    )
    # The resident's markup is text, never HTML.
    assert not page.select(".nice-padding p b")
    assert "&lt;b&gt;" in client.get(url("moderate", proposal.pk)).content.decode()


def test_a_text_without_personal_details_has_no_marks_and_no_confirmation(client, officer, home):
    clean = make.proposal(
        villages()["läckeby"],
        visibility=Visibility.PENDING,
        body="Bussen 2026-0042 går 18.30 och kostar 30 kr; postnummer 392 30.",
    )

    page = soup(client.get(url("moderate", clean.pk)))

    assert not page.select("mark, .moderation-findings, #id_checked_personal_details")
    assert client.post(url("moderate", clean.pk), publishing(clean)).status_code == 302


def test_publishing_a_public_text_with_personal_details_needs_a_confirmation(
    client, officer, proposal
):
    page = soup(client.get(url("moderate", proposal.pk)))
    checkbox = page.select_one("#id_checked_personal_details")
    assert checkbox is not None
    label = text_of(page.find("label", attrs={"for": "id_checked_personal_details"}))
    assert label == "Jag har kontrollerat att den publika texten inte innehåller personuppgifter"

    refused = client.post(url("moderate", proposal.pk), publishing(proposal))

    assert refused.status_code == 200
    assert refused.context["form"].errors["checked_personal_details"] == [
        "Den publika texten innehåller fortfarande ett telefonnummer och en e-postadress. "
        "Ta bort det, eller kryssa i att du har kontrollerat att det får visas."
    ]
    proposal.refresh_from_db()
    assert proposal.visibility == Visibility.PENDING

    confirmed = client.post(
        url("moderate", proposal.pk), publishing(proposal, checked_personal_details="on")
    )
    assert confirmed.status_code == 302
    proposal.refresh_from_db()
    assert proposal.is_public


def test_a_redacted_public_text_needs_no_confirmation(client, officer, proposal):
    response = client.post(
        url("moderate", proposal.pk),
        publishing(proposal, public_body="Lampan vid skolan är trasig."),
    )

    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.public_body == "Lampan vid skolan är trasig."
    assert proposal.body == BODY


def test_a_number_added_while_editing_still_needs_the_confirmation(client, officer, home):
    clean = make.proposal(villages()["läckeby"], visibility=Visibility.PENDING)

    response = client.post(
        url("moderate", clean.pk),
        publishing(clean, public_body="Kontakta vaktmästaren, 0480-45 00 00."),
    )

    assert response.status_code == 200
    assert "checked_personal_details" in response.context["form"].errors
    assert soup(response).select_one("#id_checked_personal_details") is not None


def test_hiding_needs_no_confirmation(client, officer, proposal):
    response = client.post(
        url("moderate", proposal.pk),
        {"action": "hide", "hidden_reason": "Hela texten handlar om en granne."},
    )

    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.visibility == Visibility.HIDDEN
