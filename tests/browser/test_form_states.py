"""The form's new states in a real browser, each checked with axe-core: the receipt with and
without an email address (and its copy, share and print buttons), and the withdraw question
with both its answers."""

import pytest
from playwright.sync_api import expect

from rounds.models import Proposal
from tests.support.accessibility import assert_no_axe_violations, heading

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("no_wait")]


@pytest.fixture
def send(visit, site):
    """Send a short proposal through the form, with or without an address; returns the page."""

    def send_proposal(email=""):
        dialogue = site["dialogue_open"]
        page = visit(dialogue.get_url() + dialogue.reverse_subpage("proposal_form"))
        page.get_by_label("Rubrik").fill("Belysning vid busshållplatsen")
        page.get_by_label("Beskriv ditt förslag").fill("Det är mörkt på vintermorgnarna.")
        if email:
            page.get_by_label("E-postadress").fill(email)
        page.get_by_role("button", name="Granska förslaget").click()
        page.get_by_role("button", name="Skicka förslaget").click()
        expect(heading(page)).to_have_text("Tack! Ditt förslag är skickat")
        return page

    return send_proposal


def test_the_receipt_with_an_address_says_where_it_went_and_copies_the_link(page, send):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    send("anna@example.org")

    expect(page.locator(".receipt__sent")).to_have_text(
        "Vi har skickat en bekräftelse till a***@example.org med referensen och länken."
    )
    assert Proposal.objects.get().notify_status
    copy = page.get_by_role("button", name="Kopiera länken")
    expect(copy).to_be_visible()  # the live server is localhost, a secure context
    expect(page.get_by_role("button", name="Skriv ut")).to_be_visible()
    share = page.get_by_role("button", name="Dela", exact=True)
    if page.evaluate("typeof navigator.share === 'function'"):
        expect(share).to_be_visible()
    else:
        expect(share).to_be_hidden()  # a desktop Chromium without the Web Share API
    assert_no_axe_violations(page, "the receipt with an email address")

    copy.click()

    expect(page.get_by_role("status")).to_have_text("Länken är kopierad.")
    link = page.locator(".receipt__link a").get_attribute("href")
    assert page.evaluate("navigator.clipboard.readText()") == link
    page.reload()
    expect(page.locator(".receipt__sent")).not_to_contain_text("a***@example.org")


def test_the_receipt_without_an_address_says_to_save_the_link(page, send):
    send()

    expect(page.locator(".receipt__sent")).to_contain_text(
        "Du angav ingen e-post, så spara länken."
    )
    assert not Proposal.objects.get().notify_status
    assert_no_axe_violations(page, "the receipt without an email address")


def test_withdrawing_asks_first_cancel_keeps_and_confirm_withdraws(page, send):
    send()
    page.locator(".receipt__link a").click()

    page.get_by_role("link", name="Återkalla förslaget").click()

    expect(heading(page)).to_have_text("Vill du återkalla förslaget?")
    assert_no_axe_violations(page, "the withdraw question")
    page.get_by_role("link", name="Nej, behåll förslaget").click()
    expect(page.get_by_text("Väntar på granskning.")).to_be_visible()
    assert Proposal.objects.get().withdrawn_at is None

    page.get_by_role("link", name="Återkalla förslaget").click()
    page.get_by_role("button", name="Ja, återkalla förslaget").click()

    expect(page.get_by_role("status")).to_contain_text("Förslaget är återkallat.")
    assert Proposal.objects.get().withdrawn_at is not None


def test_check_your_email_names_the_masked_address_once(page, visit, site):
    visit(site["place"].get_url())
    box = page.locator(".follow-box")
    box.get_by_label("Din e-postadress").fill("bo@example.org")
    box.get_by_role("button", name="Följ Läckeby").click()

    expect(heading(page)).to_have_text("Kolla din e-post")
    expect(page.locator(".lead")).to_contain_text("till b***@example.org.")
    assert_no_axe_violations(page, "Kolla din e-post with the address")
    page.reload()
    expect(page.locator(".lead")).to_contain_text("till adressen du skrev.")
