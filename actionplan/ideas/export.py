"""Writing the innovation bank as a sheet (.xlsx or CSV), full or in the 7 published columns, in the
form the import reads back: Bangla labels and digits, dates day-month-year."""

import csv
import datetime
import io
from decimal import Decimal

from actionplan.ideas import columns
from actionplan.models import Idea
from actionplan.numbering import show_number, show_value
from bangla.fiscal import format_fiscal_year

LAYOUTS = {"full": columns.FULL, "published": columns.PUBLISHED}


def cell(idea: Idea, key: str) -> str:
    """One field of an entry as the sheet writes it."""
    if key in ("kind", "status"):
        return getattr(idea, f"get_{key}_display")()
    if key == "indicator":
        indicator = idea.indicator
        if indicator is None:
            return ""
        number = show_number(indicator.number, indicator.plan.numbers_in_brackets)
        return f"{format_fiscal_year(indicator.plan.fiscal_year)}: {number}"
    value = getattr(idea, key)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "হ্যাঁ" if value else "না"
    if isinstance(value, datetime.date | Decimal | int):
        return show_value(value)  # day-month-year, no trailing zeros, Bangla digits
    return str(value)


def sheet_rows(ideas, layout: str = "full") -> list[list[str]]:
    headings = LAYOUTS[layout]
    return [list(headings.values())] + [[cell(idea, key) for key in headings] for idea in ideas]


FORMULA_STARTS = ("=", "+", "-", "@")  # what a spreadsheet would run as a formula


def as_csv(rows: list[list[str]]) -> bytes:
    """UTF-8 with a BOM, so that Excel shows the Bangla. A cell that a spreadsheet would take for a
    formula is written behind an apostrophe, which the import takes off again."""
    out = io.StringIO()
    safe = [["'" + cell if cell.startswith(FORMULA_STARTS) else cell for cell in row] for row in rows]
    csv.writer(out, lineterminator="\r\n").writerows(safe)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def as_xlsx(rows: list[list[str]], title: str = "উদ্ভাবন ব্যাংক") -> bytes:
    import openpyxl
    from openpyxl.styles import Alignment, Font

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    for row in rows:
        sheet.append(row)
        for written in sheet[sheet.max_row]:
            written.data_type = "s"  # text, never a formula, whatever it starts with
    for heading in sheet[1]:
        heading.font = Font(bold=True)
        heading.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[heading.column_letter].width = 24
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
