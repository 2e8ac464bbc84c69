"""Accessibility checks for the browser tests: axe-core's WCAG 2.x A/AA rules, reflow at 320 CSS
pixels, and the same for HTML emails the way a mail program shows them."""

from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": WCAG_TAGS},
    "resultTypes": ["violations"],
}

axe = Axe()


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


# Wait for the page's running animations and transitions to end (the admin's messages fade
# in), so that axe measures the colours a person reads, not a frame halfway through; at most
# a second, since a paused or endless animation never ends.
SETTLE = """() => Promise.race([
    Promise.all(document.getAnimations()
        .filter(animation => animation.playState === "running")
        .filter(animation => animation.effect?.getComputedTiming().endTime !== Infinity)
        .map(animation => animation.finished.catch(() => null))),
    new Promise(resolve => setTimeout(resolve, 1000)),
])"""


def assert_no_axe_violations(page, what):
    # After a click the new page's text can be there before its stylesheet: axe would then
    # measure unstyled links (a busy machine showed it as target-size failures).
    page.wait_for_load_state("load")
    page.evaluate(SETTLE)
    violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, f"axe on {what} ({page.url}):\n{describe(violations)}"


def heading(page):
    """The page's h1, as assistive technology finds it."""
    return page.get_by_role("heading", level=1)


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


def email_problems(page, emails, widths=(1280, 320)):
    """What is wrong with each (subject, html): axe violations and horizontal scrolling."""
    problems = []
    for width in widths:
        page.set_viewport_size({"width": width, "height": 800})
        for subject, html in emails:
            page.set_content(html)
            violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
            if violations:
                problems.append(f"{subject} at {width} px:\n{describe(violations)}")
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            if scroll_width > width:
                problems.append(f"{subject} is {scroll_width} px wide at {width} px")
    return problems
