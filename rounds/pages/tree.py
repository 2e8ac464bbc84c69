"""Where a dialogue sits in the page tree: its village is its parent page.

Treebeard stores each page's ancestry in `path`, `Page.steplen` characters per level, so a
dialogue's village is found by cutting its path, in Python or in SQL: never a query per page.
This is the only module that knows it.
"""

from django.db.models import OuterRef, Subquery
from django.db.models.functions import Substr
from wagtail.models import Page


def parent_path(path):
    """The tree path of the page above the page at `path`."""
    return path[: -Page.steplen]


def village_title_of(dialogue_field=""):
    """A subquery annotating the title of the village of each row's dialogue (`dialogue_field`
    names the foreign key to the dialogue page, e.g. "dialogue"; empty when the rows are
    dialogues)."""
    prefix = f"{dialogue_field}__" if dialogue_field else ""
    path = Substr(
        OuterRef(f"{prefix}path"),
        1,
        (OuterRef(f"{prefix}depth") - 1) * Page.steplen,
    )
    return Subquery(Page.objects.filter(path=path).values("title")[:1])


def attach_places(dialogues):
    """Set `dialogue.place` on each dialogue with one query for all their parent villages."""
    dialogues = list(dialogues)
    paths = {parent_path(dialogue.path) for dialogue in dialogues}
    places = {page.path: page for page in Page.objects.filter(path__in=paths)}
    for dialogue in dialogues:
        dialogue.place = places.get(parent_path(dialogue.path))
    return dialogues
