"""Images for the tests: small ones of any format, uploads, a decompression bomb, reading back."""

import struct
import zlib
from functools import cache
from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def image_bytes(fmt="JPEG", size=(64, 48), color="green", mode="RGB", **save_options):
    buffer = BytesIO()
    Image.new(mode, size, color).save(buffer, fmt, **save_options)
    return buffer.getvalue()


@cache
def jpeg_bytes(size=(320, 240)):
    """A small JPEG without metadata, as the form stores it after re-encoding."""
    return image_bytes("JPEG", size, (120, 160, 90), quality=80)


def upload(content, name="foto.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def image_file(name="bild.png", size=(64, 48)):
    """A small PNG upload, as an editor would send it."""
    return upload(image_bytes("PNG", size), name, content_type="image/png")


def reopen(data):
    image = Image.open(BytesIO(data))
    image.load()
    return image


def bomb_png(width=20_000, height=20_000):
    """A 1-bit PNG of width × height pixels, all black: a few hundred KB on disk."""
    row = b"\0" + b"\0" * ((width + 7) // 8)
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()

    def chunk(kind, body):
        return (
            struct.pack(">I", len(body))
            + kind
            + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )
