"""Delete residents' anmälningar some days after their event: the help has been given, and
personal data is kept no longer than it is needed (run daily)."""

from django.core.management.base import BaseCommand

from ...registrations.services import KEEP_DAYS, delete_old


class Command(BaseCommand):
    help = (
        f"Delete the registrations (anmälningar) of events that ended more than {KEEP_DAYS} "
        "days ago. Idempotent: run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--keep-days",
            type=int,
            default=KEEP_DAYS,
            help=f"Days after the event to keep registrations (default {KEEP_DAYS}).",
        )

    def handle(self, *args, keep_days, **options):
        deleted = delete_old(keep_days=max(0, keep_days))
        self.stdout.write(f"Deleted {deleted} registration(s) of past events.")
