"""A photo larger than a phone camera's is refused from its header; one as large is taken.

A small PNG can decode to hundreds of megabytes; the limit is what keeps one upload from tying
up a worker. Timings belong to a benchmark, not here.
"""

import pytest
from django.core.exceptions import ValidationError
from PIL import Image

from rounds.proposals import photos
from rounds.proposals.photos import MAX_SIDE, clean_photo
from tests.support.images import bomb_png, reopen, upload


def test_a_25_megapixel_png_is_refused_with_a_swedish_message():
    png = bomb_png(5000, 5000)  # a solid 1-bit PNG: tiny on disk, 25 Mpx decoded
    assert len(png) < 100_000

    with pytest.raises(ValidationError) as refusal:
        clean_photo(upload(png, "stor.png", "image/png"))

    assert refusal.value.code == "too_many_pixels"
    assert refusal.value.messages == [
        "Bilden har för många bildpunkter. Ta en mindre bild eller förminska den."
    ]


def test_a_24_megapixel_png_as_a_phone_takes_it_is_accepted_and_scaled_down():
    cleaned = reopen(clean_photo(upload(bomb_png(6000, 4000), "telefon.png", "image/png")))

    assert cleaned.format == "JPEG"
    assert cleaned.size == (MAX_SIDE, MAX_SIDE * 2 // 3)


def test_pillow_refuses_decompression_bombs_in_every_part_of_the_process():
    """The process-wide limit: also Wagtail's renditions never decode a bomb (Pillow raises
    above twice this), while what Wagtail accepts on upload (128 Mpx) can still be rendered."""
    assert Image.MAX_IMAGE_PIXELS == photos.PROCESS_MAX_IMAGE_PIXELS
    assert photos.MAX_PIXELS <= Image.MAX_IMAGE_PIXELS <= 64_000_000
