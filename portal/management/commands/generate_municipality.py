"""`manage.py generate_municipality --proposals 100000`: a big municipality to measure search."""

import time

from django.core.management.base import BaseCommand, CommandError

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
        if verbosity >= 1:
            seconds = time.perf_counter() - started
            self.stdout.write(
                self.style.SUCCESS(
                    f"{villages} orter och {proposals} publika förslag skapade och indexerade "
                    f"på {seconds:.0f} s."
                )
            )
