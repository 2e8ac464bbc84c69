"""The filtered proposal list as CSV or XLSX, for the working group to work from in meetings.

The original text and the personal data columns are added only for users who may see personal
data: the original may hold personal details that the public text redacted. A spreadsheet reads
a CSV field that starts with = + - @ as a formula, so such a field gets a quote in front (CSV
injection). XLSX cells carry their type: every text is written as a string, never a formula,
and shown exactly as the resident wrote it (`+46 70...` without a stray quote); dates are date
cells, so the sheet can sort and filter them.
"""

import csv
from io import BytesIO, StringIO

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.web.links import absolute_url

from .queries import with_latest_answers

CSV, XLSX = "csv", "xlsx"
FORMATS = (CSV, XLSX)
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "yyyy-mm-dd"
# Column widths in characters: wide enough for a heading or a date, narrow enough for a screen.
MIN_WIDTH, MAX_WIDTH = 10, 50


def columns(can_view_personal_data):
    """(key, heading) of each exported column."""
    original = [
        ("original_title", _("Rubrik (original)")),
        ("original_body", _("Beskrivning (original)")),
    ]
    personal = [
        ("name", _("Namn")),
        ("email", _("E-post")),
        ("phone", _("Telefon")),
        ("postal_address", _("Postadress")),
        ("reply_by_letter", _("Svar per brev")),
    ]
    return [
        ("reference", _("Referens")),
        ("village", _("Ort")),
        ("dialogue", _("Dialog")),
        ("source", _("Källa")),
        ("submitted", _("Inkommet")),
        ("visibility", _("Synlighet")),
        ("status", _("Status")),
        ("responsible", _("Ansvarig")),
        ("last_update", _("Senast uppdaterat")),
        ("planned_date", _("Planerat datum")),
        ("date_reason", _("Varför datum saknas")),
        ("decision_reference", _("Diarienummer")),
        ("latest_message", _("Senaste svar till invånaren")),
        ("public_title", _("Rubrik (publik)")),
        ("public_body", _("Beskrivning (publik)")),
        *(original if can_view_personal_data else []),
        ("location", _("Plats")),
        ("theme", _("Tema")),
        ("public_url", _("Länk till förslaget")),
        *(personal if can_view_personal_data else []),
    ]


def public_link(proposal, request=None):
    """The full address of the proposal's public page, or "" when the public cannot see it."""
    if not proposal.is_listed:
        return ""
    dialogue_url = proposal.dialogue.get_url(request)
    if dialogue_url is None:  # a dialogue outside every site has no address
        return ""
    path = dialogue_url + proposal.dialogue.reverse_subpage(
        "proposal_detail", args=[proposal.reference]
    )
    return absolute_url(path, request)


def cell_values(proposal, request=None):
    """Every exportable value of one proposal (from `with_latest_answers`), keyed like `columns`."""
    return {
        "reference": proposal.reference,
        "village": proposal.village_title or "",
        "dialogue": proposal.dialogue.title,
        "source": proposal.get_source_display(),
        "submitted": timezone.localdate(proposal.submitted_at),
        "visibility": proposal.get_visibility_display(),
        "status": proposal.get_status_display(),
        "responsible": proposal.responsible.name if proposal.responsible else "",
        "last_update": timezone.localdate(proposal.status_changed_at),
        "planned_date": proposal.latest_planned_date,
        "date_reason": proposal.latest_date_reason or "",
        "decision_reference": proposal.latest_decision_reference or "",
        "latest_message": proposal.latest_message or "",
        "public_title": proposal.public_title,
        "public_body": proposal.public_body,
        "original_title": proposal.title,
        "original_body": proposal.body,
        "location": proposal.location,
        "theme": proposal.theme.name if proposal.theme else "",
        "public_url": public_link(proposal, request),
        "name": proposal.name,
        "email": proposal.email,
        "phone": proposal.phone,
        # One line per cell, so a sheet's row keeps its height; "ja" or empty, for filtering.
        "postal_address": ", ".join(proposal.postal_address.splitlines()),
        "reply_by_letter": _("ja") if proposal.reply_by_letter else "",
    }


def neutralise(value):
    """A text that cannot start a formula: a leading = + - @ gets a quote in front."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def csv_field(value):
    """Dates as ISO text, and text that cannot start a formula."""
    return value.isoformat() if hasattr(value, "isoformat") else neutralise(value)


def rows(proposals, keys, request=None):
    for proposal in with_latest_answers(proposals):
        values = cell_values(proposal, request)
        yield [values[key] for key in keys]


def filename(extension, today=None):
    return f"forslag-{(today or timezone.localdate()).isoformat()}.{extension}"


def export_response(proposals, export_format, can_view_personal_data=False, request=None):
    """An attachment with `proposals` in `export_format` ("csv" or "xlsx").

    `request` gives the public links the host the user works on; without one, the base URL.
    """
    keys, headings = zip(*columns(can_view_personal_data), strict=True)
    data = rows(proposals, keys, request)
    if export_format == XLSX:
        content, content_type = _xlsx(headings, data), XLSX_TYPE
    else:
        content, content_type = _csv(headings, data), "text/csv; charset=utf-8"
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


def width(value):
    """How many characters a value needs in its column: its longest line, a date's ten."""
    if value is None:
        return 0
    if hasattr(value, "isoformat"):
        return len(DATE_FORMAT)
    return max(len(line) for line in str(value).splitlines() or [""])


def column_widths(headings, data):
    """Each column as wide as its heading or widest value, within MIN_WIDTH and MAX_WIDTH."""
    return [
        min(max(MIN_WIDTH, *(width(value) + 2 for value in column)), MAX_WIDTH)
        for column in zip(headings, *data, strict=True)
    ]


def _xlsx(headings, data):
    """One sheet with a frozen, filterable header row; the rows are read first for the widths
    (a write-only sheet takes its columns before its first row)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    data = list(data)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_("Förslag"))
    for index, column_width in enumerate(column_widths(headings, data), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column_width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headings))}{len(data) + 1}"

    def cell(value, bold=False):
        result = WriteOnlyCell(sheet, value)
        if isinstance(value, str):  # openpyxl guesses a formula for "=…", an error for "#N/A"
            result.data_type = "s"
        if hasattr(value, "isoformat"):
            result.number_format = DATE_FORMAT
        if bold:
            result.font = Font(bold=True)
        return result

    sheet.append([cell(heading, bold=True) for heading in headings])
    for row in data:
        sheet.append([cell(value) for value in row])
    output = BytesIO()
    workbook.save(output)
    return output.getvalue()
