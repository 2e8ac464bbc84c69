"""The subject of every email the site sends, as the recipient's mail program shows it: as it
was written, however long and whatever Swedish letters it holds, never with a space in front."""

from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core import mail

from notifications import mail as outbox
from notifications.models import OutgoingEmail
from tests.support.mail import shown_subject

EMAILS = sorted(
    path.parent.name for path in Path(settings.BASE_DIR, "templates/emails").glob("*/subject.txt")
)
# Names as long as real ones, with å, ä and ö, so that each subject is folded on the wire.
PLACE = SimpleNamespace(title="Ljungbyholms östra skärgård")
DIALOGUE = SimpleNamespace(title="Utvecklingsdialog för Ljungbyholm och Påryd 2026")
CONTEXT = {
    "place": PLACE,
    "dialogue": DIALOGUE,
    "proposal": SimpleNamespace(
        reference="2026-0042", public_title="Belysning vid återvinningsstationen och skolan"
    ),
    "update": SimpleNamespace(get_status_display="Längre planering"),
    "event": SimpleNamespace(
        display_title="Förbättringsvandring längs ån",
        start=datetime(2026, 3, 29, 10, tzinfo=ZoneInfo("Europe/Stockholm")),
    ),
    "week_start": datetime(2026, 11, 16),
    "days": 7,
    "valid_days": 7,
    "changing": False,
    "site_name": "Utvecklingsdialoger i Mörbylånga kommun",
}


def send(subject):
    """Deliver an outbox email with this subject; the message the mail server received."""
    email = OutgoingEmail.objects.create(
        kind="test", to="anna@example.org", subject=subject, text_body="Hej!"
    )
    assert outbox.deliver(email)
    (message,) = mail.outbox
    return message


@pytest.mark.parametrize("name", EMAILS)
def test_each_subject_reads_as_written_in_a_mail_program(db, name):
    subject, _text, _html = outbox.render_email(name, CONTEXT)
    assert subject == subject.strip() and "  " not in subject

    assert shown_subject(send(subject)) == subject


@pytest.mark.parametrize(
    "subject",
    [
        "Påminnelse",
        "Nytt besked om ditt förslag 2026-0001: Längre planering",  # folded after 78 characters
        "Om en vecka: " + "Förbättringsvandring i Läckeby, " * 5 + "söndag 29 mars",  # 192 of 200
        "A plain ASCII subject that is long enough to be folded over two lines, or even three",
    ],
)
def test_a_long_subject_starts_on_the_subject_line(db, subject):
    message = send(subject)

    assert shown_subject(message) == subject
    wire = message.message().as_bytes(linesep="\r\n").decode("ascii")
    assert "\r\nSubject: \r\n" not in wire


def test_a_subject_longer_than_the_outbox_keeps_is_shortened_and_the_email_still_queued(db):
    # A page title may be 255 characters; the outbox keeps 200 of a subject.
    long_dialogue = SimpleNamespace(
        title="Ljungbyholm: " + "Utvecklingsdialog för Ljungbyholm " * 8
    )
    context = {**CONTEXT, "dialogue": long_dialogue}

    email = outbox.queue_email(
        to="anna@example.org", name="follow_dialogue", context=context, unsubscribe=None
    )

    email.refresh_from_db()
    assert len(email.subject) == 200
    assert email.subject.startswith("Ny dialog: Ljungbyholm: Utvecklingsdialog för Ljungbyholm")
    assert email.subject.endswith("…")
