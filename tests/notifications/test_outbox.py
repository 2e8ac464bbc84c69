"""Email never loses work: a failing mail server or task queue keeps the proposal and the
update, the email waits in the outbox, and `send_queued_emails` sends it later, exactly once."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from notifications import mail as outbox
from notifications import resident_emails
from notifications.models import OutgoingEmail
from rounds.models import Proposal
from rounds.models.proposals import Status, Visibility
from rounds.proposals import services
from tests.support import proposals as make
from tests.support.admin import CASE_OFFICERS, login, url
from tests.support.mail import FlakyBackend
from tests.support.proposal_form import submit_proposal

BROKEN_QUEUE = {"default": {"BACKEND": "tests.support.mail.BrokenTaskBackend"}}

pytestmark = pytest.mark.usefixtures("no_wait")


@pytest.fixture
def mail_server_down(settings):
    """The mail server refuses the next messages: set `.failures`; default the first one."""
    settings.EMAIL_BACKEND = "tests.support.mail.FlakyBackend"
    FlakyBackend.failures, FlakyBackend.refused = 1, 0
    yield FlakyBackend
    FlakyBackend.failures = 0


@pytest.fixture
def clock(monkeypatch):
    """Move time forward: clock.move(minutes=…) makes timezone.now() that much later."""

    class Clock:
        offset = timedelta()

        def move(self, **delta):
            self.offset += timedelta(**delta)

    clock = Clock()
    real_now = timezone.now
    monkeypatch.setattr(timezone, "now", lambda: real_now() + clock.offset)
    return clock


def sweep(**options):
    """Run `manage.py send_queued_emails` and return what it printed."""
    out = StringIO()
    call_command("send_queued_emails", stdout=out, **options)
    return out.getvalue()


def submit_through_the_form(client, dialogue):
    """The resident's whole journey; the receipt page must open."""
    response = submit_proposal(client, dialogue)
    assert response.status_code == 303
    receipt = client.get(response["Location"])
    assert receipt.status_code == 200
    assert "Tack! Ditt förslag är skickat" in receipt.content.decode()
    return Proposal.objects.get()


def test_a_failing_mail_server_keeps_the_proposal_and_sends_the_receipt_later(
    client, dialogue, mail_server_down, clock
):
    proposal = submit_through_the_form(client, dialogue)

    email = OutgoingEmail.objects.get()
    assert (email.kind, email.to, email.state) == ("proposal_receipt", "anna@example.org", "queued")
    assert email.attempts == 1
    assert email.last_error.startswith("SMTPServerDisconnected")
    assert mail.outbox == []
    assert "Skickade 0, väntar 1" in sweep()  # not due yet: nothing is tried

    clock.move(minutes=2)
    assert "Skickade 1, väntar 0" in sweep()

    (message,) = mail.outbox
    assert message.to == ["anna@example.org"]
    assert proposal.reference in message.subject
    email.refresh_from_db()
    assert (email.state, email.attempts, email.text_body) == ("sent", 2, "")
    assert "Skickade 0, väntar 0" in sweep()
    assert len(mail.outbox) == 1


def test_a_failing_mail_server_keeps_the_officers_update_and_sends_it_later(
    client, dialogue, mail_server_down, clock
):
    mail_server_down.failures = 0
    proposal = make.proposal(dialogue, email="anna@example.org", notify_status=True)
    mail_server_down.failures = 1
    login(client, CASE_OFFICERS)

    response = client.post(
        url("answer", proposal.pk),
        {"status": Status.DIRECT_ACTION, "public_message": "Vi lagar lampan i veckan."},
    )

    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == Status.DIRECT_ACTION
    assert proposal.updates.count() == 2
    email = OutgoingEmail.objects.get(kind="proposal_status")
    assert (email.state, email.attempts) == ("queued", 1)
    assert "Åtgärdas" not in "".join(m.subject for m in mail.outbox)

    clock.move(minutes=2)
    sweep()
    sweep()

    (message,) = [m for m in mail.outbox if "Åtgärdas" in m.subject]
    assert "Vi lagar lampan i veckan." in message.body


@pytest.mark.parametrize("failures", [1, 3])
def test_the_retry_waits_longer_each_time_and_then_succeeds(dialogue, mail_server_down, failures):
    mail_server_down.failures = failures
    proposal = make.proposal(dialogue, email="anna@example.org", notify_status=True)
    email = OutgoingEmail.objects.get()
    pauses = []

    for _ in range(failures):
        email.refresh_from_db()
        pauses.append(email.next_attempt_at - timezone.now())
        outbox.deliver_due(now=email.next_attempt_at)

    email.refresh_from_db()
    assert email.state == "sent" and email.attempts == failures + 1
    assert [round(p.total_seconds() / 60) for p in pauses] == [1, 5, 15][:failures]
    assert [m.subject for m in mail.outbox] == [f"Ditt förslag {proposal.reference} är publicerat"]


