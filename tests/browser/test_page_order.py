"""What people came for is on the first screen: on a phone and at 200 % zoom, the next date of a
dialogue or village, the way to propose while proposals are open, and a published summary.

"Screens down" is where the thing's top edge is, in viewport heights from the top of the page:
under 1 means it is seen without scrolling.
"""

import pytest

from tests.support.browser_site import page_path

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}  # a common phone, in CSS pixels
ZOOMED = {"width": 640, "height": 400}  # a 1280 × 800 screen at 200 % zoom
VIEWPORTS = {"phone": PHONE, "zoom-200": ZOOMED}


def screens_down(page, locator):
    """How far down the page the top of `locator` is, in viewport heights."""
    top = locator.first.evaluate("element => element.getBoundingClientRect().top + window.scrollY")
    return top / page.viewport_size["height"]


def open_at(page, visit, path, viewport):
    page.set_viewport_size(viewport)
    return visit(path)


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_a_dialogue_page_shows_the_next_date_and_how_to_propose_on_the_first_screen(
    page, visit, site, viewport
):
    open_at(page, visit, page_path("dialogue-open", site), viewport)
    walk = site["dialogue_open"].walk

    next_date = page.locator(".next-event time").first
    assert next_date.get_attribute("datetime").startswith(walk.start.date().isoformat())
    assert screens_down(page, next_date) < 1
    assert screens_down(page, page.get_by_text("Bygdegården").first) < 1
    propose = page.get_by_role("link", name="Lämna förslag", exact=True)
    assert screens_down(page, propose) < 1


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_a_published_summary_starts_on_the_first_screen_and_links_land_on_it(
    page, visit, site, viewport
):
    open_at(page, visit, page_path("place", site), viewport)

    page.get_by_role("link", name=site["dialogue_summary"].title).last.click()
    page.wait_for_url("**#summary-heading")

    heading = page.get_by_role("heading", name="Sammanställning", exact=True)
    assert heading.evaluate("element => element.getBoundingClientRect().top") < 50, (
        "the link to the summary does not land on it"
    )
    page.goto(site["dialogue_summary"].get_url())
    assert screens_down(page, heading) < 1


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_a_village_page_shows_its_next_date_and_the_proposal_deadline_on_the_first_screen(
    page, visit, site, viewport
):
    open_at(page, visit, page_path("place", site), viewport)

    next_date = page.locator(".next-event time").first
    assert screens_down(page, next_date) < 1
    deadline = page.get_by_text("Lämna förslag senast")
    assert screens_down(page, deadline) < 1


def test_the_village_list_fits_many_villages_on_a_phone_screen(page, visit, site):
    open_at(page, visit, page_path("place-index", site), PHONE)

    links = page.locator("main .place-list a")
    assert links.count() == 2
    heights = [box["height"] for box in (links.nth(i).bounding_box() for i in range(2))]
    assert max(heights) < PHONE["height"] / 8, f"a village takes {max(heights)} px"
