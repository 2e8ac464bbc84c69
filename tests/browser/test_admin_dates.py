"""An editor types an event's time the Swedish way: the date picker keeps it, the save reads it."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_a_typed_swedish_time_survives_the_picker_and_the_save(admin_page, visit, site):
    page = visit(f"/admin/pages/{site['dialogue_open'].pk}/edit/")
    start = page.locator("input[name='events-0-start']")
    end = page.locator("input[name='events-0-end']")

    start.fill("20/4 2027 17.30")
    start.press("Tab")  # the picker used to replace this with the current time on blur
    end.fill("20/4 2027 20:00")
    end.press("Tab")
    expect(start).to_have_value("20/4 2027 17.30")

    save = page.get_by_role("button", name="Spara utkast")
    save.focus()  # as a keyboard user: the open picker covers the button for a mouse
    save.press("Enter")
    page.wait_for_load_state()
    expect(page.locator(".messages")).to_contain_text("har blivit uppdaterad")
    starts = page.locator("input[name$='-start']").evaluate_all(
        "inputs => inputs.map(i => i.value)"
    )
    ends = page.locator("input[name$='-end']").evaluate_all("inputs => inputs.map(i => i.value)")
    assert "2027-04-20 17:30" in starts, starts
    assert "2027-04-20 20:00" in ends, ends
