"""Importing the walk's notes from a spreadsheet (CSV or XLSX): upload, preview, confirm.

The file is read once, on upload, into plain rows (text only) kept in the session for the
preview and the confirm, and then dropped: the upload itself is never stored, so nothing of it
outlives the request but what the preview shows. The session copy is capped in rows and size;
re-uploading on confirm would keep less, but asks the case officer to find the file twice.
Each row is checked with the grid's row form (`batch_forms.RowForm`), on the preview and again
on the confirm (a theme or the dialogue may have changed in between); any bad row saves none.
"""

import csv
import io
import json
import secrets
import zipfile
from datetime import date, datetime

from django import forms
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from wagtail.admin import messages

from portal.web.sizes import file_size

from .batch import (
    IMPORT_URL_NAME,
    AdminView,
    admin_url,
    choices_query,
    row_error,
    save_rows,
    saved_message,
)
from .batch_forms import DATE_FORMATS, RowForm, SharedChoicesForm, staff_sources

MAX_ROWS = 500
MAX_BYTES = 2 * 1024 * 1024
# Lines read at most, blank ones included, so a sheet of a million empty rows stops early.
MAX_LINES = 5000
# The most text one import keeps in the session (as JSON), whatever the file held.
MAX_SESSION_CHARS = 2_000_000
SESSION_KEY = "rounds.workbench.import"
COLUMNS = {
    "rubrik": "title",
    "beskrivning": "body",
    "tema": "theme",
    "plats": "location",
    "datum": "date",
}
TEMPLATE_HEADER = ["rubrik", "beskrivning", "tema", "plats", "datum"]
XLSX_MAGIC = b"PK\x03\x04"
OLD_EXCEL_MAGIC = b"\xd0\xcf\x11\xe0"
# A preview is kept for one upload per session: a newer upload, or a save, replaces it.
PREVIEW_GONE = gettext_lazy("Förhandsgranskningen finns inte längre. Ladda upp filen igen.")
WRONG_TYPE = gettext_lazy("Välj en fil i formatet CSV eller XLSX (Excel).")


class UnreadableFile(Exception):
    """A file that cannot be imported; its message says why, in words for the case officer."""


def cell_text(value):
    """A cell as the text the row form reads: dates as 2026-05-12, whole numbers without .0."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def xlsx_lines(upload):
    """The first sheet's rows, as lists of cells. openpyxl raises many kinds of error for a
    broken or disguised file; each of them means the same to the case officer."""
    try:
        workbook = load_workbook(upload, read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            for values in sheet.iter_rows(max_col=len(COLUMNS) * 4, values_only=True):
                yield list(values)
        finally:
            workbook.close()
    except (
        zipfile.BadZipFile,
        InvalidFileException,
        KeyError,
        ValueError,
        TypeError,
        OSError,
        IndexError,
    ) as error:
        raise UnreadableFile(
            _("Filen går inte att öppna som XLSX. Spara den på nytt från Excel och försök igen.")
        ) from error


def csv_text(data):
    """The file's text: UTF-8 (with or without BOM), else Windows-1252 as Swedish Excel saves."""
    if b"\x00" in data:
        raise UnreadableFile(WRONG_TYPE)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise UnreadableFile(
            _("Tecknen i filen går inte att läsa. Spara den som CSV UTF-8 och försök igen.")
        ) from error


def csv_lines(data):
    """The rows of a CSV file separated by ; (Swedish Excel) or , (the rest of the world)."""
    text = csv_text(data)
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    try:
        yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    except csv.Error as error:
        raise UnreadableFile(_("Filen går inte att läsa som CSV.")) from error


def table_lines(upload):
    """The file's rows, whichever of the two formats it is (by its content, not its name)."""
    if upload.size > MAX_BYTES:
        raise UnreadableFile(
            _("Filen är för stor. Den får vara högst %(limit)s.") % {"limit": file_size(MAX_BYTES)}
        )
    name = (upload.name or "").lower()
    if not name.endswith((".csv", ".txt", ".xlsx")):
        raise UnreadableFile(WRONG_TYPE)
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(OLD_EXCEL_MAGIC):
        raise UnreadableFile(
            _(
                "Filen är i Excels gamla format (.xls). Spara den som .xlsx eller CSV och "
                "försök igen."
            )
        )
    if head.startswith(XLSX_MAGIC):
        return xlsx_lines(upload)
    return csv_lines(upload.read())


