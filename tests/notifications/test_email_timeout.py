"""A mail server that accepts the connection and never answers cannot hold the worker.

Without a timeout the SMTP client waits for ever, and every task queued behind the email waits
too. With EMAIL_TIMEOUT the attempt fails, is recorded, and the email waits for its retry.
"""

import socket
import threading

import pytest

from notifications import mail as outbox
from notifications.models import OutgoingEmail
from tests.support.production import manage


@pytest.fixture
def silent_mail_server():
    """A TCP server that accepts connections and never says a word (not even the SMTP greeting)."""
    server = socket.create_server(("127.0.0.1", 0))
    accepted = []
    stop = threading.Event()

    def accept():
        server.settimeout(0.1)
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join()
    for connection in accepted:
        connection.close()
    server.close()


def test_email_timeout_defaults_to_20_seconds_and_comes_from_the_environment():
    def timeout(**env):
        code = "from django.conf import settings; print(repr(settings.EMAIL_TIMEOUT))"
        result = manage("shell", "--no-imports", "-c", code, SECRET_KEY="x" * 64, **env)
        return result.stdout.strip()

    assert timeout() == "20.0"
    assert timeout(EMAIL_TIMEOUT="7.5") == "7.5"


def test_a_silent_mail_server_fails_the_attempt_and_the_email_stays_queued(
    db, settings, silent_mail_server
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", silent_mail_server
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 0.5
    email = OutgoingEmail.objects.create(
        kind="test", to="anna@example.org", subject="Hej", text_body="Hej!"
    )

    assert outbox.deliver(email) is False

    email.refresh_from_db()
    assert email.state == OutgoingEmail.State.QUEUED
    assert email.attempts == 1
    assert "timed out" in email.last_error
