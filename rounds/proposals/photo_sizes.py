"""A public proposal photo in the sizes a page needs, and the `<img>` attributes that ask
for them: smaller files for small screens, and a width and height so the page does not jump.

The smaller copies are made on first request and kept beside the original in the private
storage; they are served only through the photo view, which checks visibility every time.
"""

from io import BytesIO
from pathlib import PurePosixPath

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.images import get_image_dimensions
from PIL import Image

from .storage import private_storage

# Widths offered to the browser; the original (at most photos.MAX_SIDE) is the largest.
WIDTHS = (480, 960, 1440)
# The photo's column: two thirds of the page beside the facts, the whole width on a phone.
SIZES = "(min-width: 72rem) 46rem, (min-width: 60rem) 66vw, calc(100vw - 2rem)"
JPEG_QUALITY = 82
_DIMENSIONS_TIMEOUT = 60 * 60 * 24 * 30  # a stored photo never changes: its name is unique


def dimensions(photo):
    """(width, height) of the stored photo, read once and then remembered by its name; None
    when the file is missing or unreadable (the page then shows no photo rather than fail)."""
    key = f"proposal-photo-size:{photo.name}"
    size = cache.get(key)
    if size is None:
        try:
            with private_storage().open(photo.name, "rb") as file:
                size = get_image_dimensions(file)
        except OSError:  # FileNotFoundError included: not remembered, it may come back
            return None
        if None in size:
            return None
        cache.set(key, size, _DIMENSIONS_TIMEOUT)
    return tuple(size)


def widths(photo):
    """The widths this photo can be served at: the smaller copies and its own width."""
    size = dimensions(photo)
    if size is None:
        return []
    return [w for w in WIDTHS if w < size[0]] + [size[0]]


def image_attributes(photo, url):
    """`src`, `srcset`, `sizes`, `width` and `height` for the photo's `<img>`; None when the
    file cannot be read."""
    size = dimensions(photo)
    if size is None:
        return None
    offered = widths(photo)
    middle = next((w for w in offered if w >= WIDTHS[1]), offered[-1])

    def sized(width):  # the photo's own width is its plain address
        return url if width == size[0] else f"{url}?bredd={width}"

    return {
        "src": sized(middle),
        "srcset": ", ".join(f"{sized(w)} {w}w" for w in offered),
        "sizes": SIZES,
        "width": size[0],
        "height": size[1],
    }


def resized_name(photo, width):
    path = PurePosixPath(photo.name)
    return str(path.parent / "sizes" / f"{path.stem}-{width}.jpg")


def open_sized(photo, width):
    """The photo `width` pixels wide, made and stored on first use, as an open file.

    None for a width the photo is not offered at; the original for its own width.
    """
    offered = widths(photo)
    if width not in offered:
        return None
    if width == offered[-1]:
        return photo.open("rb")
    storage, name = private_storage(), resized_name(photo, width)
    if not storage.exists(name):
        with photo.open("rb") as original, Image.open(original) as image:
            image.thumbnail((width, width * 10), Image.Resampling.LANCZOS)
            output = BytesIO()
            image.convert("RGB").save(output, "JPEG", quality=JPEG_QUALITY, optimize=True)
        name = storage.save(name, ContentFile(output.getvalue()))
    return storage.open(name, "rb")