def test_after_the_last_retry_the_email_is_given_up(dialogue, mail_server_down):
    mail_server_down.failures = 100
    make.proposal(dialogue, email="anna@example.org", notify_status=True)
    email = OutgoingEmail.objects.get()

    while email.state == "queued":
        outbox.deliver_due(now=email.next_attempt_at)
        email.refresh_from_db()

    assert email.state == "failed"
    assert email.attempts == len(outbox.RETRY_DELAYS) + 1 == mail_server_down.refused
    assert "SMTPServerDisconnected" in email.last_error
    assert outbox.deliver_due(now=timezone.now() + timedelta(days=30)) == (0, 0)
    assert mail.outbox == []


def test_a_task_queue_that_is_down_keeps_the_proposal_and_the_sweep_sends(
    client, dialogue, settings
):
    settings.TASKS = BROKEN_QUEUE

    proposal = submit_through_the_form(client, dialogue)

    email = OutgoingEmail.objects.get()
    assert (email.state, email.attempts) == ("queued", 0)
    assert mail.outbox == []
    assert "Skickade 1" in sweep()
    assert [m.subject for m in mail.outbox] == [
        f"Vi har tagit emot ditt förslag {proposal.reference}"
    ]


def broken(*args, **kwargs):
    raise RuntimeError("template missing")


@pytest.mark.parametrize("part", [(resident_emails, "queue_email"), (Proposal, "get_public_url")])
def test_an_email_that_cannot_be_prepared_does_not_cost_the_proposal_or_the_update(
    client, dialogue, monkeypatch, part
):
    monkeypatch.setattr(*part, broken)

    proposal = submit_through_the_form(client, dialogue)
    services.publish(proposal)
    make.answer(proposal, Status.REVIEWING)

    proposal.refresh_from_db()
    assert proposal.visibility == Visibility.PUBLIC
    assert proposal.status == Status.REVIEWING
    assert proposal.updates.count() == 2
    receipts = 1 if part[0] is Proposal else 0  # only the links to public pages broke
    assert OutgoingEmail.objects.filter(kind="proposal_receipt").count() == receipts
    assert not OutgoingEmail.objects.exclude(kind="proposal_receipt").exists()


def test_the_worker_and_the_sweep_at_the_same_time_send_once(dialogue, settings):
    settings.TASKS = BROKEN_QUEUE  # nothing sent at queueing: both find it queued
    make.proposal(dialogue, email="anna@example.org", notify_status=True)
    first, second = OutgoingEmail.objects.get(), OutgoingEmail.objects.get()

    assert outbox.deliver(first) is True
    assert outbox.deliver(second) is False

    assert len(mail.outbox) == 1


def test_an_attempt_that_never_finished_is_made_again_later(dialogue, settings, clock):
    settings.TASKS = BROKEN_QUEUE
    make.proposal(dialogue, email="anna@example.org", notify_status=True)
    email = OutgoingEmail.objects.get()
    assert outbox.claim(email)  # a process took it, then crashed before sending

    assert "Skickade 0" in sweep()
    clock.move(minutes=11)
    assert "Skickade 1" in sweep()
    assert len(mail.outbox) == 1


# Forgetting old addresses


def old_email(state, days, key):
    email = OutgoingEmail.objects.create(
        kind="proposal_receipt",
        dedupe_key=key,
        to="anna@example.org",
        subject="Vi har tagit emot ditt förslag 2026-0001",
        text_body="http://testserver/mitt-forslag/hemlig/",
        state=state,
    )
    OutgoingEmail.objects.filter(pk=email.pk).update(
        created_at=timezone.now() - timedelta(days=days)
    )
    return email


def test_the_sweep_forgets_addresses_of_old_emails_but_still_never_sends_twice(db):
    old_sent = old_email("sent", 31, "a")
    old_failed = old_email("failed", 45, "b")
    recent = old_email("sent", 29, "c")

    assert "rensade 2" in sweep()

    for email in (old_sent, old_failed):
        email.refresh_from_db()
        assert (email.to, email.text_body, email.headers) == ("", "", {})
        assert email.subject  # what was sent, and when, stays on record
    recent.refresh_from_db()
    assert recent.to == "anna@example.org"
    again = outbox.queue_email(
        to="anna@example.org", name="proposal_receipt", context={}, unsubscribe="", dedupe_key="a"
    )
    assert again is None
    assert "rensade 0" in sweep()


def test_an_old_email_that_still_waits_is_sent_before_its_address_is_forgotten(db):
    waiting = old_email("queued", 40, "d")

    assert "Skickade 1, väntar 0, rensade 1" in sweep(keep_days=30)

    assert [m.to for m in mail.outbox] == [["anna@example.org"]]
    waiting.refresh_from_db()
    assert (waiting.state, waiting.to) == ("sent", "")
