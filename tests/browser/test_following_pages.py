"""A resident follows a village in a real browser: the form on the village page, a mistake and
its error summary, "check your email", the link from the email, and confirming. Every page
passes axe-core."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from notifications import following, notices
from notifications.models import Follower, OutgoingEmail
from rounds.models import DialoguePage
from rounds.models.proposals import Status
from tests.support import proposals as make
from tests.support.accessibility import assert_no_axe_violations, email_problems, heading
from tests.support.following import confirm_link, follower, publish
from tests.support.mail import html_of, path_of

pytestmark = pytest.mark.browser


def test_follow_a_village_from_its_page_and_confirm_from_the_email(page, visit, site):
    visit(site["place"].get_url())
    box = page.locator(".follow-box")
    expect(box.get_by_role("heading", name="Följ Läckeby")).to_be_visible()

    # A mistake: the address without @.
    box.get_by_label("Din e-postadress").fill("anna.example.org")
    box.get_by_label("En sammanfattning i veckan").check()
    box.get_by_role("button", name="Följ Läckeby").click()

    expect(heading(page)).to_have_text("Följ Läckeby")
    expect(page).to_have_title(re.compile(r"^Fel:"))
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Skriv e-postadressen som namn@exempel.se.")
    email = page.get_by_label("Din e-postadress")
    expect(email).to_have_value("anna.example.org")
    expect(page.get_by_label("En sammanfattning i veckan")).to_be_checked()
    assert_no_axe_violations(page, "the form with an error")
    summary.get_by_role("link").click()
    expect(email).to_be_focused()
    assert mail.outbox == []

    # Corrected and sent: only the confirmation email goes out.
    email.fill("anna@example.org")
    page.get_by_role("button", name="Följ Läckeby").click()

    expect(heading(page)).to_have_text("Kolla din e-post")
    expect(page.locator("main")).to_contain_text("Tryck på länken i meddelandet")
    assert_no_axe_violations(page, "check your email")
    [message] = mail.outbox
    assert message.to == ["anna@example.org"]
    assert Follower.objects.get().confirmed_at is None

    # The link from the email: a button first, then it is confirmed.
    visit(path_of(confirm_link(message)))
    expect(heading(page)).to_have_text("Bekräfta att du vill följa Läckeby")
    expect(page.locator("main")).to_contain_text("en sammanfattning i veckan")
    assert_no_axe_violations(page, "the confirmation page")
    assert Follower.objects.get().confirmed_at is None
    page.get_by_role("button", name="Ja, börja skicka").click()

    expect(heading(page)).to_have_text("Nu följer du Läckeby")
    expect(page.get_by_role("status")).to_contain_text("Din e-postadress är bekräftad")
    assert_no_axe_violations(page, "the confirmed page")
    follower = Follower.objects.get()
    assert follower.confirmed_at is not None
    assert follower.updates == "weekly"
    assert len(mail.outbox) == 1


def test_the_form_on_a_dialogue_page_and_a_broken_link_pass_axe(page, visit, site):
    visit(site["dialogue_open"].get_url())
    page.locator(".follow-box").get_by_label("Din e-postadress").fill("bo@example.org")
    page.locator(".follow-box").get_by_role("button", name="Följ Läckeby").click()
    expect(heading(page)).to_have_text("Kolla din e-post")

    visit("/bevaka/bekrafta/inte-en-riktig-lank/", status=400)
    expect(heading(page)).to_have_text("Länken fungerar inte")
    assert_no_axe_violations(page, "a broken confirmation link")


@pytest.fixture
def follower_emails(site):
    """One email of each kind a follower of Läckeby can get, as HTML."""
    place, dialogue = site["place"], site["dialogue_open"]
    following.request_follow(place, "ny@example.org", "each")
    follower(place, "each@example.org", "each")
    weekly = follower(place, "weekly@example.org", "weekly")
    weekly.confirmed_at -= timedelta(days=30)
    weekly.save()
    following.request_follow(place, "each@example.org", "weekly")  # a change to confirm

    publish(dialogue)  # "Ny dialog"
    page = DialoguePage.objects.get(pk=dialogue.pk)
    events = list(page.events.order_by("start"))
    events[0].cancelled = True
    page.events = events
    page.summary = [{"type": "text", "value": "<p>Det här kom fram.</p>"}]
    page.summary_intro = "Belysningen vid hållplatsen byggs i vår."
    page.summary_published_at = timezone.localdate()
    publish(page)  # "Ändrade datum" and the summary

    proposal = make.proposal(dialogue, title="Belysning vid busshållplatsen på Byvägen")
    update = make.answer(
        proposal,
        Status.PLANNED,
        public_message="Vi sätter upp en ny lampa när marken har tinat.",
        responsible=make.department("Samhällsbyggnadsförvaltningen"),
        planned_date_unknown_reason="Dagen beror på när tjälen går ur marken.",
    )
    update.created_at -= timedelta(days=7)
    update.save()
    notices.send_digests(timezone.localdate())
    meeting = dialogue.meeting
    notices.send_reminders(timezone.localdate(meeting.start) - timedelta(days=1))

    kinds = {email.kind for email in OutgoingEmail.objects.all()}
    assert kinds >= {
        "follow_confirm",
        "follow_dialogue",
        "follow_dates",
        "follow_summary",
        "follow_status",
        "follow_digest",
        "follow_reminder",
    }
    seen, found = set(), []
    for message in mail.outbox:
        key = message.subject.split(":")[0]
        if key not in seen:
            seen.add(key)
            found.append((message.subject, html_of(message)))
    return found


def test_follower_emails_have_no_axe_violations_and_reflow(page, follower_emails):
    problems = email_problems(page, follower_emails)

    assert len(follower_emails) >= 8
    assert not problems, "\n".join(problems)
