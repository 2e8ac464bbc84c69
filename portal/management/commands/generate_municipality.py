"""`manage.py generate_municipality --proposals 100000`: a big municipality to measure search."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from portal.demo.municipality import generate


class Command(BaseCommand):
    help = (
        "Lägger till genererade orter med var sin dialog och många publika förslag, för att mäta "
        "sökningen (make bench BENCH=search). Bara för mätningar: kör seed_demo först."
    )

    def add_arguments(self, parser):
        parser.add_argument("--proposals", type=int, default=100_000, help="Antal förslag.")
        parser.add_argument("--villages", type=int, default=40, help="Antal orter.")
        parser.add_argument("--seed", type=int, default=1, help="Slumptalsfrö för texterna.")

    def handle(self, *args, proposals, villages, seed, verbosity=1, **options):
        if proposals < 0 or villages < 1:
            raise CommandError("Ange minst en ort och inte ett negativt antal förslag.")
        started = time.perf_counter()

        def progress(done):
            if verbosity >= 2:
                self.stdout.write(f"{done} förslag…")

        try:
            generate(proposals, villages, seed=seed, progress=progress)
        except LookupError as error:
            raise CommandError("Sidan Orter eller Omgångar saknas: kör seed_demo först.") from error
        if connection.vendor == "postgresql":
            # The planner's statistics for the new rows, as autovacuum would gather them later:
            # without them it estimates one public proposal per dialogue, and a search reads
            # the whole index (1.5 s instead of 0.1 s at 100 000 proposals).
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        if verbosity >= 1:
            seconds = time.perf_counter() - started
            self.stdout.write(
                self.style.SUCCESS(
                    f"{villages} orter och {proposals} publika förslag skapade och indexerade "
                    f"på {seconds:.0f} s."
                )
            )
