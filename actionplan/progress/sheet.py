"""The quarterly progress sheet (ত্রৈমাসিক অগ্রগতি প্রতিবেদন) of a plan: what it says, once, for the
.xlsx (xlsx.py) and the PDF (document.py) alike.

Its columns are the plan's own, as its template heads them (importing/columns.py): area and its
marks, activity, indicator, unit, weight, the target (its five tiers when the plan has tiers), the
quarters' targets when the plan has them; then what the progress sheets add: the achievement of
each quarter up to the chosen one, the total so far, the marks so far (অর্জিত মান), who is
responsible and a remark. The area's and the activity's cells span their rows, as on the real sheet.

Only what counts is counted (scores.counted_by_quarter): confirmed reports, or the issued minutes
attached to a meeting indicator. Reports awaiting the approver, or returned, are named in the
indicator's remark and under the table, never counted.

A document, like the minutes: Bangla whatever the reader's language, Bangla digits, as text.
"""

import datetime
import unicodedata
from dataclasses import dataclass, field

from django.utils import timezone

from actionplan import scoring
from actionplan.importing.columns import QUARTERS, TIERS
from actionplan.links.selectors import quarter_bounds
from actionplan.models import AchievementReport, Indicator, Plan, Unit
from actionplan.numbering import show_number, show_value
from actionplan.scores import counted_by_quarter, indicator_result, meetings_by_quarter
from actionplan.selectors import plan_areas
from bangla.dates import MONTHS, format_date
from bangla.digits import to_bangla_digits
from bangla.fiscal import format_fiscal_year
from bangla.ordinals import ordinal_digits

PLAN_TITLE = "ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা"
SHEET_TITLE = "ত্রৈমাসিক অগ্রগতি প্রতিবেদন"
ONLY_CONFIRMED = "কেবল অনুমোদনকারীর নিশ্চিত করা অর্জন (এবং সভা-সূচকে সংযুক্ত জারিকৃত কার্যবিবরণী) গণনা করা হয়েছে।"
MERGED = ("area", "area_marks", "activity")  # the cells that span their area's or activity's rows
TEXT_COLUMNS = ("area", "activity", "indicator", "responsible", "remarks")  # words; the rest are values


@dataclass(frozen=True)
class Column:
    key: str
    heading: str
    group: str = ""  # a heading over neighbouring columns ("লক্ষ্যমাত্রা ২০২১-২০২২"); "" for none
    width: float = 0  # a text column's width in characters; a value column is as wide as its values

    @property
    def is_text(self) -> bool:
        return self.key in TEXT_COLUMNS

    @property
    def longest_word(self) -> int:
        """The heading's longest word in letters (vowel signs, the virama and marks not counted): a
        heading wraps between words, never inside one."""
        return max(
            sum(unicodedata.category(c) not in ("Mn", "Mc") for c in word) for word in self.heading.split()
        )


@dataclass
class SheetRow:
    indicator: Indicator
    cells: dict[str, str]
    area_rows: int = 0  # on an area's first row: how many rows its cells span; 0 on the others
    activity_rows: int = 0  # the same for an activity
    score: scoring.IndicatorScore | None = None  # so far; None: the plan's terms contradict
    waiting: list[int] = field(default_factory=list)  # quarters whose report awaits the approver
    returned: list[int] = field(default_factory=list)  # quarters whose report was returned
    from_minutes: bool = False  # a meeting indicator scored from its attached issued minutes

    def span(self, key: str) -> int:
        """How many rows the cell `key` (one of MERGED) spans from this row: 0 where an earlier row's
        cell covers it, 1 for an ordinary cell."""
        if key in ("area", "area_marks"):
            return self.area_rows
        if key == "activity":
            return self.activity_rows
        return 1


@dataclass
class ProgressSheet:
    plan: Plan
    quarter: int
    title_lines: list[str]
    columns: list[Column]
    rows: list[SheetRow]
    total: dict[str, str]
    notes: list[str] = field(default_factory=list)

    @property
    def groups(self) -> list[tuple[str, int]]:
        """The header's first row: (group heading, columns it spans); ("", 1) for a column alone."""
        out: list[tuple[str, int]] = []
        for column in self.columns:
            if column.group and out and out[-1][0] == column.group:
                out[-1] = (column.group, out[-1][1] + 1)
            else:
                out.append((column.group, 1))
        return out

    def values(self, row: SheetRow) -> list[str]:
        return [row.cells.get(column.key, "") for column in self.columns]

    @property
    def total_values(self) -> list[str]:
        return [self.total.get(column.key, "") for column in self.columns]

    def value_chars(self, index: int) -> int:
        """The longest value in column `index` (its rows and the total), in characters."""
        values = [self.values(row)[index] for row in self.rows] + [self.total_values[index]]
        return max((len(value) for value in values), default=0)

    def column_index(self, key: str) -> int:
        return next(i for i, column in enumerate(self.columns) if column.key == key)


