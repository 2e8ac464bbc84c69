"""What rounds listens to: a village published under a new name renames its dialogues. (The
cached figures go stale with the page cache's generation: portal/cache_invalidation.py.)"""

from django.dispatch import receiver
from wagtail.search import index
from wagtail.signals import page_published

from places.models import PlacePage

from .models import DialoguePage


@receiver(page_published, sender=PlacePage, dispatch_uid="rounds.village_published")
def village_published(sender, instance, **kwargs):
    for dialogue in DialoguePage.follow_village_rename(instance):
        index.insert_or_update_object(dialogue)  # search finds it by the new name
