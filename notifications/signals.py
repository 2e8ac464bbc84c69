"""Publishing a dialogue tells the village's followers about its dates and its summary."""

from django.dispatch import receiver
from wagtail.signals import page_published

from rounds.models import DialoguePage

from . import notices
from .mail import keeps_the_work


@receiver(page_published, sender=DialoguePage, dispatch_uid="notifications.dialogue_published")
@keeps_the_work  # emails are queued, not sent, here; a failure never stops the publishing
def dialogue_published(sender, instance, **kwargs):
    notices.dialogue_published(instance)
