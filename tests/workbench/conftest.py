"""Fixtures most workbench tests share: the villages with a dialogue each, and a signed-in case
officer (Handläggare). A test file that needs another tree or user defines its own."""

import pytest

from tests.support.admin import CASE_OFFICERS, login, villages


@pytest.fixture
def tree(home):
    return villages()


@pytest.fixture
def officer(client, db):
    return login(client, CASE_OFFICERS)
