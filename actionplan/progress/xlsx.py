"""The progress sheet as an Excel workbook (.xlsx), laid out as the offices' own sheets: three title
rows (office, plan and fiscal year, quarter), a two-row heading with the column numbers under it,
the area's and the activity's cells merged over their rows, a total row, then the notes.

Every value is text in Bangla digits, as the printed sheets and the plan's template write them, and
as the official copies them into the Cabinet Division's forms: Excel cannot show a number in
Bangla digits everywhere (its digit substitution follows the reader's Windows settings, LibreOffice
ignores it), and a sheet that shows ৫ on one desk and 5 on another is not the office's sheet. The
totals are the portal's, written in. Text is written as text, never as a formula.

Printing: A4 landscape, one page wide, the heading repeated on each page, the header frozen on screen.
"""

import io
import math

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins

from actionplan.progress.sheet import MERGED, ProgressSheet, quarter_label
from bangla.digits import to_bangla_digits

FONT = "Nikosh"  # the Bangla font the government's offices have; others fall back to their own
TITLE_ROWS = 3
HEAD_FIRST = TITLE_ROWS + 2  # a blank row, then the two heading rows and the column numbers
FIRST_ROW = HEAD_FIRST + 3
LINE_POINTS = 16  # a line of Nikosh (or its stand-in) at 11pt
CHARS_PER_WIDTH = 1.1  # Bangla code points per unit of column width, on average
_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", fgColor="E7EEF7")
_CENTRED = Alignment(horizontal="center", vertical="center", wrap_text=True)
_TOP = Alignment(horizontal="left", vertical="top", wrap_text=True)
_NUMBER = Alignment(horizontal="center", vertical="top", wrap_text=True)


def sheet_xlsx(sheet: ProgressSheet) -> bytes:
    workbook = Workbook()
    ws = workbook.active
    ws.title = quarter_label(sheet.quarter)
    width = len(sheet.columns)
    last = get_column_letter(width)

    for n, line in enumerate(sheet.title_lines, start=1):
        _text(ws, n, 1, line, Font(name=FONT, size=14 if n == 1 else 12, bold=True), _CENTRED)
        ws.merge_cells(f"A{n}:{last}{n}")
        ws.row_dimensions[n].height = 22

    _heading(ws, sheet)
    widths = column_widths(sheet)
    row = FIRST_ROW
    for sheet_row in sheet.rows:
        for col, (column, value) in enumerate(zip(sheet.columns, sheet.values(sheet_row), strict=True), 1):
            align = _TOP if column.is_text else _NUMBER
            _text(ws, row, col, value, Font(name=FONT, size=11), align, border=True)
        row += 1
    for col, (column, value) in enumerate(zip(sheet.columns, sheet.total_values, strict=True), 1):
        align = _TOP if column.is_text else _NUMBER
        _text(ws, row, col, value, Font(name=FONT, size=11, bold=True), align, border=True)
    _row_heights(ws, sheet, widths)
    for offset, sheet_row in enumerate(sheet.rows):  # merged once every cell is written
        for key in MERGED:
            _merge_down(ws, FIRST_ROW + offset, sheet.column_index(key) + 1, sheet_row.span(key))

    row += 2
    for note in sheet.notes:
        _text(ws, row, 1, note, Font(name=FONT, size=11), _TOP)
        ws.merge_cells(f"A{row}:{last}{row}")
        ws.row_dimensions[row].height = LINE_POINTS * _lines(note, sum(widths))
        row += 1

    for col, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = f"A{FIRST_ROW}"
    _print_setup(ws, last)
    workbook.properties.title = " ".join(sheet.title_lines[1:])
    workbook.properties.creator = sheet.title_lines[0]
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _lines(text: str, width: float) -> int:
    """How many lines `text` takes wrapped in a column `width` characters wide (Bangla code points
    are narrower than Excel's width unit, a "0"; words are not split, so a little is added)."""
    return max(1, math.ceil(len(text) / (width * CHARS_PER_WIDTH)))


