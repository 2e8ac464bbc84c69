"""A mail server and a task queue that fail on purpose, for the robustness tests."""

from smtplib import SMTPServerDisconnected

from django.core.mail.backends.locmem import EmailBackend
from django_tasks.backends.immediate import ImmediateBackend


class FlakyBackend(EmailBackend):
    """A mail server that refuses the next `failures` messages, then delivers to mail.outbox.

    Set `FlakyBackend.failures` in a test; `FlakyBackend.refused` counts the refusals.
    """

    failures = 0
    refused = 0

    def send_messages(self, messages):
        if FlakyBackend.failures > 0:
            FlakyBackend.failures -= 1
            FlakyBackend.refused += 1
            raise SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(messages)


class BrokenTaskBackend(ImmediateBackend):
    """A task queue that refuses email deliveries; other tasks (search indexing) still run."""

    def enqueue(self, task, args, kwargs):
        if task.module_path == "notifications.tasks.deliver_email":
            raise ConnectionError("task queue unavailable")
        return super().enqueue(task, args, kwargs)
