"""Staff password reset (/admin/password_reset/) through the outbox, with limits.

Wagtail's view sends the email with Django's `send_mail` at once: with the mail server down the
staff member is told it was sent and nothing ever arrives, and anyone may have it sent any
number of times. Here the email goes to the outbox (notifications.mail.queue_email) and is
retried like every other; an address gets at most PASSWORD_RESET_PER_ADDRESS_HOUR of them an
hour, counted in the outbox, and a client may ask PASSWORD_RESET_PER_CLIENT_HOUR times an hour.
Neither the page nor its timing tells whether an address belongs to an account.
"""

import logging
import math
from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext
from wagtail.admin.forms.auth import PasswordResetForm
from wagtail.admin.views.account import PasswordResetView

from notifications.mail import queue_email
from notifications.models import OutgoingEmail
from portal.web.links import absolute_url
from portal.web.ratelimits import HOUR, Limit, client_address

logger = logging.getLogger(__name__)

KIND = "password_reset"
CLIENT_LIMIT = Limit("password-reset", "PASSWORD_RESET_PER_CLIENT_HOUR", HOUR)


def emails_sent_recently(address):
    """Reset emails queued for `address` within the last hour, sent or not."""
    since = timezone.now() - timedelta(seconds=HOUR)
    return OutgoingEmail.objects.filter(kind=KIND, to__iexact=address, created_at__gte=since)


class OutboxPasswordResetForm(PasswordResetForm):
    """Wagtail's form, but each email is queued in the outbox, and only a few per address."""

    def send_mail(self, subject_template, email_template, context, from_email, to_email, **kw):
        """Queue the email (Django's templates are not used: ours are Swedish, with a footer)."""
        if emails_sent_recently(to_email).count() >= settings.PASSWORD_RESET_PER_ADDRESS_HOUR:
            logger.warning("Password reset for user %s not sent: address limit", context["user"].pk)
            return
        link = reverse(
            "wagtailadmin_password_reset_confirm",
            kwargs={"uidb64": context["uid"], "token": context["token"]},
        )
        queue_email(
            to=to_email,
            name=KIND,
            context={
                "reset_url": absolute_url(link),
                "username": context["user"].get_username(),
                "site_name": settings.WAGTAIL_SITE_NAME,
                "valid_days": settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60),
            },
            unsubscribe=None,  # an email staff asked for: there is nothing to stop
        )


class LimitedPasswordResetView(PasswordResetView):
    """Wagtail's view with the outbox form and a limit per client (429 with a Swedish message)."""

    def get_form_class(self):
        return OutboxPasswordResetForm

    def form_valid(self, form):
        client = client_address(self.request)
        if not CLIENT_LIMIT.take(client):
            wait = CLIENT_LIMIT.seconds_left()
            minutes = math.ceil(wait / 60)
            message = ngettext(
                "Du har bett om nytt lösenord många gånger på kort tid. Vänta %(minutes)d minut "
                "och försök sedan igen, eller be en administratör om hjälp.",
                "Du har bett om nytt lösenord många gånger på kort tid. Vänta %(minutes)d minuter "
                "och försök sedan igen, eller be en administratör om hjälp.",
                minutes,
            ) % {"minutes": minutes}
            form.add_error(None, message)
            response = self.render_to_response(self.get_context_data(form=form), status=429)
            response["Retry-After"] = str(wait)
            return response
        return super().form_valid(form)
