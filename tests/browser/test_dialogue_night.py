"""The dialogue night in a real browser: sixty residents in the village hall, on one Wi-Fi (one
client address, the live server's 127.0.0.1), each on a phone of their own, send a proposal
and follow the village during the meeting. None of them is refused; the ceiling that stops a
script is unit-tested in tests/proposals/test_rate_limits.py."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from notifications.models import Follower
from rounds.models import Proposal
from tests.support.accessibility import heading

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("no_wait")]

RESIDENTS = 60
PHONE = {"width": 390, "height": 844}


def propose_and_follow(phone, form_path, village_path, number):
    """One resident: the form, the review, send; then "Följ" on the village page."""
    phone.goto(form_path)
    phone.get_by_label("Rubrik").fill(f"Förslag nummer {number} från mötet")
    phone.get_by_label("Beskriv ditt förslag").fill("Sagt vid bordet om busshållplatsen.")
    phone.get_by_role("button", name="Granska förslaget").click()
    phone.get_by_role("button", name="Skicka förslaget").click()
    expect(heading(phone)).to_have_text("Tack! Ditt förslag är skickat")

    phone.goto(village_path)
    box = phone.locator(".follow-box")
    box.get_by_label("Din e-postadress").fill(f"boende{number}@example.org")
    box.get_by_role("button", name="Följ Läckeby").click()
    expect(heading(phone)).to_have_text("Kolla din e-post")


def test_sixty_residents_on_one_wi_fi_propose_and_follow_the_same_evening(
    browser, live_server, site
):
    dialogue = site["dialogue_open"]
    form_path = dialogue.get_url() + dialogue.reverse_subpage("proposal_form")
    village_path = site["place"].get_url()

    for number in range(1, RESIDENTS + 1):
        # A context of its own: another phone, no cookies shared, the same address.
        context = browser.new_context(base_url=live_server.url, locale="sv-SE", viewport=PHONE)
        context.set_default_timeout(10_000)
        try:
            propose_and_follow(context.new_page(), form_path, village_path, number)
        finally:
            context.close()

    assert Proposal.objects.count() == RESIDENTS
    assert Follower.objects.count() == RESIDENTS
    assert len(mail.outbox) == RESIDENTS  # every confirmation was sent
