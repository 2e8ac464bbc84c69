"""Residents' photos: recognised by content, size-limited, re-encoded without any metadata."""

import time
from datetime import timedelta
from io import BytesIO, StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from PIL import Image, ImageCms

from rounds.proposals import drafts
from rounds.proposals.photos import MAX_SIDE, clean_photo
from tests.support.images import bomb_png, image_bytes, reopen, upload

GPS_IFD = 0x8825
ORIENTATION = 0x0112
NOT_AN_IMAGE = "Filen är inte en bild vi kan ta emot (JPEG, PNG eller WebP)."


def jpeg_with_gps(size=(200, 100), orientation=None):
    """A JPEG as a phone saves it: EXIF with GPS position, camera and maybe orientation."""
    exif = Image.Exif()
    exif[0x010F] = "Telefonmärke"  # Make
    exif[0x0110] = "Modell X"  # Model
    if orientation:
        exif[ORIENTATION] = orientation
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "N"
    gps[2] = (56.0, 40.0, 12.5)
    gps[3] = "E"
    gps[4] = (16.0, 21.0, 30.0)
    image = Image.new("RGB", size, (200, 30, 30))
    image.paste((30, 30, 200), (0, 0, size[0] // 2, size[1]))  # left half blue
    buffer = BytesIO()
    image.save(buffer, "JPEG", exif=exif, comment=b"Taget hemma hos Anna")
    return buffer.getvalue()


def test_a_jpeg_with_gps_comes_out_without_exif_or_any_metadata():
    original = jpeg_with_gps()
    assert reopen(original).getexif().get_ifd(GPS_IFD)  # the test image really has GPS

    cleaned = clean_photo(upload(original))

    image = reopen(cleaned)
    assert image.format == "JPEG"
    assert len(image.getexif()) == 0
    assert not image.getexif().get_ifd(GPS_IFD)
    assert not {"exif", "comment", "xmp", "icc_profile"} & set(image.info)
    assert b"Exif" not in cleaned
    assert b"Telefonm" not in cleaned and b"Anna" not in cleaned


def test_the_exif_orientation_is_applied_before_it_is_removed():
    # Orientation 6: the camera was turned; the picture must be rotated 90° to stand up.
    cleaned = reopen(clean_photo(upload(jpeg_with_gps((200, 100), orientation=6))))

    assert cleaned.size == (100, 200)
    # The blue left half of the stored pixels is on top once the picture stands up.
    red, green, blue = cleaned.getpixel((50, 20))
    assert blue > 150 and red < 100


def test_a_colour_profile_is_converted_to_srgb_and_not_kept():
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    original = image_bytes("JPEG", icc_profile=profile)
    assert reopen(original).info.get("icc_profile")

    cleaned = reopen(clean_photo(upload(original)))

    assert "icc_profile" not in cleaned.info


@pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
def test_png_and_webp_are_accepted_and_become_jpeg(fmt):
    cleaned = reopen(clean_photo(upload(image_bytes(fmt), "bild.bin", "application/x-whatever")))

    assert cleaned.format == "JPEG"
    assert cleaned.size == (64, 48)


def test_transparency_becomes_white_not_black():
    original = image_bytes("PNG", mode="RGBA", color=(0, 0, 0, 0))

    cleaned = reopen(clean_photo(upload(original, "genomskinlig.png", "image/png")))

    assert cleaned.mode == "RGB"
    assert all(channel > 245 for channel in cleaned.getpixel((10, 10)))


def test_large_photos_are_scaled_down_to_the_maximum_side():
    original = image_bytes("JPEG", size=(4000, 3000))

    cleaned = reopen(clean_photo(upload(original)))

    assert cleaned.size == (MAX_SIDE, 1500)


def test_a_text_file_named_jpg_is_refused():
    with pytest.raises(ValidationError) as refusal:
        clean_photo(upload(b"Inte en bild alls.", "semester.jpg", "image/jpeg"))

    assert refusal.value.messages == [NOT_AN_IMAGE]


@pytest.mark.parametrize("fmt", ["GIF", "BMP", "TIFF"])
def test_other_image_formats_are_refused(fmt):
    with pytest.raises(ValidationError) as refusal:
        clean_photo(upload(image_bytes(fmt), "bild.jpg", "image/jpeg"))

    assert refusal.value.messages == [NOT_AN_IMAGE]


def test_a_truncated_jpeg_is_refused_not_a_crash():
    broken = image_bytes("JPEG", size=(400, 300))[:300]

    with pytest.raises(ValidationError) as refusal:
        clean_photo(upload(broken))

    assert refusal.value.messages == [NOT_AN_IMAGE]


def test_an_oversized_file_is_refused_before_it_is_opened(settings):
    settings.PROPOSALS_PHOTO_MAX_BYTES = 2000
    original = image_bytes("PNG", size=(20, 20)) + b"\0" * 2000  # a real image, padded

    with pytest.raises(ValidationError) as refusal:
        clean_photo(upload(original, "stor.png", "image/png"))

    assert refusal.value.code == "too_big"
    assert refusal.value.messages[0].startswith("Bilden är för stor. Den får vara högst")


def test_a_decompression_bomb_is_refused_without_being_decoded():
    bomb = bomb_png()
    assert len(bomb) < 1_000_000  # small on disk, 400 megapixels when decoded

    started = time.monotonic()
    with pytest.raises(ValidationError) as refusal:
        clean_photo(upload(bomb, "bomb.png", "image/png"))

    assert refusal.value.code == "too_many_pixels"
    assert "för många bildpunkter" in refusal.value.messages[0]
    assert time.monotonic() - started < 5  # refused from the header, never decoded


def test_pillows_decompression_bomb_warning_is_an_error(monkeypatch):
    """Below our own limit, Pillow's warning still refuses the file (here with a low limit)."""
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)

    with pytest.raises(ValidationError) as refusal:
        clean_photo(upload(image_bytes("PNG", size=(40, 40)), "liten.png", "image/png"))

    assert refusal.value.code == "too_many_pixels"


# Draft photos between the steps


def test_a_draft_reference_cannot_point_at_another_file(db):
    reference = drafts.store_photo(image_bytes())
    name = drafts.photo_name(reference)
    assert name.startswith(drafts.PHOTO_DIR)

    assert drafts.photo_name(reference.replace(name, "proposals/2026/annan.jpg")) is None
    assert drafts.photo_name("proposals/2026/annan.jpg") is None
    assert drafts.photo_name("") is None


def test_stale_draft_photos_are_deleted_and_fresh_ones_kept(db):
    drafts.delete_stale_photos(older_than=timedelta(seconds=-1))  # other tests' drafts
    first = drafts.store_photo(image_bytes())
    second = drafts.store_photo(image_bytes())

    assert drafts.delete_stale_photos() == 0
    assert drafts.photo_name(first) and drafts.photo_name(second)

    assert drafts.delete_stale_photos(older_than=timedelta(seconds=-1)) == 2
    assert drafts.photo_name(first) is None and drafts.photo_name(second) is None


def test_the_daily_command_deletes_stale_drafts(db):
    drafts.delete_stale_photos(older_than=timedelta(seconds=-1))
    reference = drafts.store_photo(image_bytes())
    output = StringIO()

    call_command("clear_photo_drafts", "--hours=24", stdout=output)
    assert drafts.photo_name(reference)
    call_command("clear_photo_drafts", "--hours=-1", stdout=output)

    assert drafts.photo_name(reference) is None
    assert "Deleted 1 draft photo(s)." in output.getvalue()
