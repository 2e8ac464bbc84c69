"""Importing the walk's notes from a spreadsheet: upload, preview, confirm, all or nothing."""

import io
from datetime import datetime, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from rounds.models import Proposal
from rounds.models.proposals import Source
from rounds.workbench import imports
from tests.support import proposals as make
from tests.support.admin import EDITORS, login, villages
from tests.support.html import soup, text

IMPORT = "/admin/forslag/importera/"
WALK_DAY = timezone.localdate() - timedelta(days=5)


@pytest.fixture
def tree(home):
    villages_ = villages()
    make.theme("Trafik och vägar")
    make.theme("Grönområden")
    return villages_


def csv_file(text_, encoding="utf-8-sig", name="vandring.csv"):
    return SimpleUploadedFile(name, text_.encode(encoding), content_type="text/csv")


def xlsx_file(rows, name="vandring.xlsx"):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return SimpleUploadedFile(name, output.getvalue())


def upload(client, dialogue, file, **shared):
    data = {"dialogue": dialogue.pk, "source": Source.WALK, "date": WALK_DAY.isoformat()}
    return client.post(IMPORT, {**data, **shared, "file": file})


def preview_of(client, response):
    assert response.status_code == 302, text(response)
    return client.get(response["Location"])


def preview_rows(preview):
    """The preview's table as lists of cell texts."""
    rows = soup(preview).select("tbody tr")
    return [[cell.get_text(" ", strip=True) for cell in row.select("th, td")] for row in rows]


def confirm(client, preview):
    stored = soup(preview).select_one("input[name=import]")["value"]
    return client.post(IMPORT, {"import": stored, "confirm": "1"})


SEMICOLON_CSV = (
    "Rubrik;Beskrivning;Tema;Plats\r\n"
    "Trasig gatlampa;Lampan vid skolan lyser inte.;trafik och vägar;Skolvägen\r\n"
    ";;;\r\n"
    "Fler bänkar vid ån;Äldre behöver vila.;GRÖNOMRÅDEN;Ån\r\n"
)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "cp1252"])
def test_a_semicolon_csv_is_previewed_then_saved(client, officer, tree, encoding):
    preview = preview_of(client, upload(client, tree["läckeby"], csv_file(SEMICOLON_CSV, encoding)))

    day = WALK_DAY.isoformat()
    assert preview_rows(preview) == [
        ["2", "Trasig gatlampa", "Lampan vid skolan lyser inte.", "Trafik och vägar",
         "Skolvägen", day, "Inga"],
        ["4", "Fler bänkar vid ån", "Äldre behöver vila.", "Grönområden", "Ån", day, "Inga"],
    ]  # fmt: skip
    assert "Läckeby" in text(preview) and "Förbättringsvandringen" in text(preview)
    assert Proposal.objects.count() == 0  # nothing is saved before the confirm

    saved = client.get(confirm(client, preview)["Location"])

    proposals = list(Proposal.objects.order_by("reference"))
    assert [p.title for p in proposals] == ["Trasig gatlampa", "Fler bänkar vid ån"]
    assert [p.theme.name for p in proposals] == ["Trafik och vägar", "Grönområden"]
    assert {p.source for p in proposals} == {Source.WALK}
    assert {timezone.localdate(p.submitted_at) for p in proposals} == {WALK_DAY}
    assert f"2 förslag är registrerade: {proposals[0].reference}, {proposals[1].reference}." in (
        text(saved)
    )
    assert imports.SESSION_KEY not in client.session


def test_a_comma_csv_without_bom_is_read(client, officer, tree):
    file = csv_file('rubrik,plats\n"Skräp, mycket",Badplatsen\n', encoding="utf-8")

    preview = preview_of(client, upload(client, tree["påryd"], file))
    confirm(client, preview)

    proposal = Proposal.objects.get()
    assert (proposal.title, proposal.location) == ("Skräp, mycket", "Badplatsen")
    assert proposal.body == "Skräp, mycket"


def test_an_xlsx_with_dates_per_row(client, officer, tree):
    earlier = WALK_DAY - timedelta(days=2)
    as_cell = datetime.combine(earlier, datetime.min.time())  # Excel's date cells are datetimes
    file = xlsx_file(
        [
            ["rubrik", "beskrivning", "tema", "plats", "datum"],
            ["Trasig gatlampa", "Lyser inte.", "Trafik och vägar", "Skolvägen", as_cell],
            ["Fler bänkar", None, None, "Ån", None],
            [None, None, None, None, None],
            ["Ny cykelväg", "Till skolan.", None, None, earlier.isoformat()],
        ]
    )

    preview = preview_of(client, upload(client, tree["läckeby"], file))
    assert "Spara alla 3 förslag" in text(preview)
    confirm(client, preview)

    days = {p.title: timezone.localdate(p.submitted_at) for p in Proposal.objects.all()}
    assert days == {"Trasig gatlampa": earlier, "Fler bänkar": WALK_DAY, "Ny cykelväg": earlier}


def test_bad_rows_are_reported_by_line_and_nothing_can_be_saved(client, officer, tree):
    file = csv_file(
        "rubrik;beskrivning;tema;plats\n"
        "Trasig gatlampa;;Trafik och vägar;\n"
        ";;;\n"
        "Parkering vid kyrkan;Fler platser.;Parkering;Kyrkan\n"
        "Bänk;;;\n"
        ";;;\n"
        ";Ingen rubrik här.;;\n"
    )

    preview = preview_of(client, upload(client, tree["läckeby"], file))

    summary = [li.get_text(" ", strip=True) for li in soup(preview).select("#batch-errors li")]
    assert summary == [
        "Rad 4: Tema ”Parkering” finns inte. Välj ett av: Grönområden, Trafik och vägar.",
        "Rad 7: Rubriken saknas.",
    ]
    assert "Spara alla" not in text(preview)
    assert not soup(preview).select("button[name=confirm]")

    stored = soup(preview).select_one("input[name=import]")["value"]
    refused = client.post(IMPORT, {"import": stored, "confirm": "1"})
    assert refused.status_code == 200 and Proposal.objects.count() == 0
    assert "Rad 7: Rubriken saknas." in text(refused)


