"""Reading an uploaded template into rows of text: a CSV (UTF-8, with or without BOM) or an .xlsx,
told apart by content, never by the file's name."""

import csv
import datetime
import io
import zipfile
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from bangla.forms import shown_digits

MAX_BYTES = 2 * 1024 * 1024  # a plan's template is a few kilobytes; 2 MB is far beyond any
MAX_UNPACKED_BYTES = 50 * 1024 * 1024  # an .xlsx is a zip: refuse one that would unpack into more
MAX_ROWS = 1000  # no plan has this many indicators


def read_rows(data: bytes) -> list[list[str]]:
    """The file's rows, each a list of cell texts ("" for an empty cell), the header row first."""
    if len(data) > MAX_BYTES:
        raise ValidationError(
            _("The file is too large (%(size)s KB): a template may be at most %(limit)s KB.")
            % {"size": shown_digits(len(data) // 1024), "limit": shown_digits(MAX_BYTES // 1024)}
        )
    if not data.strip():
        raise ValidationError(_("The file is empty."))
    rows = _xlsx_rows(data) if is_xlsx(data) else _csv_rows(data)
    if len(rows) > MAX_ROWS:
        raise ValidationError(
            _("The file has %(count)s rows; a template may have at most %(limit)s.")
            % {"count": shown_digits(len(rows)), "limit": shown_digits(MAX_ROWS)}
        )
    return rows


def is_xlsx(data: bytes) -> bool:
    """An .xlsx is a zip holding xl/workbook.xml."""
    if not data.startswith(b"PK"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


def _not_a_template() -> ValidationError:
    return ValidationError(
        _(
            "This file is neither a CSV file (UTF-8) nor an Excel workbook (.xlsx). Save the template as one of them."
        )
    )


# Files that are surely not a template whatever their name: PDF, old Office (.xls, .doc), Windows and
# Linux executables, images.
_OTHER_KINDS = (b"%PDF", b"\xd0\xcf\x11\xe0", b"MZ", b"\x7fELF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK")


def _csv_rows(data: bytes) -> list[list[str]]:
    if data.startswith(_OTHER_KINDS) or b"\x00" in data:
        raise _not_a_template()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _not_a_template() from None
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
        return [[cell.strip() for cell in row] for row in reader]
    except csv.Error:
        raise _not_a_template() from None


def _delimiter(text: str) -> str:
    """Commas as a rule; a semicolon or a tab when the heading row has those and no comma (Excel saves
    CSV with semicolons where the decimal mark is a comma)."""
    heading = text.split("\n", 1)[0]
    return max((",", ";", "\t"), key=heading.count) if heading.count(",") == 0 else ","


def _xlsx_rows(data: bytes) -> list[list[str]]:
    import openpyxl  # only when an .xlsx arrives

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if sum(member.file_size for member in archive.infolist()) > MAX_UNPACKED_BYTES:
            raise ValidationError(_("The workbook unpacks into too much data to be a template."))
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception:  # openpyxl raises many kinds for a broken workbook
        raise _not_a_template() from None
    sheet = workbook.worksheets[0]
    merged = [str(cells) for cells in sheet.merged_cells.ranges]
    if merged:
        raise ValidationError(
            _(
                "The sheet has merged cells (%(cells)s). Unmerge them and write the value in every row, "
                "as the template has one indicator per row."
            )
            % {"cells": ", ".join(merged[:10])}
        )
    if sheet.max_row > MAX_ROWS:
        raise ValidationError(
            _("The file has %(count)s rows; a template may have at most %(limit)s.")
            % {"count": shown_digits(sheet.max_row), "limit": shown_digits(MAX_ROWS)}
        )
    rows = [[_cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    workbook.close()
    return rows


def _cell_text(value) -> str:
    """A cell as the CSV would have it: dates day-month-year, numbers without a trailing ".0"."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, float):
        number = Decimal(repr(value))
        return format(
            number.quantize(Decimal(1)) if number == number.to_integral() else number.normalize(), "f"
        )
    return str(value).strip()