def read_rows(upload):
    """The file's proposals as rows of text, numbered as the spreadsheet numbers its lines.

    The first line names the columns (any case, in any order); unknown columns are ignored,
    blank lines skipped.
    """
    lines = enumerate(table_lines(upload), start=1)
    header = []
    for _number, cells in lines:
        header = [cell_text(cell).lower() for cell in cells]
        if any(header):
            break
    columns = {index: COLUMNS[name] for index, name in enumerate(header) if name in COLUMNS}
    if "title" not in columns.values():
        raise UnreadableFile(
            _(
                "Första raden ska ha kolumnernas namn: rubrik, beskrivning, tema och plats "
                "(och datum om du vill). Ladda ner mallen och jämför."
            )
        )
    rows = []
    for number, cells in lines:
        if number > MAX_LINES:
            raise UnreadableFile(_("Filen har för många rader. Dela upp den i flera filer."))
        row = dict.fromkeys(COLUMNS.values(), "")
        for index, field in columns.items():
            if index < len(cells):
                row[field] = cell_text(cells[index])
        if not any(row.values()):
            continue
        if len(rows) == MAX_ROWS:
            raise UnreadableFile(
                _("Filen har fler än %(max)d förslag. Dela upp den i flera filer.")
                % {"max": MAX_ROWS}
            )
        rows.append({"line": number, **row})
    if not rows:
        raise UnreadableFile(_("Filen har inga förslag under rubrikraden."))
    return rows


