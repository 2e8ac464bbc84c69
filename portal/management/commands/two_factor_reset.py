"""`manage.py two_factor_reset <username>`: remove a staff member's authenticator app and recovery
codes, when both are lost. At the next sign-in they set up a new app (if their role requires
it) or sign in with the password alone."""

import logging

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from portal.two_factor.devices import remove_all

logger = logging.getLogger("portal.login")


class Command(BaseCommand):
    help = "Remove a user's two-factor app and recovery codes (a lost phone)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, username, **options):
        user_model = get_user_model()
        try:
            user = user_model.objects.get(**{user_model.USERNAME_FIELD: username})
        except user_model.DoesNotExist as error:
            raise CommandError(f"No user named {username!r}.") from error
        remove_all(user)
        logger.warning("Two-factor devices of username=%r removed by an operator", username)
        self.stdout.write(f"Removed the two-factor app and recovery codes of {username}.")
