"""Anmälan in a real browser, each state checked with axe-core on a desktop and at phone size
(320 px, no sideways scrolling): the form empty, with errors, sent (the receipt), and closed;
and the HTML emails it sends."""

import pytest
from playwright.sync_api import expect

from rounds.models import DialogueEvent, EventRegistration
from tests.support.accessibility import (
    assert_no_axe_violations,
    email_problems,
    heading,
    overflowing,
)
from tests.support.mail import html_of
from tests.support.registrations import open_registration

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("no_wait")]

WIDTHS = (1280, 320)


def check(page, what):
    """axe at desktop and phone width, and no horizontal scrolling on the phone."""
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        assert_no_axe_violations(page, f"{what} at {width} px")
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= width, f"{what} is {scroll_width} px wide: {overflowing(page)}"
    page.set_viewport_size({"width": 1280, "height": 800})


@pytest.fixture
def meeting(site):
    return open_registration(site["dialogue_open"])


def open_form(visit, site, scan=False):
    page = visit(site["dialogue_open"].get_url())
    button = page.get_by_role("link", name="Anmäl dig / Säg till vad du behöver").first
    if scan:
        check(page, "the dialogue page with an anmälan button")
        # axe left this unflagged while the text was as white as the button (an a.button rule).
        colours = button.evaluate(
            "a => [getComputedStyle(a).color, getComputedStyle(a).backgroundColor]"
        )
        assert colours[0] != colours[1], f"the button's text cannot be seen: {colours}"
    button.click()
    expect(heading(page)).to_contain_text("Anmäl dig till")
    return page


def test_the_form_empty_with_errors_and_sent(visit, site, meeting):
    page = open_form(visit, site, scan=True)
    check(page, "the empty anmälan form")

    page.get_by_label("Barnpassning under tiden").check()
    page.get_by_role("button", name="Skicka anmälan").click()

    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("Skriv ditt namn.")
    expect(summary).to_contain_text("Skriv ett telefonnummer eller en e-postadress")
    expect(summary).to_contain_text("Skriv hur många barn som behöver passning.")
    expect(page.get_by_label("Barnpassning under tiden")).to_be_checked()  # what was ticked stays
    check(page, "the anmälan form with errors")

    page.get_by_label("Ditt namn").fill("Greta Gustafsson")
    page.get_by_label("E-postadress").fill("greta@example.org")
    page.get_by_label("Hur många barn?").fill("2")
    page.get_by_label("Hörslinga").check()
    page.get_by_role("button", name="Skicka anmälan").click()

    expect(heading(page)).to_have_text("Tack för din anmälan")
    expect(page.locator(".receipt__needs")).to_contain_text("Barnpassning för 2 barn")
    expect(page.locator(".receipt__sent")).to_contain_text("g***@example.org")
    check(page, "the anmälan receipt")
    assert EventRegistration.objects.get().needs_hearing_loop


def test_a_closed_anmalan(visit, site, meeting):
    DialogueEvent.objects.filter(pk=meeting.pk).update(cancelled=True)
    dialogue = site["dialogue_open"]
    page = visit(dialogue.get_url() + dialogue.reverse_subpage("registration_form", [meeting.pk]))

    expect(heading(page)).to_have_text("Anmälan är stängd")
    check(page, "the closed anmälan")


def test_the_anmalan_emails_pass_axe_and_fit_a_phone(page, visit, site, meeting, mailoutbox):
    form = open_form(visit, site)
    form.get_by_label("Ditt namn").fill("Greta Gustafsson")
    form.get_by_label("E-postadress").fill("greta@example.org")
    form.get_by_label("Tolk").check()
    form.get_by_label("Vilket språk?").fill("finska")
    form.get_by_role("button", name="Skicka anmälan").click()
    expect(heading(form)).to_have_text("Tack för din anmälan")

    emails = [(message.subject, html_of(message)) for message in mailoutbox]
    assert len(emails) == 2  # to the contact, and the resident's receipt
    assert not email_problems(page, emails)
