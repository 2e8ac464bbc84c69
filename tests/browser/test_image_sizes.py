"""Images are not served much larger than shown (Lighthouse "properly size images"), and each
says its width and height so the page does not jump while it loads."""

import pytest

from tests.support.browser_site import PAGES, page_path

pytestmark = pytest.mark.browser

WITH_IMAGES = {"place", "standard"}  # the village's hero image, an image block in the text

# Images shown on the screen (the printed summary's QR code is for paper only).
MEASURE = """() => [...document.images].filter(img => img.getClientRects().length).map(img => ({
    src: img.currentSrc,
    complete: img.complete,
    natural: img.naturalWidth,
    shown: img.getBoundingClientRect().width,
    width: img.getAttribute('width'),
    height: img.getAttribute('height'),
}))"""


def images_on(page):
    for image in page.locator("img:visible").all():
        image.scroll_into_view_if_needed()  # a lazy image loads once it is near the screen
    page.wait_for_function("() => [...document.images].every(img => img.complete)")
    return page.evaluate(MEASURE)


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("name", [name for name in PAGES if name != "not-found"])
def test_no_image_is_more_than_twice_as_wide_as_shown(page, visit, site, name, width):
    page.set_viewport_size({"width": width, "height": 900})
    images = images_on(visit(page_path(name, site)))

    if name in WITH_IMAGES:
        assert images, f"{name} shows no image"
    for image in images:
        assert image["natural"] > 0, f"{image['src']} did not load"
        assert image["natural"] <= 2 * image["shown"], image
        assert image["width"] and image["height"], f"{image['src']} has no width and height"
