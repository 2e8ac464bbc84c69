"""Helpers for the tests of following a village: followers, publishing, reading the emails."""

import re

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from notifications.models import Follower

LINK = re.compile(r"https?://testserver/\S+")


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


def publish(page):
    """Publish the page through a revision, as an editor's "Publicera" does."""
    revision = page.save_revision()
    revision.publish()
    return revision


def follow_url(place):
    return reverse("notifications:follow", args=[place.pk])


def emails_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def html_of(message):
    return next(body for body, kind in message.alternatives if kind == "text/html")


def everything_in(message):
    """Subject, headers, plain text and HTML of an email: all a recipient can read."""
    return "\n".join([message.subject, str(message.extra_headers), message.body, html_of(message)])


def links_in(message):
    """The site's links in the plain-text body, in order."""
    return LINK.findall(message.body)


def confirm_link(message):
    return next(link for link in links_in(message) if "/bevaka/bekrafta/" in link)


def path_of(url):
    return url.removeprefix("http://testserver")
