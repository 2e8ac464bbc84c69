"""Stopping email from the link in a message, in a real browser: the button page, the stopped
page, the same link used again and a broken link. Every page passes axe-core."""

import pytest
from playwright.sync_api import expect

from notifications.mail import unsubscribe_url
from notifications.models import Follower
from tests.support import proposals as make
from tests.support.accessibility import assert_no_axe_violations, heading
from tests.support.following import follower
from tests.support.mail import path_of

pytestmark = pytest.mark.browser


def test_stop_following_a_village_from_the_link(page, visit, site):
    anna = follower(site["place"], "anna@example.org")
    link = path_of(unsubscribe_url(follower=anna))

    visit(link)
    expect(heading(page)).to_have_text("Sluta få e-post")
    expect(page.locator("main")).to_contain_text("Vill du sluta följa Läckeby?")
    assert_no_axe_violations(page, "the unsubscribe button")
    assert Follower.objects.filter(pk=anna.pk).exists(), "opening the link must stop nothing"

    page.get_by_role("button", name="Ja, sluta skicka e-post").click()
    expect(heading(page)).to_have_text("Du får inte längre e-post")
    expect(page.get_by_role("status")).to_contain_text("Du följer inte längre Läckeby")
    assert_no_axe_violations(page, "the stopped page")
    assert not Follower.objects.filter(pk=anna.pk).exists()

    visit(link)
    expect(page.locator("main")).to_contain_text("Det finns inget kvar att avsluta")
    expect(page.locator("main").get_by_role("button")).to_have_count(0)
    assert_no_axe_violations(page, "a link used before")


def test_stop_status_emails_and_a_broken_link(page, visit, site):
    proposal = make.proposal(site["dialogue_open"], email="bo@example.org", notify_status=True)

    visit(path_of(unsubscribe_url(proposal=proposal)))
    expect(page.locator("main")).to_contain_text(f"för förslag {proposal.reference}?")
    page.get_by_role("button", name="Ja, sluta skicka e-post").click()
    expect(page.get_by_role("status")).to_contain_text(
        f"Vi skickar inte fler e-postmeddelanden om förslag {proposal.reference}."
    )
    proposal.refresh_from_db()
    assert proposal.notify_status is False

    visit("/e-post/avsluta/inte-en-riktig-lank/", status=400)
    expect(heading(page)).to_have_text("Länken fungerar inte")
    assert_no_axe_violations(page, "a broken unsubscribe link")
