"""Fixtures for every test: the site tree, an empty cache; and the fixtures of tests/support/."""

import pytest

from tests.support import pages as factories

pytest_plugins = ["tests.support.proposal_form", "tests.support.following"]


@pytest.fixture
def home(db):
    return factories.home_page()


@pytest.fixture
def site_tree(home):
    """A small published site: one village with one dialogue, a round, and a text page."""
    factories.municipality_settings()
    place = factories.place()
    round_page = factories.round_page()
    dialogue = factories.dialogue(place, round_page)
    page = factories.standard_page(home)
    return {
        "home": home,
        "places": factories.place_index(),
        "place": place,
        "rounds": factories.round_index(),
        "round": round_page,
        "dialogue": dialogue,
        "standard": page,
    }


@pytest.fixture(autouse=True)
def clear_cache():
    """An empty cache, so cached site root paths or renditions from other tests cannot leak in."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
