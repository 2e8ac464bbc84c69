"""File sizes read as round numbers: "10 MB" in the photo field's hint and in its errors."""

import pytest
from django.utils import translation

from portal.web.sizes import file_size
from tests.support.html import soup, text_of
from tests.support.images import upload
from tests.support.proposal_form import form_url, post_review, valid_data

pytestmark = pytest.mark.usefixtures("no_wait")

MB = 1024 * 1024


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        (10 * MB, "10 MB"),
        (MB + MB // 2, "1,5 MB"),
        (2 * 1024, "2 kB"),
        (512, "512 byte"),
        (3 * 1024 * MB, "3 GB"),
    ],
)
def test_whole_sizes_have_no_decimal_and_others_one_with_a_comma(size, expected):
    with translation.override("sv"):
        assert file_size(size).replace("\u00a0", " ") == expected


def test_the_number_and_its_unit_never_part_on_two_lines():
    assert file_size(10 * MB) == "10\u00a0MB"


def test_the_photo_hint_says_10_mb(client, dialogue):
    hint = soup(client.get(form_url(dialogue))).find(id="id_photo_helptext")

    assert "högst 10 MB." in text_of(hint)
    assert "10,0" not in text_of(hint)


def test_a_photo_too_large_is_refused_with_the_limit_as_a_round_number(client, dialogue, settings):
    settings.PROPOSALS_PHOTO_MAX_BYTES = 2 * MB
    big = upload(b"x" * (2 * MB + 1))

    response = post_review(client, dialogue, valid_data(photo=big))

    assert response.status_code == 422
    error = text_of(soup(response).find(id="id_photo_error"))
    assert error == "Fel: Bilden är för stor. Den får vara högst 2 MB."
