"""A photo whose file has gone from storage (a restore without media, a manual clean-up) is a
404, never a 500: on the resident's private link, on the public page and in the workbench."""

import pytest
from django.urls import reverse

from rounds.models.proposals import Visibility
from tests.support import proposals as make
from tests.support.admin import CASE_OFFICERS, login, url
from tests.support.images import jpeg_bytes


@pytest.fixture
def lost_photo(site_tree):
    """A public proposal with a photo whose stored file has been deleted."""
    proposal = make.proposal(site_tree["dialogue"], photo_name="lampa.jpg")
    proposal.photo.storage.delete(proposal.photo.name)
    return proposal


def test_the_private_link_answers_404_when_the_file_is_missing(client, lost_photo):
    response = client.get(reverse("proposals:photo", args=[lost_photo.follow_token]))

    assert response.status_code == 404


def test_the_public_photo_answers_404_when_the_file_is_missing(client, lost_photo):
    dialogue = lost_photo.dialogue
    path = dialogue.url + dialogue.reverse_subpage("proposal_photo", args=[lost_photo.reference])

    assert client.get(path).status_code == 404


def test_the_workbench_photo_answers_404_when_the_file_is_missing(client, lost_photo):
    login(client, CASE_OFFICERS)

    assert client.get(url("photo", lost_photo.pk)).status_code == 404


def test_a_pending_proposals_photo_still_shows_on_the_private_link(client, site_tree):
    proposal = make.proposal(
        site_tree["dialogue"], visibility=Visibility.PENDING, photo_name="lampa.jpg"
    )

    response = client.get(reverse("proposals:photo", args=[proposal.follow_token]))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == jpeg_bytes()
