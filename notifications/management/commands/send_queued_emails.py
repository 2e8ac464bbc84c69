"""Send every queued email that is due, and forget old recipients (run every 5 minutes).

The sweep behind the task queue: it sends what a worker missed or what waits for a retry.
Running it again sends nothing twice. Sent and given-up emails older than --keep-days lose
their address and bodies; the row and its dedupe key stay, so nothing is queued again.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from notifications.mail import deliver_due
from notifications.models import OutgoingEmail


def redact_old(older_than):
    """Clear the recipient and bodies of sent or given-up emails created before `older_than`."""
    done = (OutgoingEmail.State.SENT, OutgoingEmail.State.FAILED)
    old = OutgoingEmail.objects.filter(state__in=done, created_at__lt=older_than).exclude(to="")
    return old.update(to="", text_body="", html_body="", headers={})


class Command(BaseCommand):
    help = (
        "Skickar köad e-post som är på tur och rensar adresser ur gammal e-post. / "
        "Send queued email that is due and clear addresses from old email (default 30 days)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--keep-days", type=int, default=30)

    def handle(self, *args, keep_days, **options):
        sent, waiting = deliver_due()
        redacted = redact_old(timezone.now() - timedelta(days=keep_days))
        self.stdout.write(
            f"Skickade {sent}, väntar {waiting}, rensade {redacted}. "
            f"(Sent {sent}, waiting {waiting}, redacted {redacted}.)"
        )
