"""`manage.py restore_site FILE` (`make restore BACKUP=FILE`): back to a backup_site archive."""

from django.core.management.base import BaseCommand, CommandError

from portal.management.backups import database_path, folders, open_backup, restore_backup


class Command(BaseCommand):
    help = (
        "Återställer databasen och mediamapparna från en säkerhetskopia gjord med "
        "backup_site. Det som finns nu skrivs över."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", help="Säkerhetskopian (.tar.gz) att återställa.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Skriv över databasen och mediamapparna utan att fråga.",
        )
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Fråga inget; utan --force avbryts återställningen.",
        )

    def handle(self, *args, backup, force, interactive, **options):
        database = database_path()
        open_backup(backup).close()  # refuse a file that is not ours before asking anything
        if not force:
            self.confirm(database, interactive)
        restore_backup(backup, database)
        self.stdout.write(self.style.SUCCESS(f"Återställt från {backup}."))
        self.stdout.write("Starta om webbprocesserna och arbetaren (db_worker).")

    def confirm(self, database, interactive):
        media = ", ".join(str(folder) for folder in folders().values())
        warning = f"Återställningen skriver över databasen {database} och mapparna {media}."
        if not interactive:
            raise CommandError(f"{warning} Lägg till --force om det är meningen.")
        answer = input(f"{warning}\nSkriv ja för att fortsätta: ")
        if answer.strip().lower() != "ja":
            raise CommandError("Avbrutet: ingenting har ändrats.")
