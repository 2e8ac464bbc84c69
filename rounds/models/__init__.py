from .pages import DialogueEvent, DialoguePage, RoundIndexPage, RoundPage
from .snippets import Department, Theme

__all__ = [
    "Department",
    "DialogueEvent",
    "DialoguePage",
    "RoundIndexPage",
    "RoundPage",
    "Theme",
]