def quarter_label(quarter: int) -> str:
    return f"{ordinal_digits(quarter)} ত্রৈমাসিক"


def quarter_months(fiscal_year: int, quarter: int) -> str:
    """ "জানুয়ারি–মার্চ ২০২২"."""
    first, last = quarter_bounds(fiscal_year, quarter)
    return f"{MONTHS[first.month - 1]}–{MONTHS[last.month - 1]} {to_bangla_digits(last.year)}"


def progress_sheet(plan: Plan, quarter: int, today: datetime.date | None = None) -> ProgressSheet:
    """The sheet of `plan` cumulative to the end of `quarter` (1-4). Eight queries however many
    indicators and reports (the plan's nested rows, selectors.plan_areas, and its office)."""
    if quarter not in (1, 2, 3, 4):
        raise ValueError("a quarter is 1 to 4")
    today = today or timezone.localdate()
    areas = plan_areas(plan)
    indicators = [i for area in areas for a in area.activities.all() for i in a.indicators.all()]
    has_tiers = any(indicator.tiers.all() for indicator in indicators)
    has_quarters = any(indicator.quarter_targets.all() for indicator in indicators)
    columns = _columns(plan, quarter, has_tiers=has_tiers, has_quarters=has_quarters)
    rows, waiting, returned, from_minutes = [], [], [], []
    marks, out_of = [], []
    for area in areas:
        area_first = len(rows)
        for activity in area.activities.all():
            activity_first = len(rows)
            for indicator in activity.indicators.all():
                row = _row(plan, indicator, quarter, today)
                rows.append(row)
                number = show_number(indicator.number, plan.numbers_in_brackets)
                waiting += [(number, q) for q in row.waiting]
                returned += [(number, q) for q in row.returned]
                if row.from_minutes:
                    from_minutes.append(number)
                if row.score is not None:
                    marks.append(row.score)
            if len(rows) > activity_first:
                rows[activity_first].activity_rows = len(rows) - activity_first
                rows[activity_first].cells["activity"] = _numbered(plan, activity.number, activity.title)
        if len(rows) > area_first:
            first = rows[area_first]
            first.area_rows = len(rows) - area_first
            first.cells["area"] = _numbered(plan, area.number, area.title)
            first.cells["area_marks"] = show_value(area.marks)
        out_of.append(area.marks)
    so_far = scoring.area_score(marks)
    fiscal_year = format_fiscal_year(plan.fiscal_year, long=True)
    return ProgressSheet(
        plan=plan,
        quarter=quarter,
        title_lines=[
            plan.office.name,
            f"{PLAN_TITLE} {fiscal_year}",
            f"{SHEET_TITLE}: {quarter_label(quarter)} ({quarter_months(plan.fiscal_year, quarter)}) পর্যন্ত",
        ],
        columns=columns,
        rows=rows,
        total={
            "area": "সর্বমোট",
            "area_marks": show_value(sum(out_of, 0)),
            "weight": show_value(sum((i.weight for i in indicators), 0)),
            "score": show_value(so_far.marks),
            "remarks": f"মোট নম্বর {show_value(plan.total_marks)}-এর মধ্যে {show_value(so_far.marks)}",
        },
        notes=_notes(waiting, returned, from_minutes, today),
    )


def _columns(plan: Plan, quarter: int, *, has_tiers: bool, has_quarters: bool) -> list[Column]:
    fiscal_year = format_fiscal_year(plan.fiscal_year, long=True)
    target_group = f"লক্ষ্যমাত্রা {fiscal_year}"
    columns = [
        Column("area", "কর্মসম্পাদন ক্ষেত্র", width=14),
        Column("area_marks", "মান"),
        Column("activity", "কার্যক্রম", width=24),
        Column("indicator", "কর্মসম্পাদন সূচক", width=30),
        Column("unit", "একক"),
        Column("weight", "সূচকের মান"),
    ]
    if has_tiers:
        columns += [
            Column(f"tier_{level}", f"{name} ({to_bangla_digits(level)}%)", target_group)
            for level, name in TIERS.items()
        ]
    else:
        columns.append(Column("target", target_group))
    for q in range(1, quarter + 1):
        if has_quarters:
            columns += [
                Column(f"q{q}_target", "লক্ষ্যমাত্রা", QUARTERS[q]),
                Column(f"q{q}", "অর্জন", QUARTERS[q]),
            ]
        else:
            columns.append(Column(f"q{q}", QUARTERS[q], "অর্জন"))
    columns += [
        Column("achieved", f"মোট অর্জন ({quarter_label(quarter)} পর্যন্ত)"),
        Column("score", "অর্জিত মান"),
        Column("responsible", "বাস্তবায়নকারী", width=18),
        Column("remarks", "মন্তব্য", width=24),
    ]
    return columns


