"""`python -m benchmarks.urls`: the path of each page type to measure, as JSON, from the database
in DATABASE_URL; the village and dialogue with the most public proposals, where that matters."""

import json

SEARCH_TERM = "belysning"


def page_paths():
    from django.db.models import Count, Q
    from django.urls import reverse

    from places.models import PlaceIndexPage
    from rounds.models import DialoguePage, Proposal
    from rounds.models.proposals import Visibility

    busiest = (
        DialoguePage.objects.live()
        .annotate(shown=Count("proposals", filter=Q(proposals__visibility=Visibility.PUBLIC)))
        .order_by("-shown", "path")
        .first()
    )
    village = busiest.get_parent().specific
    proposal = (
        Proposal.objects.public()
        .annotate(steps=Count("updates"))
        .order_by("-steps", "reference")
        .first()
    )
    return {
        "home": "/",
        "village index": PlaceIndexPage.objects.live().first().get_url(),
        "village": village.get_url(),
        "dialogue": busiest.get_url(),
        "proposal list": busiest.get_url() + busiest.reverse_subpage("proposal_list"),
        "proposal detail": proposal.get_public_url(),
        "search": f"{reverse('search')}?q={SEARCH_TERM}",
        "feed": reverse("site_feed"),
        "calendar": reverse("calendars:all"),
        "form": open_form(DialoguePage.objects.live().order_by("path")),
    }


def open_form(dialogues):
    """The proposal form of the first dialogue that takes proposals today: for BENCH=submit."""
    for dialogue in dialogues:
        if dialogue.is_open_for_proposals():
            return dialogue.get_url() + dialogue.reverse_subpage("proposal_form")
    return None


if __name__ == "__main__":
    import django

    django.setup()
    print(json.dumps(page_paths()))
