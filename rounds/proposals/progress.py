"""The progress line of a promise on its public page: every step from decision to done, the
ones passed with the date they were first reached, the current one marked.

Drawn from the timeline's own updates (the one history), plus one query for the steps, made
only when the proposal has a step: the page's query count stays the same however long the
timeline grows.
"""

from typing import NamedTuple

from ..models import ProgressStep

PASSED, CURRENT, AHEAD = "passed", "current", "ahead"


class Milestone(NamedTuple):
    name: str
    description: str
    state: str  # PASSED, CURRENT or AHEAD
    reached_at: object  # when an update first reached the step, or None

    @property
    def is_current(self):
        return self.state == CURRENT


class ProgressLine(NamedTuple):
    milestones: list[Milestone]
    percent: int | None


def progress_line(proposal, updates):
    """The line for `proposal`, whose `updates` are its timeline in order; None when it has no
    progress to show (no step or percentage, or the promise has ended)."""
    if proposal.progress_step_id is None and proposal.progress_percent is None:
        return None
    steps = list(ProgressStep.objects.all()) if proposal.progress_step_id else []
    reached = {}
    for update in updates:
        if update.progress_step_id is not None:
            reached.setdefault(update.progress_step_id, update.created_at)
    position = next(
        (n for n, step in enumerate(steps) if step.pk == proposal.progress_step_id), None
    )
    milestones = []
    for n, step in enumerate(steps):
        state = milestone_state(n, position)
        when = reached.get(step.pk) if state != AHEAD else None
        milestones.append(Milestone(step.name, step.description, state, when))
    return ProgressLine(milestones, proposal.progress_percent)


def milestone_state(n, position):
    """The state of the `n`th step when the current step is the `position`th (None: none)."""
    if position is None or n > position:
        return AHEAD
    return CURRENT if n == position else PASSED
