"""Every page type passes axe-core's WCAG 2.x A/AA rules and reflows at 320 CSS pixels."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from .content import PAGES, path_of

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": WCAG_TAGS},
    "resultTypes": ["violations"],
}

# The pages with the widest content: long words in headings, fact lists, the schedule table.
REFLOW_PAGES = ["home", "place", "dialogue-open", "dialogue-summary", "round"]

_axe = Axe()


def describe(violations):
    """A readable report: each rule broken, why it matters, and where."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append(f"  - {' '.join(map(str, node['target']))}")
            lines.append(f"    {node['html'][:300]}")
            if node.get("failureSummary"):
                lines.append("    " + node["failureSummary"].replace("\n", "\n    "))
    return "\n".join(lines)


@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_axe_violations(visit, site, name):
    page = visit(path_of(name, site), status=404 if name == "not-found" else 200)

    violations = _axe.run(page, options=AXE_OPTIONS).response["violations"]

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
        visit(path_of(name, site))
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > 320:
            problems.append(f"{name} ({page.url}) is {scroll_width} px wide: {overflowing(page)}")
        violations = _axe.run(page, options=AXE_OPTIONS).response["violations"]
        if violations:
            problems.append(f"{name} ({page.url}) at 320 px:\n{describe(violations)}")
    assert not problems, "\n".join(problems)


def overflowing(page):
    """The text that sticks out to the right, each with the element it is in."""
    return page.evaluate(
        """() => {
            const found = [];
            const outside = (rect) => rect.right > document.documentElement.clientWidth + 0.5;
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const element = node.parentElement;
                if (element.closest(".table-scroll, .visually-hidden")) continue;
                const range = document.createRange();
                range.selectNodeContents(node);
                if ([...range.getClientRects()].some(outside)) {
                    found.push(`<${element.localName} class="${element.className}">`
                        + node.textContent.trim().slice(0, 60));
                }
            }
            return found.slice(0, 8);
        }"""
    )


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
    violations = _axe.run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, describe(violations)
