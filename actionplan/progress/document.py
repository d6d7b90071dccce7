"""The progress sheet as a Bangla PDF, printed like the minutes: the same HTML-to-PDF path
(minutes/document/render.py: WeasyPrint in a time-limited child process, only the portal's own
static files and fonts, the text-layer remedy, page numbers marked as artifacts), by a Celery
worker, cached per content (minutes/document/store.py); a web request never prints.

templates/actionplan/progress_sheet.html with static/css/progress-sheet.css: A4 landscape, the
table's heading repeated on every page, Bangla page numbers.
"""

from django.template.loader import render_to_string

from actionplan.models import Plan
from actionplan.progress.sheet import ProgressSheet, progress_sheet
from bangla.digits import to_bangla_digits


def html_rows(sheet: ProgressSheet) -> list[list[tuple[str, str, int]]]:
    """Each row's cells as (column key, text, rows spanned), without the cells a spanning cell covers."""
    out = []
    for row in sheet.rows:
        cells = []
        for column, value in zip(sheet.columns, sheet.values(row), strict=True):
            span = row.span(column.key)
            if span:
                cells.append((column.key, value, span))
        out.append(cells)
    return out


def html_head(sheet: ProgressSheet) -> list[list[tuple[str, int, int]]]:
    """The heading's two rows as (text, columns spanned, rows spanned): a group over its columns,
    a column without a group over both rows."""
    first, second, index = [], [], 0
    for group, span in sheet.groups:
        if group:
            first.append((group, span, 1))
            second += [(column.heading, 1, 1) for column in sheet.columns[index : index + span]]
        else:
            first.append((sheet.columns[index].heading, 1, 2))
        index += span
    return [first, second]


DENSE_COLUMNS = 16  # more columns than this (tiers, quarters' targets): the table in a smaller type


def is_dense(sheet: ProgressSheet) -> bool:
    return len(sheet.columns) > DENSE_COLUMNS


def sheet_html(sheet: ProgressSheet) -> str:
    ctx = {
        "sheet": sheet,
        "dense": is_dense(sheet),
        "head": html_head(sheet),
        "numbers": [to_bangla_digits(n) for n in range(1, len(sheet.columns) + 1)],
        "rows": html_rows(sheet),
        "total": list(zip((c.key for c in sheet.columns), sheet.total_values, strict=True)),
    }
    return render_to_string("actionplan/progress_sheet.html", ctx)


def plan_sheet_html(plan: Plan, quarter: int) -> str:
    """What the page asks for and the worker prints: the same HTML for the same plan and day."""
    return sheet_html(progress_sheet(plan, quarter))
