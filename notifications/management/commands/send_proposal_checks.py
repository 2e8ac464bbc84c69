""" "Stämmer det?" (daily, e.g. at 07:00): ask residents whether what was done really is.

Each person is asked once per proposal, however often it runs.
"""

from datetime import datetime, time

from django.core.management.base import BaseCommand
from django.utils import timezone

from ... import checks
from .send_reminders import stockholm_date


class Command(BaseCommand):
    help = (
        "Queue 'Stämmer det?' to the resident who sent each proposal that became 'Genomfört' "
        "or 'Åtgärdas' PROPOSALS_VERIFY_AFTER_WEEKS ago (if they asked for status emails) and "
        "to the village's followers who want status news. Each person once per proposal."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date",
            dest="today",
            type=stockholm_date,
            help="Act as if it were this date in Stockholm (YYYY-MM-DD), at 07:00.",
        )

    def handle(self, *args, today=None, **options):
        now = timezone.now()
        if today:
            now = timezone.make_aware(datetime.combine(today, time(7)))
        queued = checks.send_proposal_checks(now)
        self.stdout.write(f"{timezone.localdate(now)}: queued {queued} 'Stämmer det?' email(s).")
