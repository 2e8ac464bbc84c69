"""Delete photos residents chose on the proposal form but never sent (run daily)."""

from datetime import timedelta

from django.core.management.base import BaseCommand

from rounds.proposals.drafts import delete_stale_photos


class Command(BaseCommand):
    help = "Delete draft photos from the proposal form older than --hours (default 24)."

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=int, default=24)

    def handle(self, *args, hours, **options):
        deleted = delete_stale_photos(timedelta(hours=hours))
        self.stdout.write(f"Deleted {deleted} draft photo(s).")
