"""Fixtures for anmälan: a dialogue whose meeting takes registrations, and sending the form."""

import pytest

from rounds.models import DialogueEvent
from tests.support.registrations import open_registration


@pytest.fixture
def meeting(site_tree, settings):
    """The site tree's dialogue meeting, with anmälan on (and no minimum fill time)."""
    settings.PROPOSALS_MIN_FILL_SECONDS = 0
    return open_registration(site_tree["dialogue"], DialogueEvent.Kind.DIALOGUE)
