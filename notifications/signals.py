"""Publishing a dialogue tells the village's followers about its dates and its summary."""

import logging

from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published

from rounds.models import DialoguePage

from . import notices

logger = logging.getLogger(__name__)


@receiver(page_published, sender=DialoguePage, dispatch_uid="notifications.dialogue_published")
def dialogue_published(sender, instance, **kwargs):
    """Emails are queued, not sent, here; a failure never stops the editor's publishing."""
    try:
        with transaction.atomic():  # a failure leaves the publishing's transaction usable
            notices.dialogue_published(instance)
    except Exception:
        logger.exception("Could not notify the followers about dialogue %s", instance.pk)
