"""Two-factor sign-in required, as in production, and staff who sign in with a password."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from tests.support.admin import CASE_OFFICERS, EDITORS
from tests.support.two_factor import PASSWORD


@pytest.fixture(autouse=True)
def required(settings):
    settings.TWO_FACTOR_REQUIRED = True


def person(username, group=None, **fields):
    user = get_user_model().objects.create_user(username=username, password=PASSWORD, **fields)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def officer(db):
    """A Handläggare: sees residents' personal data."""
    return person("karin", CASE_OFFICERS, email="karin@kommun.example.se")


@pytest.fixture
def editor(db):
    """A Redaktör: pages and proposals without personal data."""
    return person("erik", EDITORS)


@pytest.fixture
def administrator(db):
    return get_user_model().objects.create_superuser(username="admin", password=PASSWORD)


@pytest.fixture
def outsider(db):
    user = person("olle")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user
