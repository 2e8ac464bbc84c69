"""Clear residents' names and contact details from finished proposals (run daily)."""

from django.core.management.base import BaseCommand

from ...proposals.retention import KEEP_DAYS, clear_old


class Command(BaseCommand):
    help = (
        "Clear the name, email, phone, postal address and reply choices of proposals that got "
        f"their final answer, in dialogues whose summary is out, more than {KEEP_DAYS} days "
        "ago. The proposal and its public timeline stay. Idempotent: run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--keep-days",
            type=int,
            default=KEEP_DAYS,
            help=f"Days after the final answer and the summary to keep them (default {KEEP_DAYS}).",
        )

    def handle(self, *args, keep_days, **options):
        cleared = clear_old(keep_days=max(0, keep_days))
        self.stdout.write(f"Cleared the personal data of {cleared} proposal(s).")
