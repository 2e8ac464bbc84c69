"""Background tasks (django-tasks): immediate in development and tests, a worker in production."""

from django_tasks import task

from . import mail
from .models import OutgoingEmail


@task()
def deliver_email(email_id):
    """Deliver one email from the outbox; failures are recorded and retried (see mail.py)."""
    email = OutgoingEmail.objects.filter(pk=email_id).first()
    if email is not None:
        mail.deliver(email)
