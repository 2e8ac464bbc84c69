"""Production delivers email through the database task queue and its worker (`make worker`)."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from notifications.mail import enqueue_delivery
from notifications.models import OutgoingEmail

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# The worker closes "old" database connections between tasks: it needs real transactions.
pytestmark = pytest.mark.django_db(transaction=True)


def queue_reminder(to="boende@example.se"):
    email = OutgoingEmail.objects.create(
        kind="reminder", to=to, subject="Påminnelse", text_body="Vandringen är i morgon."
    )
    enqueue_delivery(email)
    return email


@override_settings(TASKS=DATABASE_TASKS)
def test_queued_email_waits_for_the_worker_and_is_sent_once():
    email = queue_reminder()

    assert mail.outbox == []
    assert DBTaskResult.objects.count() == 1

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    email.refresh_from_db()
    assert email.state == OutgoingEmail.State.SENT
    assert [m.to for m in mail.outbox] == [["boende@example.se"]]

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    assert len(mail.outbox) == 1


@override_settings(TASKS=DATABASE_TASKS, EMAIL_BACKEND="tests.support.mail.ServerDownBackend")
def test_a_failed_send_is_queued_again_for_later():
    email = queue_reminder()

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    email.refresh_from_db()
    assert email.state == OutgoingEmail.State.QUEUED
    assert email.attempts == 1
    later = DBTaskResult.objects.filter(status="READY").get()
    assert later.run_after == email.next_attempt_at
