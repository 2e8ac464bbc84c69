"""Following a village: followers, the follow form, publishing (which tells the followers), and
the fixtures `place` and `village` (tests/conftest.py registers them)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from notifications.models import Follower
from tests.support import pages as factories
from tests.support.mail import links_in


def follower(place, email, updates="each", confirmed=True):
    return Follower.objects.create(
        place=place,
        email=email,
        updates=updates,
        confirmed_at=timezone.now() if confirmed else None,
    )


EACH, WEEKLY, NONE = Follower.Updates.EACH, Follower.Updates.WEEKLY, Follower.Updates.NONE
CONFIRMED = {"each@example.org", "weekly@example.org", "none@example.org"}
OUTSIDERS = {"unconfirmed@example.org", "other@example.org"}


def followers_of(place, elsewhere):
    """Three confirmed followers of `place` (one per choice), one who never confirmed, and a
    follower of the village `elsewhere`."""
    follower(place, "each@example.org", EACH)
    follower(place, "weekly@example.org", WEEKLY)
    follower(place, "none@example.org", NONE)
    follower(place, "unconfirmed@example.org", confirmed=False)
    follower(elsewhere, "other@example.org")


@pytest.fixture
def place(site_tree):
    """The site tree's village."""
    return site_tree["place"]


@pytest.fixture
def village(site_tree):
    """Läckeby with three confirmed followers and one who never confirmed; one elsewhere."""
    followers_of(site_tree["place"], factories.place("Tvärskog"))
    return site_tree


def publish(page):
    """Publish the page through a revision, as an editor's "Publicera" does."""
    revision = page.save_revision()
    revision.publish()
    return revision


def follow_url(place):
    return reverse("notifications:follow", args=[place.pk])


def send_follow_form(client, place, email="anna@example.org", updates="each", more=None, **meta):
    """Send the village's follow form as a resident does (the honeypot left empty)."""
    data = {"email": email, "updates": updates, "website": "", **(more or {})}
    return client.post(follow_url(place), data, **meta)


def confirm_link(message):
    return next(link for link in links_in(message) if "/bevaka/bekrafta/" in link)
