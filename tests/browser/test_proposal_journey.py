"""A resident sends a proposal in a real browser: the form by its labels, errors, review,
change, send, the receipt and the private follow-up page, each checked with axe-core."""

import re

import pytest
from playwright.sync_api import expect

from rounds.models import Proposal, Theme
from rounds.models.proposals import Visibility
from tests.support.accessibility import assert_no_axe_violations, heading
from tests.support.browser_site import landscape_png

# A test fills the form faster than a person; the live server shares these settings.
pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("no_wait")]


@pytest.fixture
def form_page(visit, site):
    """The proposal form of the open dialogue, with a theme to choose."""
    Theme.objects.create(name="Trafik och vägar")
    dialogue = site["dialogue_open"]
    return visit(dialogue.get_url() + dialogue.reverse_subpage("proposal_form"))


def fill_in(page):
    page.get_by_label("Rubrik").fill("Belysning vid busshållplatsen")
    page.get_by_label("Beskriv ditt förslag").fill(
        "Det är mörkt vid hållplatsen på Byvägen på vintermorgnarna.\nBarnen väntar där."
    )
    page.get_by_label("Tema").select_option(label="Trafik och vägar")
    page.get_by_label("Var i orten gäller det?").fill("Byvägen, vid affären")
    page.get_by_label("Ditt namn").fill("Anna Andersson")
    page.get_by_label("E-postadress").fill("anna@example.org")
    page.get_by_label("Skicka svaren till min e-post").check()
    page.get_by_label("Telefonnummer").fill("070-123 45 67")
    page.get_by_label("Namn att visa vid förslaget").fill("Anna")
    page.get_by_label("Visa namnet vid förslaget på webbplatsen").check()
    page.get_by_label("Ålder").select_option(label="30–49 år")


def test_send_a_proposal_review_change_and_get_a_receipt(page, visit, site):
    Theme.objects.create(name="Trafik och vägar")
    visit(site["dialogue_open"].get_url())
    page.get_by_role("link", name="Lämna förslag").click()
    expect(heading(page)).to_have_text("Lämna förslag")
    assert_no_axe_violations(page, "the empty form")

    fill_in(page)
    page.get_by_label("Foto").set_input_files(
        {"name": "hallplatsen.png", "mimeType": "image/png", "buffer": landscape_png()}
    )
    page.get_by_role("button", name="Granska förslaget").click()

    expect(heading(page)).to_have_text("Granska ditt förslag")
    expect(page.get_by_text("Belysning vid busshållplatsen")).to_be_visible()
    expect(page.get_by_role("img", name="Bilden du har valt")).to_be_visible()
    assert_no_axe_violations(page, "the review step")

    page.get_by_role("button", name="Ändra").click()

    expect(heading(page)).to_have_text("Lämna förslag")
    expect(page.get_by_label("Rubrik")).to_have_value("Belysning vid busshållplatsen")
    expect(page.get_by_label("E-postadress")).to_have_value("anna@example.org")
    expect(page.get_by_label("Visa namnet vid förslaget på webbplatsen")).to_be_checked()
    expect(page.get_by_role("img", name="Bilden du har valt")).to_be_visible()
    page.get_by_label("Rubrik").fill("Bättre belysning vid busshållplatsen")
    page.get_by_role("button", name="Granska förslaget").click()

    expect(page.get_by_text("Bättre belysning vid busshållplatsen")).to_be_visible()
    page.get_by_role("button", name="Skicka förslaget").click()

    expect(heading(page)).to_have_text("Tack! Ditt förslag är skickat")
    proposal = Proposal.objects.get()
    expect(page.locator(".receipt__reference")).to_contain_text(proposal.reference)
    assert re.fullmatch(r"\d{4}-\d{4}", proposal.reference)
    assert proposal.title == "Bättre belysning vid busshållplatsen"
    assert proposal.photo
    assert_no_axe_violations(page, "the receipt")

    page.locator(".receipt__link a").click()

    expect(heading(page)).to_have_text("Bättre belysning vid busshållplatsen")
    expect(page.get_by_text("Väntar på granskning.")).to_be_visible()
    expect(page.get_by_role("img", name="Bilden du skickade med förslaget")).to_be_visible()
    assert page.evaluate("document.querySelector('.review-list__photo').naturalWidth"), (
        "the resident's own photo does not load"
    )
    assert_no_axe_violations(page, "the private follow-up page")


def test_errors_are_summarised_focused_and_what_was_typed_is_kept(page, form_page):
    page.get_by_label("Var i orten gäller det?").fill("Byvägen, vid affären")
    page.get_by_label("E-postadress").fill("inte-en-adress")
    page.get_by_label("Ålder").select_option(label="65–79 år")
    page.get_by_role("button", name="Granska förslaget").click()

    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Det finns fel i formuläret")
    expect(page).to_have_title(re.compile(r"^Fel: "))
    expect(page.get_by_label("Var i orten gäller det?")).to_have_value("Byvägen, vid affären")
    expect(page.get_by_label("E-postadress")).to_have_value("inte-en-adress")
    expect(page.get_by_label("Ålder")).to_have_value("65_79")
    expect(page.get_by_label("Rubrik")).to_have_attribute("aria-invalid", "true")
    assert_no_axe_violations(page, "the form with errors")

    summary.get_by_role("link", name="Skriv en rubrik för förslaget.").click()

    expect(page.get_by_label("Rubrik")).to_be_focused()
    page.get_by_label("Rubrik").fill("Belysning vid busshållplatsen")
    page.get_by_label("Beskriv ditt förslag").fill("Det är mörkt på morgonen.")
    page.get_by_label("E-postadress").fill("anna@example.org")
    page.get_by_role("button", name="Granska förslaget").click()

    expect(heading(page)).to_have_text("Granska ditt förslag")


def test_the_resident_withdraws_a_pending_proposal_from_the_private_page(page, form_page):
    fill_in(page)
    page.get_by_role("button", name="Granska förslaget").click()
    page.get_by_role("button", name="Skicka förslaget").click()
    page.locator(".receipt__link a").click()

    page.get_by_role("link", name="Återkalla förslaget").click()
    page.get_by_role("button", name="Ja, återkalla förslaget").click()

    expect(page.get_by_role("status")).to_contain_text("Förslaget är återkallat.")
    assert Proposal.objects.get().visibility == Visibility.HIDDEN
    page.get_by_role("button", name="Sluta skicka e-post om förslaget").click()
    expect(page.get_by_role("status")).to_contain_text("Du får inte längre e-post")
    assert not Proposal.objects.get().notify_status


def test_outside_the_window_the_page_says_so_and_passes_axe(visit, site):
    dialogue = site["dialogue_follow_up"]  # takes no proposals online
    page = visit(dialogue.get_url() + dialogue.reverse_subpage("proposal_form"))

    expect(heading(page)).to_have_text("Dialogen tar inte emot förslag på webben")
    expect(page.get_by_role("link", name="Till sidan om Påryd")).to_be_visible()
    assert_no_axe_violations(page, "the closed form")


def test_a_lost_csrf_cookie_gives_the_swedish_page_and_passes_axe(page, form_page):
    fill_in(page)
    page.context.clear_cookies()

    page.get_by_role("button", name="Granska förslaget").click()

    expect(heading(page)).to_have_text("Formuläret kunde inte skickas")
    expect(page.get_by_text("Ladda om sidan")).to_be_visible()
    assert_no_axe_violations(page, "the CSRF failure page")
    assert Proposal.objects.count() == 0
