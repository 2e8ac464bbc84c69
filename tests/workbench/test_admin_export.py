"""Export of the filtered proposal list to CSV and XLSX."""

import csv
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from rounds.models.proposals import Status
from tests.support import proposals as make
from tests.support.admin import CASE_OFFICERS, EDITORS, login, url, villages

PERSONAL = {
    "name": "Exportnamn Testsson",
    "email": "export-5521@example.org",
    "phone": "0480-552155",
}


@pytest.fixture
def tree(home):
    tree = villages()
    lamp = make.proposal(
        tree["läckeby"],
        title="Gatlampor vid busshållplatsen",
        theme=make.theme("Trafik"),
        **PERSONAL,
    )
    make.answer(
        lamp,
        Status.PLANNED,
        public_message="Belysningen byts 2027.",
        responsible=make.department("Samhällsbyggnad"),
    )
    make.proposal(tree["påryd"], title="Fler bänkar vid ån")
    return tree


def export(client, group_name, export_format, **filters):
    login(client, group_name)
    response = client.get(url("index"), {"export": export_format, **filters})
    assert response.status_code == 200
    return response


def csv_rows(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def xlsx_rows(response):
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_csv_has_the_filtered_rows_with_the_latest_answer(client, tree):
    village = tree["läckeby"].get_parent()

    response = export(client, CASE_OFFICERS, "csv", village=village.pk)

    filename = f"forslag-{timezone.localdate().isoformat()}.csv"
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
    header, *rows = csv_rows(response)
    assert header[:9] == [
        "Referens",
        "Ort",
        "Dialog",
        "Rubrik (publik)",
        "Tema",
        "Status",
        "Ansvarig",
        "Senast uppdaterat",
        "Senaste svar till invånaren",
    ]
    assert len(rows) == 1
    row = dict(zip(header, rows[0], strict=True))
    assert row["Ort"] == "Läckeby"
    assert row["Rubrik (publik)"] == "Gatlampor vid busshållplatsen"
    assert (row["Tema"], row["Status"], row["Ansvarig"]) == (
        "Trafik",
        "Längre planering",
        "Samhällsbyggnad",
    )
    assert row["Senast uppdaterat"] == timezone.localdate().isoformat()
    assert row["Senaste svar till invånaren"] == "Belysningen byts 2027."
    assert (row["Namn"], row["E-post"], row["Telefon"]) == tuple(PERSONAL.values())


def test_xlsx_has_the_same_rows(client, tree):
    response = export(client, CASE_OFFICERS, "xlsx", status__exact=Status.RECEIVED)

    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"].endswith(f'-{timezone.localdate().isoformat()}.xlsx"')
    header, *rows = xlsx_rows(response)
    assert header[-3:] == ["Namn", "E-post", "Telefon"]
    assert [(row[1], row[3]) for row in rows] == [("Påryd", "Fler bänkar vid ån")]


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_editors_export_without_personal_data(client, tree, export_format):
    response = export(client, EDITORS, export_format)

    header, *rows = csv_rows(response) if export_format == "csv" else xlsx_rows(response)
    assert "Namn" not in header and "E-post" not in header and "Telefon" not in header
    assert len(rows) == 2
    content = (
        response.content.decode("utf-8", errors="ignore") if export_format == "csv" else str(rows)
    )
    for value in PERSONAL.values():
        assert value not in content


def test_csv_cells_cannot_start_a_formula(client, tree):
    make.proposal(tree["påryd"], title='=HYPERLINK("http://evil.example","Klicka")')
    make.proposal(tree["påryd"], title="@SUM(1+1)", location="-2+3")

    response = export(client, CASE_OFFICERS, "csv", q="evil")
    at_sign = export(client, EDITORS, "csv", q="SUM")

    assert csv_rows(response)[1][3] == '\'=HYPERLINK("http://evil.example","Klicka")'
    assert csv_rows(at_sign)[1][3] == "'@SUM(1+1)"


def test_xlsx_cells_are_text_as_written_never_formulas(client, tree):
    """XLSX cells are typed, so no quote is needed, and one would show in the sheet."""
    titles = ['=HYPERLINK("http://evil.example","Klicka")', "@SUM(1+1)", "-2+3", "#N/A"]
    for title in titles:
        make.proposal(tree["påryd"], title=title, phone="+46 (70) 123-45 67")

    response = export(client, CASE_OFFICERS, "xlsx", village=tree["påryd"].get_parent().pk)

    sheet = load_workbook(io.BytesIO(response.content)).active
    header, *rows = xlsx_rows(response)
    assert sorted(row[3] for row in rows) == sorted([*titles, "Fler bänkar vid ån"])
    assert {row[header.index("Telefon")] for row in rows} == {"+46 (70) 123-45 67", None}
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert {cell.data_type for cell in cells if isinstance(cell.value, str)} == {"s"}


def test_the_index_offers_both_exports_of_the_current_filter(client, tree):
    login(client, EDITORS)

    html = client.get(url("index"), {"status__exact": "planned"}).content.decode()

    assert "export=csv" in html and "export=xlsx" in html
    assert "status__exact=planned&amp;export=csv" in html