class ImportRowForm(RowForm):
    """A spreadsheet row: the grid's row, with the theme by name and an optional date."""

    theme_by_name = True
    date = forms.DateField(label=gettext_lazy("Datum"), required=False, input_formats=DATE_FORMATS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["photo"]
        self.fields["date"].error_messages["invalid"] = _(
            "Datumet går inte att läsa. Skriv det som 2026-05-12."
        )

    @property
    def theme_name(self):
        """The theme as it will be saved, or as the file wrote it when it is not found."""
        theme = getattr(self, "cleaned_data", {}).get("theme")
        return theme.name if theme else self.data.get("theme", "")

    def clean_date(self):
        day = self.cleaned_data["date"]
        if day and day > timezone.localdate():
            raise forms.ValidationError(_("Datumet kan inte vara i framtiden."))
        return day


class UploadForm(SharedChoicesForm):
    """The shared choices and the file; a valid form has the file's rows in `rows`."""

    file = forms.FileField(
        label=gettext_lazy("Kalkylark"),
        help_text=gettext_lazy("CSV eller XLSX, högst %(max)d förslag.") % {"max": MAX_ROWS},
        widget=forms.FileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
    )

    def clean_file(self):
        try:
            self.rows = read_rows(self.cleaned_data["file"])
        except UnreadableFile as error:
            raise forms.ValidationError(str(error)) from error
        return None


def checked_rows(rows, themes):
    """A bound `ImportRowForm` for each stored row, checked, and the errors as "Rad 4: …"."""
    checked, errors = [], []
    for row in rows:
        form = ImportRowForm(row, themes=themes, row=row["line"])
        form.is_valid()
        checked.append(form)
        errors += [
            (row_error(row["line"], message), f"rad-{row['line']}")
            for field_errors in form.errors.values()
            for message in field_errors
        ]
    return checked, errors


def choices_summary(shared):
    """What all rows share, as (label, value) for the preview; "–" for a choice no longer valid."""
    data = shared.cleaned_data
    dialogue = data.get("dialogue")
    summary = [
        (_("Dialog"), shared.fields["dialogue"].label_from_instance(dialogue) if dialogue else "–"),
        (_("Källa"), dict(staff_sources()).get(data.get("source"), "–")),
        (_("Datum"), data["date"].isoformat() if data.get("date") else "–"),
    ]
    if data.get("publish_now"):
        summary.append((_("Publiceras"), _("direkt, utan moderering")))
    return summary


def template_file(kind):
    """The empty template: the header row, as CSV (with ; and BOM, for Excel) or XLSX."""
    if kind == "xlsx":
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = _("Förslag")
        sheet.append(TEMPLATE_HEADER)
        output = io.BytesIO()
        workbook.save(output)
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        response = HttpResponse(output.getvalue(), content_type=content_type)
    else:
        response = HttpResponse(
            "\ufeff" + ";".join(TEMPLATE_HEADER) + "\r\n", content_type="text/csv; charset=utf-8"
        )
    response["Content-Disposition"] = f'attachment; filename="forslag-mall.{kind}"'
    return response


class ImportView(AdminView):
    """Upload a spreadsheet, see every row as it will be saved, then save all of them."""

    template_name = "rounds/workbench/import.html"
    page_title = gettext_lazy("Importera förslag")

    def get(self, request):
        kind = request.GET.get("mall")
        if kind in ("csv", "xlsx"):
            return template_file(kind)
        stored = request.session.get(SESSION_KEY)
        wanted = request.GET.get("forhandsgranska")
        if wanted and stored and stored["id"] == wanted:
            return self.preview(stored)
        return self.upload_page(self.upload_form(), notice=PREVIEW_GONE if wanted else "")

    def post(self, request):
        if "confirm" in request.POST:
            return self.confirm(request)
        form = self.upload_form(request.POST, request.FILES)
        if not form.is_valid():
            errors = [(e, f"id_{name}") for name, errs in form.errors.items() for e in errs]
            return self.upload_page(form, errors=errors)
        stored = {
            "id": secrets.token_urlsafe(12),
            "choices": {key: value for key, value in request.POST.items() if key in form.fields},
            "rows": form.rows,
        }
        if len(json.dumps(stored)) > MAX_SESSION_CHARS:
            form.add_error("file", _("Filen har för mycket text. Dela upp den i flera filer."))
            return self.upload_page(form, errors=[(form.errors["file"][0], "id_file")])
        request.session[SESSION_KEY] = stored
        return redirect(f"{reverse(IMPORT_URL_NAME)}?forhandsgranska={stored['id']}")

    def upload_form(self, data=None, files=None):
        if data is not None:
            return UploadForm(data, files, can_publish=self.can_publish)
        shared = self.shared_form()
        return UploadForm(initial=shared.initial, can_publish=self.can_publish)

    def upload_page(self, form, errors=(), notice=""):
        return self.render(
            form=form,
            errors=errors,
            errors_heading=_("Filen gick inte att importera.") if errors else "",
            notice=notice,
            max_rows=MAX_ROWS,
            max_size=file_size(MAX_BYTES),
        )

    def checked(self, stored):
        """The stored choices and rows, checked again as they are now."""
        shared = SharedChoicesForm(stored["choices"], can_publish=self.can_publish)
        rows, errors = checked_rows(stored["rows"], self.themes)
        shared_errors = [
            (f"{shared.fields[name].label}: {error}", "")
            for name, field_errors in shared.errors.items()
            for error in field_errors
        ]
        errors = [*shared_errors, *errors]
        return shared, rows, errors

    def preview(self, stored):
        shared, rows, errors = self.checked(stored)
        return self.render(
            template_name="rounds/workbench/import_preview.html",
            summary=choices_summary(shared),
            stored_id=stored["id"],
            shared=shared,
            rows=rows,
            errors=errors,
            errors_heading=_("Inget kan sparas förrän felen i filen är rättade.") if errors else "",
        )

    def confirm(self, request):
        stored = request.session.get(SESSION_KEY)
        if not stored or stored["id"] != request.POST.get("import"):
            return self.upload_page(self.upload_form(), notice=PREVIEW_GONE)
        shared, rows, errors = self.checked(stored)
        if errors:
            return self.preview(stored)
        data = shared.cleaned_data
        saved = save_rows(
            rows,
            dialogue=data["dialogue"],
            source=data["source"],
            day=data["date"],
            user=request.user,
            publish=data.get("publish_now", False),
        )
        del request.session[SESSION_KEY]
        messages.success(request, saved_message(saved))
        return redirect(f"{reverse(IMPORT_URL_NAME)}?{choices_query(shared)}")


def admin_urls(model_admin):
    """The import's URL, for `ProposalAdmin.get_admin_urls_for_registration`."""
    return [admin_url(model_admin, "importera", IMPORT_URL_NAME, ImportView)]
