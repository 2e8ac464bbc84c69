"""Staff in a real browser: the "E-post" report with "Försök igen nu", and forgetting a
follower's address through its confirmation step. Every page passes axe-core."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from notifications.models import Follower, OutgoingEmail
from tests.support.accessibility import assert_no_axe_violations
from tests.support.following import follower

pytestmark = pytest.mark.browser

ADDRESS = "refused-4411@example.org"


def test_retry_a_refused_email_from_the_report(admin_page, visit):
    email = OutgoingEmail.objects.create(
        kind="proposal_receipt",
        to=ADDRESS,
        subject="Tack för ditt förslag",
        text_body="Hej!",
        state=OutgoingEmail.State.FAILED,
        attempts=9,
        last_error="SMTPServerDisconnected: Connection unexpectedly closed",
    )
    page = visit("/admin/")
    page.get_by_role("link", name="Visa dem i listan E-post").click()
    expect(page.get_by_role("cell", name=ADDRESS)).to_be_visible()
    assert_no_axe_violations(page, "the email report")

    page.get_by_role("button", name="Försök igen nu").click()

    expect(page.get_by_text("E-postmeddelandet är skickat.")).to_be_visible()
    email.refresh_from_db()
    assert email.state == OutgoingEmail.State.SENT
    assert [message.to for message in mail.outbox] == [[ADDRESS]]


def test_forget_a_follower_after_confirming(admin_page, visit, site):
    follower(site["place"], "anna@example.org")
    page = visit("/admin/e-post/bevakare/")
    assert_no_axe_violations(page, "the followers per village")
    page.get_by_role("link", name="Ta bort en bevakare").click()
    assert_no_axe_violations(page, "the form to find an address")

    page.get_by_label("E-postadress").fill("anna@example.org")
    page.get_by_role("button", name="Hitta adressen").click()

    expect(page.get_by_role("heading", name="Vill du ta bort adressen?")).to_be_visible()
    assert_no_axe_violations(page, "the confirmation")
    assert Follower.objects.count() == 1
    page.get_by_role("button", name="Ja, ta bort").click()

    expect(page.get_by_text("Adressen är borttagen från 1 ort.")).to_be_visible()
    assert not Follower.objects.exists()
