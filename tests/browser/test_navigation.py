"""Getting around with a keyboard and a screen reader: skip link, landmarks, menu, search."""

import re

import pytest
from playwright.sync_api import expect

from tests.support.browser_site import PAGES, page_path

pytestmark = pytest.mark.browser

SKIP_LINK = "Hoppa till huvudinnehållet"


def within_viewport(box, viewport):
    return (
        box is not None
        and box["x"] >= 0
        and box["y"] >= 0
        and box["x"] + box["width"] <= viewport["width"]
        and box["y"] + box["height"] <= viewport["height"]
    )


@pytest.mark.parametrize("name", ["home", "dialogue-open"])
def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(visit, site, name):
    page = visit(page_path(name, site))
    skip_link = page.get_by_role("link", name=SKIP_LINK)
    assert not within_viewport(skip_link.bounding_box(), page.viewport_size), "shown unfocused"

    page.keyboard.press("Tab")

    expect(skip_link).to_be_focused()
    assert within_viewport(skip_link.bounding_box(), page.viewport_size), "not visible on focus"

    page.keyboard.press("Enter")

    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate("document.getElementById('main').contains(document.activeElement)"), (
        "the next Tab after the skip link leaves the main content"
    )


def test_every_page_has_one_h1_and_one_main_landmark(page, visit, site):
    problems = []
    for name in PAGES:
        visit(page_path(name, site), status=404 if name == "not-found" else 200)
        h1s = page.get_by_role("heading", level=1).all_inner_texts()
        mains = page.get_by_role("main").count()
        if len(h1s) != 1 or mains != 1:
            problems.append(f"{name} ({page.url}): h1 {h1s}, {mains} main landmark(s)")
    assert not problems, "\n".join(problems)


# The menu link marked as the current section on each page (the home page is in no section).
CURRENT_SECTION = {
    "home": None,
    "standard": "Om utvecklingsdialogerna",
    "place-index": "Orter",
    "place": "Orter",
    "dialogue-open": "Orter",
    "round-index": "Omgångar",
    "round": "Omgångar",
    "search-results": "Sök",
}


def test_main_menu_marks_the_current_section(page, visit, site):
    problems = []
    for name, expected in CURRENT_SECTION.items():
        visit(page_path(name, site))
        menu = page.get_by_role("navigation", name="Huvudmeny")
        expect(menu.get_by_role("link", name="Orter")).to_be_visible()
        marked = menu.locator("[aria-current]")
        found = [(link.inner_text(), link.get_attribute("aria-current")) for link in marked.all()]
        wanted = [(expected, "page")] if expected else []
        if found != wanted:
            problems.append(f"{name}: marked {found}, expected {wanted}")
    assert not problems, "\n".join(problems)


def test_search_from_the_menu_to_a_village(page, visit, site):
    visit("/")
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Sök").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sök")

    page.get_by_label("Sök på orter, dialoger och sidor").fill("Läckeby")
    page.get_by_role("button", name="Sök").click()

    results_heading = page.get_by_role(
        "heading", level=2, name=re.compile(r"träff(ar)? för ”Läckeby”")
    )
    expect(results_heading).to_be_visible()
    expect(page).to_have_title(re.compile("^Sökresultat för ”Läckeby”"))
    expect(page.get_by_label("Sök på orter, dialoger och sidor")).to_have_value("Läckeby")
    results = page.get_by_role("list", name=re.compile("träff(ar)? för"))

    results.get_by_role("link", name="Läckeby", exact=True).click()

    expect(page).to_have_url(re.compile(r"/orter/lackeby/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Läckeby")


@pytest.mark.parametrize("width", [320, 390, 1280])
def test_the_easy_read_link_is_on_the_first_line_of_the_header_on_every_screen(
    page, visit, site, width
):
    page.set_viewport_size({"width": width, "height": 800})
    visit(page_path("place", site))
    link = page.get_by_role("banner").get_by_role("link", name=re.compile("^Lättläst"))
    expect(link).to_be_visible()
    assert within_viewport(link.bounding_box(), page.viewport_size)
    name = page.locator(".site-header__name").bounding_box()
    assert link.bounding_box()["y"] < name["y"] + name["height"], "Lättläst adds a line"

    link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Lättläst")
