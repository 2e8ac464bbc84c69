"""Every page type passes axe-core's WCAG 2.x A/AA rules and reflows at 320 CSS pixels."""

import pytest

from tests.support.accessibility import AXE_OPTIONS, axe, describe, overflowing
from tests.support.browser_site import PAGES, page_path

pytestmark = pytest.mark.browser

# The pages with the widest content: long words in headings, fact lists, the schedule table.
REFLOW_PAGES = ["home", "place", "dialogue-open", "dialogue-summary", "round", "figures-place"]


@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_axe_violations(visit, site, name):
    page = visit(page_path(name, site), status=404 if name == "not-found" else 200)

    violations = axe.run(page, options=AXE_OPTIONS).response["violations"]

    assert not violations, f"axe found {len(violations)} problem(s) on {page.url}:\n" + describe(
        violations
    )


def test_pages_at_320_css_pixels_reflow_and_pass_axe(page, visit, site):
    """WCAG 1.4.10: no horizontal scrolling at 320 px; a wide table may scroll in its region.

    axe runs again at this width: the schedule table's region only scrolls here, and targets
    are laid out differently. One test for the pages with the widest content.
    """
    page.set_viewport_size({"width": 320, "height": 640})
    problems = []
    for name in REFLOW_PAGES:
        visit(page_path(name, site))
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > 320:
            problems.append(f"{name} ({page.url}) is {scroll_width} px wide: {overflowing(page)}")
        violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
        if violations:
            problems.append(f"{name} ({page.url}) at 320 px:\n{describe(violations)}")
    assert not problems, "\n".join(problems)


def test_the_page_for_a_body_too_large_has_no_axe_violations(page, visit, site, settings):
    """The 413 page a resident sees after choosing a photo far too large (portal.body_limit)."""
    settings.PROPOSALS_PHOTO_MAX_BYTES = 1000
    page.route(
        "**/",
        lambda route: route.continue_(method="POST", post_data=b"x" * (600 * 1024)),
    )
    visit("/", status=413)
    page.unroute("**/")

    assert "för stort" in page.locator("h1").inner_text()
    violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, describe(violations)


def test_the_promise_watch_is_on_the_pages_axe_scans(visit, site):
    """The scans above see the passed-date mark and the earlier promises, not an empty page."""
    page = visit(page_path("proposal-overdue", site))
    assert "Datumet har passerat — nytt besked kommer" in page.locator(".overdue").inner_text()
    page = visit(page_path("dialogue-open-promises", site))
    section = page.locator("#tidigare-loften")
    assert "så står det till" in section.locator("h2").inner_text()
    assert "Datumet har passerat" in section.inner_text()
