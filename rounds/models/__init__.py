from .checks import ProposalCheck
from .events import DialogueEvent, attach_replacements
from .pages import DialoguePage, RoundIndexPage, RoundPage
from .progress import ProgressStep
from .proposals import Proposal, ProposalTag, ProposalUpdate, ReferenceCounter
from .registrations import EventRegistration
from .snippets import AnswerTemplate, ContactPerson, Department, Theme

__all__ = [
    "AnswerTemplate",
    "ContactPerson",
    "Department",
    "DialogueEvent",
    "DialoguePage",
    "EventRegistration",
    "ProgressStep",
    "Proposal",
    "ProposalCheck",
    "ProposalTag",
    "ProposalUpdate",
    "ReferenceCounter",
    "RoundIndexPage",
    "RoundPage",
    "Theme",
    "attach_replacements",
]
