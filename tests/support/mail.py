"""Email in the tests: mail servers and a task queue that fail on purpose, for the robustness
tests, and reading the messages in mail.outbox as their recipient would."""

import re
from email import message_from_bytes, policy
from smtplib import SMTPServerDisconnected

from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django_tasks.backends.immediate import ImmediateBackend

LINK = re.compile(r"https?://testserver/\S+")


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


class ServerDownBackend:
    """A mail server that is down: every connection is refused."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


class BrokenTaskBackend(ImmediateBackend):
    """A task queue that refuses email deliveries; other tasks (search indexing) still run."""

    def enqueue(self, task, args, kwargs):
        if task.module_path == "notifications.tasks.deliver_email":
            raise ConnectionError("task queue unavailable")
        return super().enqueue(task, args, kwargs)


def emails_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def shown_subject(message):
    """The subject as the recipient's mail program shows it: decoded from the message's bytes
    on the wire, folded lines joined, not the Python string it was made from."""
    sent = message.message().as_bytes(linesep="\r\n")
    return str(message_from_bytes(sent, policy=policy.default)["Subject"])


def html_of(message):
    """The HTML body: the email's first alternative to the plain text."""
    (body, kind), *_ = message.alternatives
    assert kind == "text/html"
    return body


def everything_in(message):
    """Subject, headers, plain text and HTML of an email: all a recipient can read."""
    return "\n".join([message.subject, str(message.extra_headers), message.body, html_of(message)])


def links_in(message):
    """The site's links in the plain-text body, in order."""
    return LINK.findall(message.body)


def path_of(url):
    """The path of one of the site's absolute URLs (in an email), for the test client."""
    return url.removeprefix("http://testserver")
