"""Landscape illustrations drawn locally with Pillow, so the demo needs no downloads."""

import random
from io import BytesIO

from PIL import Image, ImageDraw, ImageFilter

WIDTH, HEIGHT = 1200, 675

# Sky top, sky bottom, far land, near land, accent (fields or sea) per scene.
PALETTES = {
    "coast": ((118, 170, 214), (226, 236, 240), (92, 128, 96), (70, 110, 74), (62, 120, 160)),
    "fields": ((134, 180, 222), (238, 232, 208), (120, 150, 90), (96, 136, 70), (222, 196, 74)),
    "forest": ((150, 182, 208), (240, 226, 200), (62, 94, 72), (44, 76, 56), (150, 170, 96)),
}


def _mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def _sky(draw, top, bottom, horizon):
    for y in range(horizon):
        draw.line([(0, y), (WIDTH, y)], fill=_mix(top, bottom, y / horizon))


def _ridge(draw, rng, base, amplitude, colour):
    """A rolling line of hills or forest from left to right, filled down to the bottom."""
    points = [(0, HEIGHT)]
    y = base
    for x in range(0, WIDTH + 60, 60):
        y = max(
            base - amplitude, min(base + amplitude, y + rng.randint(-amplitude, amplitude) // 3)
        )
        points.append((x, y))
    points.append((WIDTH, HEIGHT))
    draw.polygon(points, fill=colour)


def _trees(draw, rng, base, colour, count):
    for _ in range(count):
        x = rng.randint(0, WIDTH)
        height = rng.randint(40, 90)
        draw.polygon(
            [(x, base - height), (x - height // 4, base), (x + height // 4, base)], fill=colour
        )


def _house(draw, x, ground):
    """A small red cottage with a white trim, the classic Swedish countryside silhouette."""
    draw.rectangle([x, ground - 46, x + 70, ground], fill=(160, 40, 32))
    draw.polygon(
        [(x - 6, ground - 46), (x + 35, ground - 76), (x + 76, ground - 46)], fill=(60, 50, 50)
    )
    draw.rectangle([x + 28, ground - 28, x + 42, ground], fill=(245, 240, 230))


def landscape(seed, scene="fields"):
    """A 1200×675 JPEG of a simple landscape; the same seed always gives the same picture."""
    rng = random.Random(seed)  # noqa: S311 - decoration, not security
    sky_top, sky_bottom, far, near, accent = PALETTES[scene]
    horizon = rng.randint(330, 400)
    image = Image.new("RGB", (WIDTH, HEIGHT), sky_bottom)
    draw = ImageDraw.Draw(image)
    _sky(draw, sky_top, sky_bottom, horizon)
    sun_x = rng.randint(150, WIDTH - 150)
    draw.ellipse([sun_x - 40, horizon - 220, sun_x + 40, horizon - 140], fill=(252, 240, 200))
    _ridge(draw, rng, horizon, 24, far)
    if scene == "coast":
        draw.rectangle([0, horizon + 10, WIDTH, horizon + 120], fill=accent)
        _ridge(draw, rng, horizon + 150, 30, near)
    elif scene == "fields":
        _ridge(draw, rng, horizon + 60, 20, accent)
        _ridge(draw, rng, horizon + 170, 26, near)
    else:
        _trees(draw, rng, horizon + 40, near, 60)
        _ridge(draw, rng, horizon + 140, 20, accent)
    _house(draw, rng.randint(200, WIDTH - 300), horizon + rng.randint(150, 200))
    image = image.filter(ImageFilter.SMOOTH)
    buffer = BytesIO()
    image.save(buffer, format="JPEG", quality=82, optimize=True)
    return buffer.getvalue()
