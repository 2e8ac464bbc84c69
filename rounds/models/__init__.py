from .pages import DialogueEvent, DialoguePage, RoundIndexPage, RoundPage
from .proposals import Proposal, ProposalTag, ProposalUpdate, ReferenceCounter
from .snippets import Department, Theme

__all__ = [
    "Department",
    "DialogueEvent",
    "DialoguePage",
    "Proposal",
    "ProposalTag",
    "ProposalUpdate",
    "ReferenceCounter",
    "RoundIndexPage",
    "RoundPage",
    "Theme",
]