def _row(plan: Plan, indicator: Indicator, quarter: int, today: datetime.date) -> SheetRow:
    fiscal_year = plan.fiscal_year
    tiers = {tier.level: tier.target for tier in indicator.tiers.all()}
    targets = {q.quarter: q.target for q in indicator.quarter_targets.all()}
    counted = counted_by_quarter(indicator, fiscal_year)
    result = indicator_result(
        indicator, fiscal_year=fiscal_year, quarters=quarter, today=today, through=quarter
    )
    reports = [r for r in indicator.reports.all() if r.quarter <= quarter]
    state = AchievementReport.State
    row = SheetRow(indicator=indicator, cells={})
    row.waiting = sorted(r.quarter for r in reports if r.state == state.REPORTED)
    row.returned = sorted(r.quarter for r in reports if r.state == state.RETURNED)
    row.from_minutes = bool(meetings_by_quarter(indicator, fiscal_year))
    row.score = result.so_far
    cells = row.cells
    cells["indicator"] = _numbered(plan, indicator.number, indicator.title)
    cells["unit"] = indicator.get_unit_display()
    cells["weight"] = show_value(indicator.weight)
    cells["target"] = show_value(indicator.target)
    for level in TIERS:
        cells[f"tier_{level}"] = show_value(tiers.get(level, indicator.target if level == 100 else None))
    for q in range(1, quarter + 1):
        cells[f"q{q}_target"] = show_value(targets.get(q))
        cells[f"q{q}"] = show_value(counted.get(q))
    cells["achieved"] = show_value(result.achieved)
    cells["score"] = "" if result.so_far is None else show_value(result.so_far.marks)
    cells["responsible"] = indicator.responsible
    cells["remarks"] = "; ".join(_remarks(row, result))
    return row


def _remarks(row: SheetRow, result) -> list[str]:
    remarks = []
    if result.so_far is None:
        remarks.append("সূচকের লক্ষ্যমাত্রার শর্তগুলো পরস্পরবিরোধী: নম্বর দেওয়া যায়নি")
    elif result.so_far.late:
        remarks.append("বিলম্বিত")
    elif result.so_far.above_target:
        remarks.append("লক্ষ্যমাত্রার বেশি; সর্বোচ্চ নম্বর")
    if row.from_minutes:
        held = "প্রথম সভার তারিখ" if row.indicator.unit == Unit.DATE else "অনুষ্ঠিত সভার সংখ্যা"
        remarks.append(f"{held}, সংযুক্ত জারিকৃত কার্যবিবরণী থেকে")
    if row.waiting:
        remarks.append(f"অনুমোদনের অপেক্ষায়, গণনা করা হয়নি: {_quarters(row.waiting)}")
    if row.returned:
        remarks.append(f"সংশোধনের জন্য ফেরত, গণনা করা হয়নি: {_quarters(row.returned)}")
    return remarks


def _notes(waiting, returned, from_minutes, today: datetime.date) -> list[str]:
    notes = [ONLY_CONFIRMED]
    if waiting:
        listed = "; ".join(f"{number} {quarter_label(q)}" for number, q in waiting)
        notes.append(f"অনুমোদনের অপেক্ষায় ({to_bangla_digits(len(waiting))}টি প্রতিবেদন, গণনা করা হয়নি): {listed}")
    else:
        notes.append("অনুমোদনের অপেক্ষায় কোনো প্রতিবেদন নেই।")
    if returned:
        listed = "; ".join(f"{number} {quarter_label(q)}" for number, q in returned)
        notes.append(f"সংশোধনের জন্য ফেরত ({to_bangla_digits(len(returned))}টি, গণনা করা হয়নি): {listed}")
    if from_minutes:
        notes.append(f"সভা-সূচকের অর্জন সংযুক্ত জারিকৃত কার্যবিবরণী থেকে: {', '.join(from_minutes)}")
    notes.append(f"প্রস্তুতের তারিখ: {format_date(today)}")
    return notes


def _quarters(quarters: list[int]) -> str:
    return ", ".join(quarter_label(q) for q in quarters)


def _numbered(plan: Plan, number: str, title: str) -> str:
    return f"{show_number(number, plan.numbers_in_brackets)} {title}".strip()
