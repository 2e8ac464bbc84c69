"""Checking HTML emails the way a mail program shows them: axe-core and reflow at 320 px."""

from .test_accessibility import AXE_OPTIONS, _axe, describe


def email_problems(page, emails, widths=(1280, 320)):
    """What is wrong with each (subject, html): axe violations and horizontal scrolling."""
    problems = []
    for width in widths:
        page.set_viewport_size({"width": width, "height": 800})
        for subject, html in emails:
            page.set_content(html)
            violations = _axe.run(page, options=AXE_OPTIONS).response["violations"]
            if violations:
                problems.append(f"{subject} at {width} px:\n{describe(violations)}")
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            if scroll_width > width:
                problems.append(f"{subject} is {scroll_width} px wide at {width} px")
    return problems
