"""Residents' photos: recognised by their content, then re-encoded to a plain JPEG.

Nothing of the uploaded file survives but its pixels: no EXIF (GPS, camera, time), no XMP,
no comments, no colour profile (the pixels are converted to sRGB instead). The file's name,
extension and declared content type are never trusted.
"""

import warnings
from io import BytesIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image, ImageCms, ImageOps

from portal.web.sizes import file_size

# What Pillow must recognise the file as. MPO is the JPEG variant some phones save.
ACCEPTED_FORMATS = {"JPEG", "MPO", "PNG", "WEBP"}
# What a phone camera saves (6000 × 4000). A PNG or WebP of that size must be decoded whole,
# about 100 MB; at 50 Mpx one small file cost seconds and hundreds of megabytes per request.
MAX_PIXELS = 24_000_000
# For every image this process opens, Wagtail's renditions included: Pillow warns above this
# and refuses above twice this, so what Wagtail accepts on upload (128 Mpx) still renders.
PROCESS_MAX_IMAGE_PIXELS = 64_000_000
Image.MAX_IMAGE_PIXELS = PROCESS_MAX_IMAGE_PIXELS
MAX_SIDE = 2000
# Scale by whole factors (cheap box filter) until within this factor of the size, then Lanczos.
REDUCING_GAP = 3.0
JPEG_QUALITY = 85

NOT_AN_IMAGE = gettext_lazy("Filen är inte en bild vi kan ta emot (JPEG, PNG eller WebP).")
TOO_MANY_PIXELS = gettext_lazy(
    "Bilden har för många bildpunkter. Ta en mindre bild eller förminska den."
)


def clean_photo(upload):
    """Check an uploaded file and return it as JPEG bytes without metadata.

    Raises ValidationError, with a message for the resident, for anything else: never a 500.
    """
    limit = settings.PROPOSALS_PHOTO_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("Bilden är för stor. Den får vara högst %(limit)s.") % {"limit": file_size(limit)},
            code="too_big",
        )
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                check_image(image)
                return reencode(image)
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ValidationError(TOO_MANY_PIXELS, code="too_many_pixels") from error
    except Exception as error:  # Pillow raises many kinds of exception for broken files.
        raise ValidationError(NOT_AN_IMAGE, code="not_an_image") from error


def check_image(image):
    """Refuse other formats and images too large to decode safely (only the header is read)."""
    if image.format not in ACCEPTED_FORMATS:
        raise ValidationError(NOT_AN_IMAGE, code="not_an_image")
    if image.width * image.height > MAX_PIXELS:
        raise ValidationError(TOO_MANY_PIXELS, code="too_many_pixels")


def reencode(image):
    """The picture, upright, at most MAX_SIDE pixels on its long side, as a bare JPEG.

    Scaled down first, in the cheapest mode that keeps the picture, so no full-size copy is made:
    turning and colour conversion then work on the small picture.
    """
    image.draft("RGB", (MAX_SIDE, MAX_SIDE))  # JPEG only: decode at a reduced size
    profile = image.info.get("icc_profile")
    image = scalable(image)
    image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS, reducing_gap=REDUCING_GAP)
    image = ImageOps.exif_transpose(image)
    if image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA" if "A" in image.mode else "RGB")
    picture = to_srgb(flatten(image), profile)
    output = BytesIO()
    picture.save(output, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return output.getvalue()


def scalable(image):
    """The image in a mode Pillow scales smoothly, converting only when it must.

    Palette and 1-bit images would be scaled with nearest neighbour; a 1-bit image becomes
    grey (one byte a pixel), a palette image RGB, or RGBA only when it has transparency.
    """
    if image.mode in ("RGB", "RGBA", "L", "LA"):
        return image
    if image.mode == "1":
        return image.convert("L")
    transparent = "transparency" in image.info or image.mode in ("PA", "La")
    return image.convert("RGBA" if transparent else "RGB")


def flatten(image):
    """The pixels on a new white canvas: transparency filled, none of the file's info kept."""
    canvas = Image.new("RGB", image.size, "white")
    canvas.paste(image, mask=image if image.mode == "RGBA" else None)
    return canvas


def to_srgb(image, profile):
    """Convert from the file's colour profile to sRGB, so colours stay right without it."""
    if not profile:
        return image
    try:
        source = ImageCms.ImageCmsProfile(BytesIO(profile))
        converted = ImageCms.profileToProfile(image, source, ImageCms.createProfile("sRGB"))
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return image  # a broken profile: keep the pixels as they are
    converted.info.clear()
    return converted


def preview(data, size=800):
    """A smaller copy of an already re-encoded photo, for showing it before it is sent."""
    with Image.open(BytesIO(data)) as image:
        image.thumbnail((size, size), Image.Resampling.LANCZOS)
        output = BytesIO()
        image.convert("RGB").save(output, "JPEG", quality=80)
    return output.getvalue()
