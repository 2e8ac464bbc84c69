"""`manage.py backup_site` (`make backup`): the SQLite database and the media in one archive."""

from django.conf import settings
from django.core.management.base import BaseCommand

from portal.management.backups import create_backup, database_path


class Command(BaseCommand):
    help = (
        "Säkerhetskopierar SQLite-databasen och mediamapparna (även invånarnas foton) "
        "till en .tar.gz-fil i var/backups/."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir",
            default=settings.VAR_DIR / "backups",
            help="Mappen där säkerhetskopian sparas (var/backups/).",
        )

    def handle(self, *args, output_dir, **options):
        target = create_backup(output_dir, database_path())
        self.stdout.write(self.style.SUCCESS(f"Säkerhetskopian är sparad: {target}"))
        self.stdout.write("Den innehåller personuppgifter: förvara den lika skyddat som databasen.")
