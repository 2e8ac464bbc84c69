"""Export of the filtered proposal list to CSV and XLSX."""

import csv
import io
from datetime import date
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from rounds.models import ProposalUpdate
from rounds.models.proposals import Source, Status, Visibility
from tests.support import pages as factories
from tests.support import proposals as make
from tests.support.admin import CASE_OFFICERS, EDITORS, login, url, villages
from tests.support.queries import count_queries

PERSONAL = {
    "name": "Exportnamn Testsson",
    "email": "export-5521@example.org",
    "phone": "0480-552155",
}
LETTER = {"postal_address": "Exportgatan 7\n123 45 Läckeby", "reply_by_letter": True}
EXPORTED_ADDRESS = "Exportgatan 7, 123 45 Läckeby"


@pytest.fixture
def tree(home):
    tree = villages()
    lamp = make.proposal(
        tree["läckeby"],
        title="Gatlampor vid busshållplatsen",
        theme=make.theme("Trafik"),
        **PERSONAL,
        **LETTER,
    )
    make.answer(
        lamp,
        Status.PLANNED,
        public_message="Belysningen byts 2027.",
        responsible=make.department("Samhällsbyggnad"),
        planned_date_unknown_reason="Dagen bestäms när upphandlingen är klar.",
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
    assert header == [
        "Referens",
        "Ort",
        "Dialog",
        "Källa",
        "Inkommet",
        "Synlighet",
        "Status",
        "Ansvarig",
        "Senast uppdaterat",
        "Planerat datum",
        "Varför datum saknas",
        "Diarienummer",
        "Senaste svar till invånaren",
        "Rubrik (publik)",
        "Beskrivning (publik)",
        "Rubrik (original)",
        "Beskrivning (original)",
        "Plats",
        "Tema",
        "Länk till förslaget",
        "Namn",
        "E-post",
        "Telefon",
        "Postadress",
        "Svar per brev",
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
    # The address on one line, so the row keeps its height in a sheet.
    assert (row["Postadress"], row["Svar per brev"]) == (EXPORTED_ADDRESS, "ja")


def test_xlsx_has_the_same_rows(client, tree):
    response = export(client, CASE_OFFICERS, "xlsx", status__exact=Status.RECEIVED)

    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"].endswith(f'-{timezone.localdate().isoformat()}.xlsx"')
    header, *rows = xlsx_rows(response)
    assert header[-5:] == ["Namn", "E-post", "Telefon", "Postadress", "Svar per brev"]
    title = header.index("Rubrik (publik)")
    assert [(row[1], row[title]) for row in rows] == [("Påryd", "Fler bänkar vid ån")]


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_editors_export_without_personal_data(client, tree, export_format):
    response = export(client, EDITORS, export_format)

    header, *rows = csv_rows(response) if export_format == "csv" else xlsx_rows(response)
    assert not {"Namn", "E-post", "Telefon", "Postadress", "Svar per brev"} & set(header)
    assert len(rows) == 2
    content = (
        response.content.decode("utf-8", errors="ignore") if export_format == "csv" else str(rows)
    )
    for value in (*PERSONAL.values(), "Exportgatan 7", "123 45 Läckeby"):
        assert value not in content


def test_csv_cells_cannot_start_a_formula(client, tree):
    make.proposal(tree["påryd"], title='=HYPERLINK("http://evil.example","Klicka")')
    make.proposal(tree["påryd"], title="@SUM(1+1)", location="-2+3")

    response = export(client, CASE_OFFICERS, "csv", q="evil")
    at_sign = export(client, EDITORS, "csv", q="SUM")

    (header, row), (at_header, at_row) = csv_rows(response), csv_rows(at_sign)
    assert row[header.index("Rubrik (publik)")] == '\'=HYPERLINK("http://evil.example","Klicka")'
    assert at_row[at_header.index("Rubrik (publik)")] == "'@SUM(1+1)"


def test_xlsx_cells_are_text_as_written_never_formulas(client, tree):
    """XLSX cells are typed, so no quote is needed, and one would show in the sheet."""
    titles = ['=HYPERLINK("http://evil.example","Klicka")', "@SUM(1+1)", "-2+3", "#N/A"]
    for title in titles:
        make.proposal(tree["påryd"], title=title, phone="+46 (70) 123-45 67")

    response = export(client, CASE_OFFICERS, "xlsx", village=tree["påryd"].get_parent().pk)

    sheet = load_workbook(io.BytesIO(response.content)).active
    header, *rows = xlsx_rows(response)
    title = header.index("Rubrik (publik)")
    assert sorted(row[title] for row in rows) == sorted([*titles, "Fler bänkar vid ån"])
    assert {row[header.index("Telefon")] for row in rows} == {"+46 (70) 123-45 67", None}
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert {cell.data_type for cell in cells if isinstance(cell.value, str)} == {"s"}


def test_the_index_offers_both_exports_of_the_current_filter(client, tree):
    login(client, EDITORS)

    html = client.get(url("index"), {"status__exact": "planned"}).content.decode()

    assert "export=csv" in html and "export=xlsx" in html
    assert "status__exact=planned&amp;export=csv" in html


ORIGINAL = {"title": "Bänk utanför Karin Svenssons hus", "body": "Karin på Åvägen 3 vill sitta."}
ORIGINAL_HEADINGS = ["Rubrik (original)", "Beskrivning (original)"]
PERSONAL_HEADINGS = ["Namn", "E-post", "Telefon", "Postadress", "Svar per brev"]


def redacted(dialogue, **fields):
    """A proposal published with its public text redacted from the resident's original."""
    item = make.proposal(dialogue, visibility=Visibility.PENDING, **ORIGINAL, **fields)
    make.services.publish(item, public_title="Bänk vid ån", public_body="En bänk vid Åstranden.")
    return item


def by_reference(header, rows):
    return {row[0]: dict(zip(header, row, strict=True)) for row in rows}


def test_csv_has_what_the_working_group_follows_up(client, tree):
    """Planned date, diarienummer and answer stay from the update that gave them."""
    bench = redacted(tree["påryd"], source=Source.WALK, location="Åstranden")
    make.answer(
        bench,
        Status.PLANNED,
        public_message="Bänken ställs ut i vår.",
        responsible=make.department(),
        planned_date=date(2027, 5, 1),
        decision_reference="KS 2026/118",
    )
    make.answer(bench, Status.DIRECT_ACTION)  # a later step that says none of them

    response = export(client, CASE_OFFICERS, "csv", village=tree["påryd"].get_parent().pk)

    header, *data = csv_rows(response)
    rows = by_reference(header, data)
    row = rows[bench.reference]
    assert {key: row[key] for key in list(row)[3:13]} == {
        "Källa": "Förbättringsvandringen",
        "Inkommet": timezone.localdate(bench.submitted_at).isoformat(),
        "Synlighet": "Publicerat",
        "Status": "Åtgärdas",
        "Ansvarig": "",
        "Senast uppdaterat": timezone.localdate().isoformat(),
        "Planerat datum": "2027-05-01",
        "Varför datum saknas": "",
        "Diarienummer": "KS 2026/118",
        "Senaste svar till invånaren": "Bänken ställs ut i vår.",
    }
    assert (row["Rubrik (publik)"], row["Beskrivning (publik)"]) == (
        "Bänk vid ån",
        "En bänk vid Åstranden.",
    )
    assert [row[heading] for heading in ORIGINAL_HEADINGS] == list(ORIGINAL.values())
    assert row["Plats"] == "Åstranden"
    assert row["Länk till förslaget"] == "http://testserver" + bench.get_public_url()
    assert client.get(urlsplit(row["Länk till förslaget"]).path).status_code == 200
    unanswered = next(row for ref, row in rows.items() if ref != bench.reference)
    assert (unanswered["Planerat datum"], unanswered["Diarienummer"]) == ("", "")


def test_a_planning_without_a_date_exports_why(client, tree):
    school = make.proposal(tree["påryd"], title="Ny skolgård")
    make.answer(
        school,
        Status.PLANNED,
        responsible=make.department(),
        public_message="Skolgården byggs om.",
        planned_date_unknown_reason="Budgeten beslutas i juni.",
    )

    header, *data = csv_rows(export(client, CASE_OFFICERS, "csv"))

    row = by_reference(header, data)[school.reference]
    assert (row["Planerat datum"], row["Varför datum saknas"]) == ("", "Budgeten beslutas i juni.")


def test_xlsx_opens_with_a_frozen_filterable_header_and_real_dates(client, tree):
    bench = redacted(tree["påryd"], location="Åstranden " * 20)
    make.answer(bench, Status.PLANNED, planned_date=date(2027, 5, 1), responsible=make.department())

    response = export(client, CASE_OFFICERS, "xlsx")

    sheet = load_workbook(io.BytesIO(response.content)).active
    header, *rows = xlsx_rows(response)
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{get_column_letter(len(header))}{len(rows) + 1}"
    assert len(rows) == 3
    row = next(n for n, row in enumerate(rows, start=2) if row[0] == bench.reference)
    expected = {
        "Inkommet": timezone.localdate(bench.submitted_at),
        "Senast uppdaterat": timezone.localdate(),
        "Planerat datum": date(2027, 5, 1),
    }
    for heading, day in expected.items():
        cell = sheet.cell(row, header.index(heading) + 1)
        assert cell.is_date and cell.number_format == "yyyy-mm-dd", heading
        assert cell.value.date() == day
    widths = {
        heading: sheet.column_dimensions[get_column_letter(n)].width
        for n, heading in enumerate(header, start=1)
    }
    assert all(min(len(heading), 50) <= widths[heading] <= 50 for heading in header), widths
    assert widths["Plats"] == 50  # long text is cut off at a screen's width, not a mile wide
    assert widths["Referens"] >= len(bench.reference)


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_only_case_officers_export_the_original_text(client, tree, export_format):
    """The original may name someone the public text was redacted not to name."""
    redacted(tree["påryd"])
    read = csv_rows if export_format == "csv" else xlsx_rows

    for group, shown in [(EDITORS, False), (CASE_OFFICERS, True)]:
        client.logout()
        header, *rows = read(export(client, group, export_format))
        values = {value for row in rows for value in row}
        for heading in (*ORIGINAL_HEADINGS, *PERSONAL_HEADINGS):
            assert (heading in header) is shown, (group, heading)
        for value in (*ORIGINAL.values(), *PERSONAL.values(), EXPORTED_ADDRESS):
            assert (value in values) is shown, (group, value)
        assert "Bänk vid ån" in values


def test_only_a_proposal_the_public_sees_has_a_link(client, tree):
    pending = make.proposal(tree["påryd"], visibility=Visibility.PENDING)
    hidden = make.proposal(tree["påryd"], visibility=Visibility.HIDDEN)
    closed = factories.dialogue(factories.place("Tvärskog"), tree["round"], title="Avslutad")
    unpublished = make.proposal(closed)
    closed.unpublish()
    public = make.proposal(tree["påryd"], title="Lekplats vid skolan")

    header, *rows = csv_rows(export(client, EDITORS, "csv"))

    links = {ref: row["Länk till förslaget"] for ref, row in by_reference(header, rows).items()}
    assert links[public.reference] == "http://testserver" + public.get_public_url()
    for item in (pending, hidden, unpublished):
        assert links[item.reference] == "", item.get_visibility_display()


def test_formula_looking_public_text_is_neutralised_in_csv_and_a_string_in_xlsx(client, tree):
    formula = '=HYPERLINK("http://evil.example","Klicka")'
    item = make.proposal(tree["påryd"], title="Klicka här", body=formula, location="@SUM(A1)")

    csv_header, *csv_data = csv_rows(export(client, CASE_OFFICERS, "csv"))
    response = client.get(url("index"), {"export": "xlsx"})

    row = by_reference(csv_header, csv_data)[item.reference]
    assert row["Beskrivning (publik)"] == row["Beskrivning (original)"] == "'" + formula
    assert row["Plats"] == "'@SUM(A1)"
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [cell.value for cell in sheet[1]]
    line = next(line for line in sheet.iter_rows(min_row=2) if line[0].value == item.reference)
    for heading, value in [("Beskrivning (publik)", formula), ("Plats", "@SUM(A1)")]:
        cell = line[header.index(heading)]
        assert (cell.value, cell.data_type) == (value, "s")


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_export_uses_the_same_number_of_queries_for_few_and_many(client, home, export_format):
    tree = villages()
    themes = [make.theme(f"Tema {n}") for n in range(3)]
    departments = [make.department(f"Förvaltning {n}") for n in range(3)]
    login(client, CASE_OFFICERS)
    address = f"{url('index')}?export={export_format}"

    def queries(dialogue, number):
        make.bulk_public(dialogue, number, themes, departments)
        ProposalUpdate.objects.update(
            planned_date=date(2027, 5, 1), decision_reference="KS 1", public_message="Svar."
        )
        return len(count_queries(client, address))

    few = queries(tree["läckeby"], 3)
    assert queries(tree["påryd"], 27) == few
