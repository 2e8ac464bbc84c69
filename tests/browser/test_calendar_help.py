"""The calendar help and the feed explainers in a real browser: axe-core finds nothing, long
addresses wrap at 320 CSS pixels, the links get there, and a page with Google and Outlook links
asks nothing of those services when it loads."""

import pytest
from playwright.sync_api import expect

from tests.support.accessibility import assert_no_axe_violations, heading, overflowing

pytestmark = pytest.mark.browser


def help_pages(site):
    return {
        "calendar help": "/kalender/hjalp/",
        "feed explainer": "/flode/om/",
        "village feed explainer": f"/flode/om/?ort={site['place'].slug}",
    }


def test_help_pages_have_no_axe_violations_and_reflow(page, visit, site):
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 800})
        for name, path in help_pages(site).items():
            visit(path)
            assert_no_axe_violations(page, f"{name} at {width} px")
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            assert scroll_width <= width, f"{name} is {scroll_width} px wide: {overflowing(page)}"


def test_from_the_village_page_to_the_help_and_the_explainer(page, visit, site):
    visit(site["place"].get_url())
    page.get_by_role("link", name="Så prenumererar du, steg för steg").click()
    expect(heading(page)).to_have_text("Så får du in tiderna i din kalender")
    expect(page.locator("#prenumerera")).to_be_in_viewport()

    visit(site["place"].get_url())
    page.get_by_role("link", name="Prenumerera på nyheter från Läckeby (Atom-flöde)").click()
    expect(heading(page)).to_have_text("Nyheter från Läckeby som flöde")
    expect(page.locator("main a.feed-address")).to_contain_text("/orter/lackeby/flode/")


def test_calendar_links_load_nothing_from_google_or_microsoft(page, visit, site):
    hosts = []
    page.on("request", lambda request: hosts.append(request.url))
    visit(site["dialogue_open"].get_url())
    page.wait_for_load_state("networkidle")
    expect(page.get_by_role("link", name="Lägg till i Google Kalender").first).to_be_visible()
    expect(page.get_by_role("link", name="Lägg till i Outlook").first).to_be_visible()
    outside = [url for url in hosts if not url.startswith(page.url.split("/orter/")[0])]
    assert not outside, outside
    assert_no_axe_violations(page, "the open dialogue with its calendar links")
