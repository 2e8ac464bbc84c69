"""What rounds listens to: a village published under a new name renames its dialogues; a saved
proposal, update or dialogue makes the cached figures stale."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.search import index
from wagtail.signals import page_published, page_unpublished

from places.models import PlacePage

from .models import DialoguePage, Proposal, ProposalUpdate
from .proposals import figures


@receiver(page_published, sender=PlacePage, dispatch_uid="rounds.village_published")
def village_published(sender, instance, **kwargs):
    for dialogue in DialoguePage.follow_village_rename(instance):
        index.insert_or_update_object(dialogue)  # search finds it by the new name


@receiver(post_save, sender=Proposal, dispatch_uid="rounds.figures_proposal_saved")
@receiver(post_delete, sender=Proposal, dispatch_uid="rounds.figures_proposal_deleted")
@receiver(post_save, sender=ProposalUpdate, dispatch_uid="rounds.figures_update_saved")
@receiver(post_delete, sender=ProposalUpdate, dispatch_uid="rounds.figures_update_deleted")
@receiver(page_published, sender=DialoguePage, dispatch_uid="rounds.figures_dialogue_published")
@receiver(page_unpublished, sender=DialoguePage, dispatch_uid="rounds.figures_dialogue_unpublished")
def figures_changed(sender, **kwargs):
    """'Så har det gått' counts anew: a proposal, an answer or a dialogue's attendance changed."""
    figures.forget()
