"""The filtered proposal list as CSV or XLSX for the working group's meetings.

Personal data columns are added only for users who may see personal data. A spreadsheet reads a
CSV field that starts with = + - @ as a formula, so such a field gets a quote in front (CSV
injection). XLSX cells carry their type: every text is written as a string, never a formula,
and shown exactly as the resident wrote it (`+46 70...` without a stray quote).
"""

import csv
from io import BytesIO, StringIO

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from .queries import with_latest_message

CSV, XLSX = "csv", "xlsx"
FORMATS = (CSV, XLSX)
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def columns(can_view_personal_data):
    """(key, heading) of each exported column."""
    result = [
        ("reference", _("Referens")),
        ("village", _("Ort")),
        ("dialogue", _("Dialog")),
        ("title", _("Rubrik (publik)")),
        ("theme", _("Tema")),
        ("status", _("Status")),
        ("responsible", _("Ansvarig")),
        ("last_update", _("Senast uppdaterat")),
        ("latest_message", _("Senaste svar till invånaren")),
    ]
    if can_view_personal_data:
        result += [("name", _("Namn")), ("email", _("E-post")), ("phone", _("Telefon"))]
    return result


def cell_values(proposal):
    """Every exportable value of one proposal, keyed like `columns`."""
    return {
        "reference": proposal.reference,
        "village": proposal.village_title or "",
        "dialogue": proposal.dialogue.title,
        "title": proposal.public_title,
        "theme": proposal.theme.name if proposal.theme else "",
        "status": proposal.get_status_display(),
        "responsible": proposal.responsible.name if proposal.responsible else "",
        "last_update": timezone.localdate(proposal.status_changed_at),
        "latest_message": proposal.latest_message or "",
        "name": proposal.name,
        "email": proposal.email,
        "phone": proposal.phone,
    }


def neutralise(value):
    """A text that cannot start a formula: a leading = + - @ gets a quote in front."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def csv_field(value):
    """Dates as ISO text, and text that cannot start a formula."""
    return value.isoformat() if hasattr(value, "isoformat") else neutralise(value)


def rows(proposals, keys):
    for proposal in with_latest_message(proposals):
        values = cell_values(proposal)
        yield [values[key] for key in keys]


def filename(extension, today=None):
    return f"forslag-{(today or timezone.localdate()).isoformat()}.{extension}"


def export_response(proposals, export_format, can_view_personal_data=False):
    """An attachment with `proposals` in `export_format` ("csv" or "xlsx")."""
    keys, headings = zip(*columns(can_view_personal_data), strict=True)
    if export_format == XLSX:
        content, content_type = _xlsx(headings, rows(proposals, keys)), XLSX_TYPE
    else:
        content, content_type = _csv(headings, rows(proposals, keys)), "text/csv; charset=utf-8"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename(export_format)}"'
    return response


def _csv(headings, data):
    """Semicolon-separated with a byte order mark, as Excel with Swedish settings expects."""
    output = StringIO()
    writer = csv.writer(output, delimiter=";")
    writer.writerow(headings)
    for row in data:
        writer.writerow([csv_field(value) for value in row])
    return "\ufeff" + output.getvalue()


def _xlsx(headings, data):
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_("Förslag"))
    sheet.append(headings)
    for row in data:
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value)
            if isinstance(value, str):  # openpyxl guesses a formula for "=…", an error for "#N/A"
                cell.data_type = "s"
            if hasattr(value, "isoformat"):
                cell.number_format = "yyyy-mm-dd"
            cells.append(cell)
        sheet.append(cells)
    output = BytesIO()
    workbook.save(output)
    return output.getvalue()
