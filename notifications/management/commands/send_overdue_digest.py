"""The weekly nudge to the departments (cron or a systemd timer, e.g. Mondays at 07:00).

Each department's contact gets the list of its proposals whose planned date has passed.
Idempotent per ISO week: running it daily, or twice, sends each department one email a week.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from ... import overdue
from .send_reminders import stockholm_date


class Command(BaseCommand):
    help = (
        "Queue 'Förslag där datumet har passerat' to each department's contact address, listing "
        "its public proposals whose planned date has passed with no later update. Once per ISO "
        "week, however often it runs."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date",
            dest="today",
            type=stockholm_date,
            help="Act as if today in Stockholm were this date (YYYY-MM-DD).",
        )

    def handle(self, *args, today=None, **options):
        today = today or timezone.localdate()
        queued = overdue.send_overdue_digests(today)
        self.stdout.write(
            f"{today} ({overdue.iso_week(today)}): queued {queued} digest(s) of passed dates."
        )
