"""A public proposal's photo on its page: in sizes that fit the screen, with its width and
height, and gone at the very next request once staff withhold it."""

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile

from rounds.proposals.photo_sizes import WIDTHS
from tests.support import proposals as make
from tests.support.images import jpeg_bytes, reopen


@pytest.fixture
def proposal(site_tree):
    item = make.proposal(site_tree["dialogue"])
    item.photo.save("lampa.jpg", ContentFile(jpeg_bytes(size=(2000, 1500))))
    return item


def photo_url(proposal):
    dialogue = proposal.dialogue
    return dialogue.url + dialogue.reverse_subpage("proposal_photo", args=[proposal.reference])


def image_on_page(client, proposal):
    page = BeautifulSoup(client.get(proposal.get_public_url()).content, "html.parser")
    return page.select_one(".proposal-photo img")


def body(response):
    return b"".join(response.streaming_content)


def test_the_photo_says_its_width_and_height_and_offers_smaller_sizes(client, proposal):
    image = image_on_page(client, proposal)

    assert (image["width"], image["height"]) == ("2000", "1500")
    assert image["sizes"]
    offered = dict(reversed(item.split()) for item in image["srcset"].split(", "))
    assert list(offered) == [f"{w}w" for w in (*WIDTHS, 2000)]
    for width, url in offered.items():
        served = reopen(body(client.get(url)))
        assert served.size == (int(width[:-1]), int(width[:-1]) * 3 // 4)
    assert image["src"] == f"{photo_url(proposal)}?bredd=960"


def test_a_small_photo_is_not_offered_larger_than_it_is(client, site_tree):
    item = make.proposal(site_tree["dialogue"], photo_name="liten.jpg")  # 320 × 240

    image = image_on_page(client, item)

    assert image["srcset"] == f"{photo_url(item)} 320w"
    assert image["src"] == photo_url(item)
    assert (image["width"], image["height"]) == ("320", "240")


@pytest.mark.parametrize("width", ["123", "abc", "-960", "9" * 50, "", "９６０"])
def test_a_size_that_is_not_offered_is_not_found(client, proposal, width):
    assert client.get(photo_url(proposal), {"bredd": width}).status_code == 404


def test_caches_must_ask_again_before_showing_the_photo(client, proposal):
    response = client.get(photo_url(proposal), {"bredd": "960"})

    cache_control = response["Cache-Control"]
    assert "no-cache" in cache_control and "max-age" not in cache_control
    again = client.get(photo_url(proposal), {"bredd": "960"}, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_a_withheld_photo_is_gone_at_the_next_request(client, proposal):
    first = client.get(photo_url(proposal), {"bredd": "960"})
    assert first.status_code == 200

    make.services.publish(proposal, withhold_photo=True)

    again = client.get(photo_url(proposal), {"bredd": "960"}, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 404
    assert client.get(photo_url(proposal)).status_code == 404
    assert image_on_page(client, proposal) is None


def test_a_photo_whose_file_is_lost_leaves_the_page_working(client, proposal):
    proposal.photo.storage.delete(proposal.photo.name)

    assert client.get(proposal.get_public_url()).status_code == 200
    assert client.get(photo_url(proposal), {"bredd": "960"}).status_code == 404
