"""The daily run for followers of villages (cron or a systemd timer, e.g. at 07:00).

Reminders a week and a day before walks and dialogue meetings (and the day before an event to
each resident who registered for it with an address), the weekly digest of status
changes, summaries whose date has come, and removing followers who never confirmed.
Running it twice on the same day sends each email once.
"""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from ... import following, notices, registration_emails


def stockholm_date(value):
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"--date must be YYYY-MM-DD, not {value!r}") from error


class Command(BaseCommand):
    help = (
        "Queue reminders (7 and 1 days before each walk and dialogue meeting), the weekly "
        "digest of the previous ISO week, summaries due today, and delete followers who did "
        "not confirm within a week. Idempotent: run it daily, e.g. at 07:00."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date",
            dest="today",
            type=stockholm_date,
            help="Act as if today in Stockholm were this date (YYYY-MM-DD): to catch up.",
        )

    def handle(self, *args, today=None, **options):
        now = timezone.now()
        today = today or timezone.localdate(now)
        reminders = notices.send_reminders(today, now)
        reminders += registration_emails.send_reminders(today, now)
        digests = notices.send_digests(today)
        summaries = notices.due_summaries(today)
        purged = following.purge_unconfirmed(now)
        self.stdout.write(
            f"{today}: queued {reminders} reminder(s), {digests} weekly digest(s), "
            f"{summaries} summary notice(s); deleted {purged} unconfirmed follower(s)."
        )