def _row_heights(ws, sheet: ProgressSheet, widths: list[float]) -> None:
    """Each indicator's row as high as its longest wrapped text; a merged area or activity cell's
    text is given room over the rows it spans. Spreadsheets do not grow rows for wrapped text on
    their own (LibreOffice keeps the default height; Excel only once a cell is edited)."""
    heights = []
    for sheet_row in [*sheet.rows, None]:
        values = sheet.values(sheet_row) if sheet_row else sheet.total_values
        own = [
            _lines(v, widths[i])
            for i, (c, v) in enumerate(zip(sheet.columns, values, strict=True))
            if c.key not in MERGED
        ]
        heights.append(LINE_POINTS * max(own) + 4)
    for first, sheet_row in enumerate(sheet.rows):
        for key in MERGED:
            span = sheet_row.span(key)
            index = sheet.column_index(key)
            if span:
                needed = LINE_POINTS * _lines(sheet.values(sheet_row)[index], widths[index]) + 4
                short = needed - sum(heights[first : first + span])
                if short > 0:
                    heights[first + span - 1] += short
    for offset, height in enumerate(heights):
        ws.row_dimensions[FIRST_ROW + offset].height = height


def column_widths(sheet: ProgressSheet) -> list[float]:
    """In characters: a text column its own width, a value column its longest value's (a date whole)."""
    return [
        column.width if column.is_text else max(8, sheet.value_chars(index) + 2, column.longest_word)
        for index, column in enumerate(sheet.columns)
    ]


def _heading(ws, sheet: ProgressSheet) -> None:
    """Row 1 of the heading: the groups (a column without one spans both rows); row 2: the columns
    under their group; row 3: the columns' numbers (১, ২, ৩ …), as the printed sheets number them."""
    font = Font(name=FONT, size=11, bold=True)
    col = 1
    for group, span in sheet.groups:
        if group:
            _text(ws, HEAD_FIRST, col, group, font, _CENTRED, border=True, fill=True)
            for offset in range(span):
                column = sheet.columns[col - 1 + offset]
                _text(
                    ws, HEAD_FIRST + 1, col + offset, column.heading, font, _CENTRED, border=True, fill=True
                )
            if span > 1:
                ws.merge_cells(
                    start_row=HEAD_FIRST, start_column=col, end_row=HEAD_FIRST, end_column=col + span - 1
                )
        else:
            heading = sheet.columns[col - 1].heading
            _text(ws, HEAD_FIRST, col, heading, font, _CENTRED, border=True, fill=True)
            _text(ws, HEAD_FIRST + 1, col, "", font, _CENTRED, border=True, fill=True)
            ws.merge_cells(start_row=HEAD_FIRST, start_column=col, end_row=HEAD_FIRST + 1, end_column=col)
        col += span
    for col in range(1, len(sheet.columns) + 1):
        _text(ws, HEAD_FIRST + 2, col, to_bangla_digits(col), Font(name=FONT, size=10), _CENTRED, border=True)
    ws.row_dimensions[HEAD_FIRST].height = 34
    ws.row_dimensions[HEAD_FIRST + 1].height = 48


def _merge_down(ws, row: int, col: int, span: int) -> None:
    if span > 1:
        ws.merge_cells(start_row=row, start_column=col, end_row=row + span - 1, end_column=col)


def _text(ws, row, col, value, font, alignment, *, border=False, fill=False):
    cell = ws.cell(row=row, column=col)
    cell.value = value
    cell.data_type = "s"  # text, never a formula, whatever it starts with
    cell.font = font
    cell.alignment = alignment
    if border:
        cell.border = _BORDER
    if fill:
        cell.fill = _HEAD_FILL
    return cell


def _print_setup(ws, last: str) -> None:
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as it takes
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.5, bottom=0.5, header=0.3, footer=0.3)
    ws.print_title_rows = f"{HEAD_FIRST}:{FIRST_ROW - 1}"
    ws.print_area = f"A1:{last}{ws.max_row}"
