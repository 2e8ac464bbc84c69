"""The proposals workbench in a real browser: the list fits beside the admin menu at 1280 px and
comes before its filters on a phone, and the workbench's pages pass axe-core, with their
disclosures closed and open."""

import pytest
from playwright.sync_api import expect

from rounds.models.proposals import Source, Status, Visibility
from tests.support import pages as factories
from tests.support import proposals as make
from tests.support.accessibility import assert_no_axe_violations

pytestmark = pytest.mark.browser

# As many villages as the demo content, each with the long words a real list has.
VILLAGES = [
    "Drag", "Dunö", "Hagby", "Halltorp", "Lindsdal", "Ljungbyholm", "Rinkabyholm", "Rockneby",
    "Smedby", "Trekanten", "Tvärskog", "Vassmolösa", "Åmunnen",
]  # fmt: skip


@pytest.fixture
def proposals(site):
    """A proposal in each of fifteen villages, with long titles, themes and departments."""
    theme = make.theme("Föreningsliv och mötesplatser")
    department = make.department("Samhällsbyggnadsförvaltningen")
    dialogues = [site["dialogue_open"], site["dialogue_follow_up"]]
    dialogues += [factories.dialogue(factories.place(title), site["round"]) for title in VILLAGES]
    made = []
    for number, dialogue in enumerate(dialogues):
        proposal = make.proposal(
            dialogue,
            visibility=Visibility.PENDING if number % 2 else Visibility.PUBLIC,
            title="Belysning vid återvinningsstationen och busshållplatsen",
            theme=theme,
            source=Source.WALK,
            name="Gunnar Exempelsson",
        )
        if proposal.is_public:  # a pending proposal is moderated before it is answered
            make.answer(proposal, Status.REVIEWING, responsible=department)
        made.append(proposal)
    return made


def test_the_list_fits_beside_the_menu_at_1280_px(admin_page, visit, proposals):
    page = visit("/admin/forslag/")
    expect(page.locator(".result-list tbody tr")).to_have_count(len(proposals))

    sizes = page.evaluate(
        """() => {
            const list = document.querySelector('.result-list');
            const cells = [...list.querySelectorAll('thead th')];
            return {
                scrollWidth: list.scrollWidth,
                clientWidth: list.clientWidth,
                lastColumnRight: cells[cells.length - 1].getBoundingClientRect().right,
            };
        }"""
    )

    assert sizes["scrollWidth"] <= sizes["clientWidth"], sizes
    assert sizes["lastColumnRight"] <= 1280, sizes
    visibility = page.locator(".result-list").get_by_text("Väntar på moderering").first
    visibility.scroll_into_view_if_needed()  # below the bulk actions; never beside the list
    expect(visibility).to_be_in_viewport()
    expect(page.get_by_role("columnheader", name="Namn")).to_be_in_viewport()


def test_on_a_phone_the_list_comes_before_the_filters(admin_page, visit, proposals):
    admin_page.set_viewport_size({"width": 390, "height": 844})
    page = visit("/admin/forslag/")
    first_row = page.locator(".result-list tbody tr").first
    village_filter = page.get_by_role("region", name="Ort", exact=True).get_by_role(
        "link", name="Åmunnen"
    )

    expect(first_row).to_be_in_viewport()
    expect(village_filter).to_be_hidden()

    page.locator(".workbench-filters summary").click()
    expect(village_filter).to_be_visible()
    village_filter.click()

    expect(page.locator(".result-list tbody tr")).to_have_count(1)
    expect(page.locator(".workbench-filters summary")).to_contain_text("Ort: Åmunnen")
    expect(page.locator(".result-list tbody tr").first).to_be_in_viewport()


def test_on_a_phone_the_export_and_register_buttons_are_on_the_screen(admin_page, visit, proposals):
    admin_page.set_viewport_size({"width": 390, "height": 844})
    page = visit("/admin/forslag/")

    for name in ("Exportera listan (XLSX)", "Registrera förslag"):
        box = page.get_by_role("link", name=name).bounding_box()
        assert box["x"] >= 0, f"{name} starts {-box['x']:.0f} px left of the screen"
        assert box["x"] + box["width"] <= 390, f"{name} ends right of the screen"


@pytest.mark.parametrize("width", [1280, 390])
def test_the_list_with_its_filters_closed_and_open_passes_axe(admin_page, visit, proposals, width):
    admin_page.set_viewport_size({"width": width, "height": 844})
    page = visit("/admin/forslag/?status__exact=reviewing")
    assert_no_axe_violations(page, f"the list at {width} px")

    page.locator(".workbench-filters summary").click()
    expect(
        page.get_by_role("region", name="Ort", exact=True).get_by_role("link", name="Åmunnen")
    ).to_be_visible()
    assert_no_axe_violations(page, f"the list with its filters open at {width} px")


def test_earlier_updates_open_from_a_visible_marker(admin_page, visit, proposals):
    page = visit(f"/admin/forslag/answer/{proposals[0].pk}/")
    summary = page.locator("summary", has_text="Tidigare uppdateringar")
    marker = summary.locator("svg")
    updates = page.get_by_role("table", name="Uppdateringar, äldst först")

    expect(marker).to_be_visible()
    box = marker.bounding_box()
    assert box["width"] >= 16 and box["height"] >= 16, box
    expect(updates).to_be_hidden()
    assert_no_axe_violations(page, "the answer form with the earlier updates closed")

    summary.focus()
    page.keyboard.press("Enter")

    expect(updates).to_be_visible()
    expect(updates).to_contain_text("Behandlas")
    expect(marker).not_to_have_css("transform", "none")
    assert_no_axe_violations(page, "the answer form with the earlier updates open")


def test_the_dashboard_and_the_forms_pass_axe(admin_page, visit, proposals):
    pending = proposals[1]
    for path, heading in [
        ("/admin/", "Förslag som väntar på moderering"),
        ("/admin/forslag/create/", "Registrera förslag"),
        (f"/admin/forslag/moderate/{pending.pk}/", "Moderera"),
        (f"/admin/forslag/inspect/{pending.pk}/", "Moderering"),
    ]:
        page = visit(path)
        expect(page.get_by_role("heading", name=heading).first).to_be_visible()
        assert_no_axe_violations(page, path)
    expect(page.get_by_text("Inte modererat ännu")).to_be_visible()
    visit("/admin/forslag/create/")
    dialogue = page.get_by_role("combobox", name="Dialog")
    expect(dialogue).to_have_value("")
    expect(dialogue.locator("option").first).to_have_text("Välj dialog")
