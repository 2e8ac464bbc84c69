"""Registering many proposals in a real browser: the grid typed with the keyboard only, the
spreadsheet import from upload to confirm, and axe-core on every state of both pages."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from rounds.models import Proposal
from rounds.models.proposals import Source
from tests.support import proposals as make
from tests.support.accessibility import assert_no_axe_violations

pytestmark = pytest.mark.browser

GRID = "/admin/forslag/flera/"
IMPORT = "/admin/forslag/importera/"
WALK_DAY = (timezone.localdate() - timedelta(days=2)).isoformat()
ROWS = [
    ("Trasig gatlampa vid skolan", "Lyser inte sedan i höstas.", "Trafik", "Skolvägen"),
    ("Fler bänkar vid ån", "", "", "Ån"),
    ("Skräp vid badplatsen", "Behöver en papperskorg.", "Gr", "Badplatsen"),
]


@pytest.fixture
def themes(site):
    return [make.theme("Trafik och vägar"), make.theme("Grönområden")]


def choose_shared(page, site):
    page.locator("#id_dialogue").select_option(str(site["dialogue_open"].pk))
    page.locator("#id_source").select_option(Source.WALK)
    page.locator("#id_date").fill(WALK_DAY)


def test_three_rows_typed_with_the_keyboard_are_saved_and_the_choices_kept(
    admin_page, visit, site, themes
):
    page = visit(GRID)
    choose_shared(page, site)
    page.get_by_label("Rubrik, rad 1").focus()
    for title, body, theme, place in ROWS:
        page.keyboard.type(title)
        page.keyboard.press("Tab")
        page.keyboard.type(body)
        page.keyboard.press("Tab")
        if theme:
            page.keyboard.type(theme)  # a focused select picks the option typed (in ASCII:
            # Playwright inserts other letters as text, which a select passes on)
        page.keyboard.press("Tab")
        page.keyboard.type(place)
        page.keyboard.press("Tab")  # the photo's button
        page.keyboard.press("Tab")  # the next row's title
    expect(page.get_by_label("Rubrik, rad 4")).to_be_focused()
    expect(page.get_by_label("Tema, rad 3")).to_have_value(str(themes[1].pk))

    page.get_by_role("button", name="Spara och registrera nästa").focus()
    page.keyboard.press("Enter")

    page.wait_for_url("**/flera/?dialogue=*")
    references = list(Proposal.objects.order_by("reference").values_list("reference", flat=True))
    assert len(references) == 3
    expect(page.get_by_text(f"3 förslag är registrerade: {', '.join(references)}.")).to_be_visible()
    expect(page.locator("#id_dialogue")).to_have_value(str(site["dialogue_open"].pk))
    expect(page.locator("#id_source")).to_have_value(Source.WALK)
    expect(page.locator("#id_date")).to_have_value(WALK_DAY)
    expect(page.get_by_label("Rubrik, rad 1")).to_have_value("")
    themes_saved = [p.theme and p.theme.name for p in Proposal.objects.order_by("reference")]
    assert themes_saved == ["Trafik och vägar", None, "Grönområden"]


def test_adding_a_row_puts_the_focus_in_it(admin_page, visit, site, themes):
    page = visit(GRID)
    page.get_by_label("Rubrik, rad 1").fill("Lampa")

    page.get_by_role("button", name="Lägg till rad").click()

    expect(page.get_by_label("Rubrik, rad 6")).to_be_focused()
    expect(page.locator("#id_rad-TOTAL_FORMS")).to_have_value("6")
    expect(page.get_by_label("Rubrik, rad 1")).to_have_value("Lampa")
    expect(page.locator("[data-batch-status]")).to_have_text("Rad 6 är tillagd.")


@pytest.mark.parametrize("width", [1280, 390])
def test_the_grid_empty_and_with_errors_passes_axe_and_fits(admin_page, visit, site, themes, width):
    admin_page.set_viewport_size({"width": width, "height": 900})
    page = visit(GRID)
    assert_no_axe_violations(page, f"the empty grid at {width} px")
    fits = page.evaluate(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    assert fits, f"the grid is wider than the window at {width} px"
    label = page.locator('label[for="id_rad-0-title"]')
    if width == 1280:
        expect(page.get_by_role("columnheader", name="Rubrik")).to_be_visible()
    else:
        expect(label).to_be_visible()  # the rows are stacked, each field with its label

    choose_shared(page, site)
    page.get_by_label("Beskrivning, rad 2").fill("En rad utan rubrik.")
    page.get_by_role("button", name="Spara och registrera nästa").click()

    summary = page.locator("#batch-errors")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Rad 2: Rubriken saknas.")
    expect(page.get_by_label("Beskrivning, rad 2")).to_have_value("En rad utan rubrik.")
    assert_no_axe_violations(page, f"the grid with errors at {width} px")
    assert Proposal.objects.count() == 0


def upload_csv(page, site, content):
    choose_shared(page, site)
    page.locator("#id_file").set_input_files(
        {"name": "vandring.csv", "mimeType": "text/csv", "buffer": content.encode("utf-8-sig")}
    )
    page.get_by_role("button", name="Förhandsgranska").click()


def test_a_csv_is_previewed_and_saved(admin_page, visit, site, themes):
    page = visit(IMPORT)
    expect(page.get_by_role("link", name="ladda ner mallen som XLSX (Excel)")).to_be_visible()
    assert_no_axe_violations(page, "the import page")

    upload_csv(page, site, "rubrik;tema;plats\nTrasig gatlampa;trafik och vägar;Skolvägen\n")

    table = page.get_by_role("table", name="1 förslag ur filen")
    expect(table).to_contain_text("Trafik och vägar")
    assert_no_axe_violations(page, "the preview without errors")
    page.get_by_role("button", name="Spara 1 förslag").click()

    reference = Proposal.objects.get().reference
    expect(page.get_by_text(f"1 förslag är registrerat: {reference}.")).to_be_visible()
    expect(page.locator("#id_dialogue")).to_have_value(str(site["dialogue_open"].pk))


def test_a_preview_with_errors_offers_no_save_and_passes_axe(admin_page, visit, site, themes):
    page = visit(IMPORT)
    upload_csv(page, site, "rubrik;tema\nLampa;Parkering\n;\n;Trafik och vägar\n")

    summary = page.locator("#batch-errors")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Rad 2: Tema ”Parkering” finns inte.")
    expect(summary).to_contain_text("Rad 4: Rubriken saknas.")
    expect(page.get_by_role("button", name="Spara")).to_have_count(0)
    assert_no_axe_violations(page, "the preview with errors")

    visit(IMPORT)
    choose_shared(page, site)
    page.locator("#id_file").set_input_files(
        {"name": "bild.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4"}
    )
    page.get_by_role("button", name="Förhandsgranska").click()
    expect(page.locator("#batch-errors")).to_contain_text("Välj en fil i formatet CSV eller XLSX")
    assert_no_axe_violations(page, "the import page with an error")
