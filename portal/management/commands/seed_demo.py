"""`manage.py seed_demo`: fill the site with demo content modelled on Kalmar kommun."""

import logging
from contextlib import contextmanager

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.utils import timezone

from places.models import PlacePage
from portal.demo.builder import seed
from rounds.models import DialoguePage, Proposal, RoundPage

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "ortsdialog"  # noqa: S105 - a documented local demo login
CHATTY_LOGGERS = ("wagtail", "django_tasks")


@contextmanager
def quiet(enabled):
    """Hide Wagtail's per-page and the task queue's per-task log lines while seeding."""
    loggers = [logging.getLogger(name) for name in CHATTY_LOGGERS] if enabled else []
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


class Command(BaseCommand):
    help = (
        "Fyller webbplatsen med demoinnehåll: orter, omgångar, dialoger, förslag och sidor. "
        "Kan köras flera gånger; det som redan finns lämnas orört."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--admin",
            action="store_true",
            help=f"Skapa superanvändaren ”{ADMIN_USERNAME}” om den saknas (bara för utveckling).",
        )

    def handle(self, *args, admin=False, verbosity=1, **options):
        with quiet(verbosity < 2):
            seed(timezone.localdate())
        if admin:
            self.ensure_admin(verbosity)
        if verbosity >= 1:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demoinnehåll klart: {PlacePage.objects.count()} orter, "
                    f"{RoundPage.objects.count()} omgångar, "
                    f"{DialoguePage.objects.count()} dialoger, "
                    f"{Proposal.objects.count()} förslag."
                )
            )

    def ensure_admin(self, verbosity):
        User = get_user_model()
        if User.objects.filter(username=ADMIN_USERNAME).exists():
            message = f"Administratören {ADMIN_USERNAME} finns redan; lösenordet ändras inte."
        else:
            User.objects.create_superuser(ADMIN_USERNAME, "admin@example.com", ADMIN_PASSWORD)
            message = (
                f"Administratör skapad: logga in på /admin/ som {ADMIN_USERNAME} "
                f"med lösenordet {ADMIN_PASSWORD}."
            )
        if verbosity >= 1:
            self.stdout.write(message)