def test_a_theme_removed_before_the_confirm_saves_nothing(client, officer, tree):
    file = csv_file("rubrik;tema\nLampa;Grönområden\nBänk;Trafik och vägar\n")
    preview = preview_of(client, upload(client, tree["läckeby"], file))
    make.theme("Grönområden").delete()

    response = confirm(client, preview)

    assert response.status_code == 200 and Proposal.objects.count() == 0
    assert "Rad 2: Tema ”Grönområden” finns inte." in text(response)


def test_too_many_rows_are_refused(client, officer, tree, settings):
    lines = "".join(f"Förslag {n}\n" for n in range(imports.MAX_ROWS + 1))

    response = upload(client, tree["läckeby"], csv_file("rubrik\n" + lines))

    assert response.status_code == 200
    assert "Filen har fler än 500 förslag. Dela upp den i flera filer." in text(response)
    assert imports.SESSION_KEY not in client.session


def test_a_file_too_large_is_refused(client, officer, tree, monkeypatch):
    monkeypatch.setattr(imports, "MAX_BYTES", 100)

    response = upload(client, tree["läckeby"], csv_file("rubrik\n" + "Lampa\n" * 50))

    assert response.status_code == 200
    assert "Filen är för stor. Den får vara högst 100 byte." in text(response)


WRONG_TYPE = "Välj en fil i formatet CSV eller XLSX"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("anteckningar.pdf", b"%PDF-1.4\n", WRONG_TYPE),
        ("bild.csv", b"\x89PNG\r\n\x1a\n\x00\x00", WRONG_TYPE),
        ("trasig.xlsx", b"PK\x03\x04 inte en zip", "Filen går inte att öppna som XLSX"),
        ("gammal.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Excels gamla format (.xls)"),
        ("fel.csv", b"titel;text\nLampa;Trasig\n", "Första raden ska ha kolumnernas namn"),
        ("tom.csv", b"rubrik;plats\n;;\n", "Filen har inga förslag under rubrikraden."),
    ],
)
def test_a_wrong_file_gets_a_clear_message(client, officer, tree, name, content, message):
    response = upload(client, tree["läckeby"], SimpleUploadedFile(name, content))

    assert response.status_code == 200
    assert message in text(response)
    assert soup(response).select_one("#batch-errors a")["href"] == "#id_file"


def test_the_template_files_have_the_header_row(client, officer, tree):
    csv_response = client.get(IMPORT, {"mall": "csv"})
    xlsx_response = client.get(IMPORT, {"mall": "xlsx"})

    assert csv_response.content.decode("utf-8") == "\ufeffrubrik;beskrivning;tema;plats;datum\r\n"
    assert "attachment" in csv_response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(xlsx_response.content)).active
    assert [cell.value for cell in sheet[1]] == ["rubrik", "beskrivning", "tema", "plats", "datum"]
    links = [a["href"] for a in soup(client.get(IMPORT)).select("a[download]")]
    assert links == ["?mall=xlsx", "?mall=csv"]


def test_a_forgotten_preview_asks_for_the_file_again(client, officer, tree):
    response = client.get(IMPORT, {"forhandsgranska": "finns-inte"})
    refused = client.post(IMPORT, {"import": "finns-inte", "confirm": "1"})

    assert "Förhandsgranskningen finns inte längre. Ladda upp filen igen." in text(response)
    assert "Förhandsgranskningen finns inte längre." in text(refused)
    assert Proposal.objects.count() == 0


@pytest.mark.parametrize("group", [EDITORS, None])
def test_without_the_right_to_register_the_import_is_refused(client, tree, group):
    login(client, group)

    assert client.get(IMPORT).status_code == 403
    assert upload(client, tree["läckeby"], csv_file("rubrik\nLampa\n")).status_code == 403
    assert Proposal.objects.count() == 0


def test_the_preview_costs_the_same_queries_for_2_or_40_rows(client, officer, tree):
    def preview_queries(number):
        lines = "".join(f"Förslag {n};Trafik och vägar\n" for n in range(number))
        location = upload(client, tree["läckeby"], csv_file("rubrik;tema\n" + lines))["Location"]
        with CaptureQueriesContext(connection) as queries:
            assert "Spara alla" in text(client.get(location))
        return len(queries)

    assert preview_queries(2) == preview_queries(40)


def test_a_dialogue_closed_after_the_upload_saves_nothing(client, officer, tree):
    preview = preview_of(client, upload(client, tree["läckeby"], csv_file("rubrik\nLampa\n")))
    dialogue = tree["läckeby"]
    dialogue.unpublish()

    response = confirm(client, preview)

    assert response.status_code == 200 and Proposal.objects.count() == 0
    assert "Dialog: " in soup(response).select_one("#batch-errors li").get_text()
    assert not soup(response).select("button[name=confirm]")


def test_the_import_page_names_its_size_limit_as_a_round_number(client, officer, tree):
    page = text(client.get(IMPORT))

    assert "Högst 500 förslag och 2 MB per fil." in page
    assert "2,0 MB" not in page
