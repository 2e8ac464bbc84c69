"""Queue and deliver email. Nothing a resident does waits for, or is lost with, the mail server.

`queue_email` renders a message into the outbox (OutgoingEmail) and hands it to the task queue.
`deliver` sends it; when the mail server fails, the attempt is recorded and the message is tried
again later, with a growing pause, by the worker (when the task backend can defer) and by
`manage.py send_queued_emails` (always). Once sent, the bodies are cleared: they may hold a
private link.

Templates: `emails/<name>/subject.txt`, `emails/<name>/body.txt` and `emails/<name>/body.html`.
"""

import functools
import logging
from datetime import timedelta
from email.header import Header

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import Truncator

from portal.web.links import absolute_url

from .models import OutgoingEmail
from .tokens import unsubscribe_token

logger = logging.getLogger(__name__)

# Pauses before the 1st, 2nd, ... retry; after the last one the message is given up.
RETRY_DELAYS = [timedelta(minutes=m) for m in (1, 5, 15, 60, 180, 360, 720, 1440)]
# An attempt that has not finished after this long (a crashed process) may be made again.
SEND_TIMEOUT = timedelta(minutes=10)
# A subject longer than the outbox keeps (a long dialogue or event title) is shortened with "…"
# rather than failing to queue: PostgreSQL refuses a value longer than the column.
SUBJECT_MAX_LENGTH = OutgoingEmail._meta.get_field("subject").max_length


def unsubscribe_url(*, proposal=None, follower=None):
    """The one-click address that stops these emails (GET shows a button, POST stops at once)."""
    token = unsubscribe_token(proposal=proposal, follower=follower)
    return absolute_url(reverse("notifications:unsubscribe", args=[token]))


def render_email(name, context):
    """(subject, text, html) of the templates under emails/<name>/.

    Always in Swedish and Stockholm time, whatever language or zone the admin user who caused
    the email works in.
    """
    context = {"site_url": absolute_url("/"), **context}
    with translation.override(settings.LANGUAGE_CODE), timezone.override(settings.TIME_ZONE):
        subject = " ".join(render_to_string(f"emails/{name}/subject.txt", context).split())
        subject = Truncator(subject).chars(SUBJECT_MAX_LENGTH)
        text = render_to_string(f"emails/{name}/body.txt", context)
        html = render_to_string(f"emails/{name}/body.html", context)
    return subject, text, html


def keeps_the_work(queue):
    """Decorate a function that queues email beside someone's work (a proposal, an answer, a
    publication): a failure is logged and returns None, never raised, and it leaves the
    caller's transaction usable. The work matters more than its email."""

    @functools.wraps(queue)
    def safely(*args, **kwargs):
        try:
            with transaction.atomic():
                return queue(*args, **kwargs)
        except Exception:
            logger.exception("Could not queue email (%s)", queue.__qualname__)
            return None

    return safely


def queue_email(*, to, name, context, unsubscribe, dedupe_key=None):
    """Render the email `name` for `to` into the outbox and enqueue its delivery.

    `unsubscribe` is the address that stops such emails: it is linked in the body (as
    `unsubscribe_url`) and sent in the List-Unsubscribe headers (RFC 8058). None only for an
    email the recipient asked for themselves, such as a password reset.
    Returns the OutgoingEmail, or None when `dedupe_key` was queued before.
    """
    subject, text, html = render_email(name, {**context, "unsubscribe_url": unsubscribe})
    headers = {"Auto-Submitted": "auto-generated"}
    if unsubscribe:
        headers["List-Unsubscribe"] = f"<{unsubscribe}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    try:
        with transaction.atomic():
            email = OutgoingEmail.objects.create(
                kind=name,
                dedupe_key=dedupe_key,
                to=to,
                subject=subject,
                text_body=text,
                html_body=html,
                headers=headers,
            )
    except IntegrityError:
        if dedupe_key and OutgoingEmail.objects.filter(dedupe_key=dedupe_key).exists():
            return None
        raise
    enqueue_delivery(email)
    return email


def enqueue_delivery(email, run_after=None):
    """Hand the email to the task queue; if even that fails, the sweep will find it queued."""
    from .tasks import deliver_email

    try:
        task = deliver_email
        if run_after is not None and task.get_backend().supports_defer:
            task = task.using(run_after=run_after)
        elif run_after is not None:
            return  # No deferring backend: `send_queued_emails` retries when it is due.
        task.enqueue(email.pk)
    except Exception:  # The queue being down must not cost the resident their proposal.
        logger.exception("Could not enqueue email %s; it stays queued for the sweep", email.pk)


class OutboxMessage(EmailMultiAlternatives):
    """Django's message, with a subject that mail programs show as it was written.

    Django encodes a subject with non-ASCII letters before it knows the header's name, so a
    long one is folded right after "Subject:" and shown with a space in front. Encoded with the
    name, the subject starts on the header's own line.
    """

    def message(self):
        message = super().message()
        if not str(self.subject).isascii():
            message.replace_header("Subject", Header(self.subject, "utf-8", header_name="Subject"))
        return message


def claim(email):
    """Take the email for one attempt; False when another process (worker or sweep) has it.

    The attempt is counted at once and the email is not due again until SEND_TIMEOUT has
    passed, so a sweep running beside the worker cannot send it twice.
    """
    claimed = OutgoingEmail.objects.filter(
        pk=email.pk, state=OutgoingEmail.State.QUEUED, attempts=email.attempts
    ).update(attempts=F("attempts") + 1, next_attempt_at=timezone.now() + SEND_TIMEOUT)
    if claimed:
        email.attempts += 1
    return bool(claimed)


def deliver(email):
    """Send one queued email now. Returns True when it went out."""
    if email.state != OutgoingEmail.State.QUEUED:
        return email.state == OutgoingEmail.State.SENT
    if not claim(email):
        return False
    message = OutboxMessage(
        subject=email.subject,
        body=email.text_body,
        to=[email.to],
        headers=email.headers,
    )
    if email.html_body:
        message.attach_alternative(email.html_body, "text/html")
    try:
        message.send(fail_silently=False)
    except Exception as error:  # Any failure of the mail server: keep it and try again later.
        record_failure(email, error)
        return False
    email.state = OutgoingEmail.State.SENT
    email.sent_at = timezone.now()
    email.last_error = ""
    email.text_body = email.html_body = ""
    email.save(
        update_fields=["state", "sent_at", "attempts", "last_error", "text_body", "html_body"]
    )
    return True


def record_failure(email, error):
    email.last_error = f"{type(error).__name__}: {error}"[:500]
    if email.attempts > len(RETRY_DELAYS):
        email.state = OutgoingEmail.State.FAILED
        logger.error("Gave up email %s after %s attempts: %s", email.pk, email.attempts, error)
    else:
        email.next_attempt_at = timezone.now() + RETRY_DELAYS[email.attempts - 1]
        logger.warning("Email %s failed (attempt %s): %s", email.pk, email.attempts, error)
    email.save(update_fields=["attempts", "last_error", "state", "next_attempt_at"])
    if email.state == OutgoingEmail.State.QUEUED:
        enqueue_delivery(email, run_after=email.next_attempt_at)


def deliver_due(now=None):
    """Send every queued email whose next attempt is due. Returns (sent, still queued)."""
    now = now or timezone.now()
    due = OutgoingEmail.objects.filter(state=OutgoingEmail.State.QUEUED, next_attempt_at__lte=now)
    sent = sum(deliver(email) for email in due.order_by("pk").iterator())
    return sent, OutgoingEmail.objects.filter(state=OutgoingEmail.State.QUEUED).count()
