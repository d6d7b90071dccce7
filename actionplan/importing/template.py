"""A template's rows, checked all the way through before anything is written: the plan as plain
data (PlanDraft), or a ValidationError listing every problem with its row and column."""

import datetime
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from actionplan import numbering
from actionplan.importing import columns
from actionplan.importing.bijoy import looks_like_bijoy
from actionplan.models import EvidenceKind, Unit
from bangla.dates import DateInputError, parse_date
from bangla.digits import to_ascii_digits
from bangla.fiscal import fiscal_year_bounds, format_fiscal_year
from bangla.forms import shown_digits

MAX_ERRORS = 30  # enough to fix a file in one go; more only buries the first
TEXT_COLUMNS = ("area_title", "activity", "title", "unit", "responsible", "evidence")
TEXT_LIMITS = {"area_title": 500, "activity": 500, "title": 500, "responsible": 300}  # the models' lengths
MAX_WEIGHT = Decimal(100)  # no indicator weighs more than a whole plan of 100 marks
MAX_VALUE = Decimal(10**9)  # targets and tiers: far beyond any count or percentage
UNITS = {"তারিখ": Unit.DATE, "সংখ্যা": Unit.COUNT, "%": Unit.PERCENT, "শতাংশ": Unit.PERCENT, "শতকরা": Unit.PERCENT}
EVIDENCE_WORDS = {
    "নোটিশ": EvidenceKind.NOTICE,
    "বিজ্ঞপ্তি": EvidenceKind.NOTICE,
    "হাজিরা": EvidenceKind.ATTENDANCE,
    "উপস্থিতি": EvidenceKind.ATTENDANCE,
    "কার্যবিবরণী": EvidenceKind.MINUTES,
    "ছবি": EvidenceKind.PHOTOS,
    "স্থিরচিত্র": EvidenceKind.PHOTOS,
    "প্রতিবেদন": EvidenceKind.REPORT,
}


@dataclass
class IndicatorDraft:
    row: int
    number: str
    title: str
    unit: str
    weight: Decimal
    target: datetime.date | Decimal
    responsible: str
    tiers: dict[int, datetime.date | Decimal] = field(default_factory=dict)
    quarters: dict[int, datetime.date | Decimal] = field(default_factory=dict)
    evidence_kinds: list[str] = field(default_factory=list)


@dataclass
class ActivityDraft:
    number: str
    title: str
    row: int = 0  # where it first appears
    indicators: list[IndicatorDraft] = field(default_factory=list)


@dataclass
class AreaDraft:
    number: str
    title: str = ""
    marks: Decimal | None = None  # as the template gives them, if it does
    activities: dict[str, ActivityDraft] = field(default_factory=dict)

    @property
    def weights(self) -> Decimal:
        return sum((i.weight for a in self.activities.values() for i in a.indicators), Decimal(0))


@dataclass
class PlanDraft:
    fiscal_year: int
    numbers_in_brackets: bool
    total_marks: Decimal
    areas: dict[str, AreaDraft]


def shown_fiscal_year(start_year: int) -> str:
    """2021 -> ২০২১-২২, or 2021-22 for a reader who chose English."""
    return shown_digits(to_ascii_digits(format_fiscal_year(start_year)))


def default_evidence_kinds(title: str) -> list[str]:
    """The evidence domain.md names: a meeting's notice, attendance and minutes; a training's notice,
    attendance and photos; a report itself."""
    if "সভা" in title:
        return [EvidenceKind.NOTICE, EvidenceKind.ATTENDANCE, EvidenceKind.MINUTES]
    if "প্রশিক্ষণ" in title or "কর্মশালা" in title:
        return [EvidenceKind.NOTICE, EvidenceKind.ATTENDANCE, EvidenceKind.PHOTOS]
    if "প্রতিবেদন" in title:
        return [EvidenceKind.REPORT]
    return []


class _Problems:
    def __init__(self):
        self.messages: list[str] = []

    def add(self, message: str, row: int | None = None, column: str | None = None):
        if row is not None and column is not None:
            message = _("Row %(row)s, column “%(column)s”: %(problem)s") % {
                "row": shown_digits(row),
                "column": columns.ALL.get(column, column),
                "problem": message,
            }
        elif row is not None:
            message = _("Row %(row)s: %(problem)s") % {"row": shown_digits(row), "problem": message}
        self.messages.append(message)

    def raise_if_any(self):
        if self.messages:
            shown = self.messages[:MAX_ERRORS]
            if len(self.messages) > MAX_ERRORS:
                shown.append(
                    _("… and %(count)s more problems.")
                    % {"count": shown_digits(len(self.messages) - MAX_ERRORS)}
                )
            raise ValidationError(shown)


def parse_template(
    rows: list[list[str]], *, fiscal_year: int, total_marks: Decimal | None = None
) -> PlanDraft:
    problems = _Problems()
    positions = _read_header(rows[0] if rows else [], problems)
    problems.raise_if_any()
    body = _body_rows(rows, problems)
    problems.raise_if_any()
    first_day, last_day = fiscal_year_bounds(fiscal_year)
    reader = _RowReader(problems, first_day, last_day, fiscal_year)
    drafts = []
    for row_number, cells in body:
        values = {key: (cells[i] if i < len(cells) else "") for key, i in positions.items()}
        extra = [cell for i, cell in enumerate(cells) if i not in positions.values() and cell]
        if extra:
            problems.add(_("there is a value outside the template's columns."), row_number)
        drafts.append(reader.read(row_number, values))
    problems.raise_if_any()
    plan = _assemble(drafts, problems, fiscal_year)
    _check_marks(plan, total_marks, problems)
    problems.raise_if_any()
    plan.total_marks = (
        total_marks if total_marks is not None else sum((a.weights for a in plan.areas.values()), Decimal(0))
    )
    return plan


def _read_header(header: list[str], problems: _Problems) -> dict[str, int]:
    if any(looks_like_bijoy(cell) for cell in header):
        problems.add(_bijoy_message(), 1)
        return {}
    positions: dict[str, int] = {}
    for index, heading in enumerate(header):
        if not heading.strip():
            continue
        key = columns.column_for(heading)
        if key is None:
            problems.add(
                _("the column “%(heading)s” is not a column of the template.") % {"heading": heading}, 1
            )
        elif key in positions:
            problems.add(_("the column “%(heading)s” appears twice.") % {"heading": heading}, 1)
        else:
            positions[key] = index
    missing = [heading for key, heading in columns.REQUIRED.items() if key not in positions]
    if missing:
        problems.add(_("the template lacks the columns: %(columns)s.") % {"columns": ", ".join(missing)}, 1)
    return positions


def _body_rows(rows: list[list[str]], problems: _Problems) -> list[tuple[int, list[str]]]:
    """The data rows with their numbers as the spreadsheet shows them (the header is row 1). Empty
    rows at the end are dropped; an empty row between indicators is refused."""
    numbered = [(number, cells) for number, cells in enumerate(rows[1:], start=2)]
    while numbered and not any(numbered[-1][1]):
        numbered.pop()
    if not numbered:
        problems.add(_("The template has no indicators: there is no row below the headings."))
    for number, cells in numbered:
        if not any(cells):
            problems.add(_("the row is empty. Remove empty rows between the indicators."), number)
    return numbered


def _bijoy_message() -> str:
    return _(
        "the text looks like Bijoy (Bangla typed in an ASCII font such as SutonnyMJ), not Unicode Bangla. "
        "Convert the file to Unicode first (for example with Avro's or Bijoy's converter)."
    )


class _RowReader:
    def __init__(self, problems, first_day, last_day, fiscal_year):
        self.problems, self.first_day, self.last_day, self.fiscal_year = (
            problems,
            first_day,
            last_day,
            fiscal_year,
        )

    def read(self, row: int, values: dict[str, str]) -> dict | None:
        errors_before = len(self.problems.messages)
        for key in TEXT_COLUMNS:
            if looks_like_bijoy(values.get(key, "")):
                self.problems.add(_bijoy_message(), row, key)
        if len(self.problems.messages) > errors_before:
            return None
        text = {key: unicodedata.normalize("NFC", value.strip()) for key, value in values.items()}
        for key, limit in TEXT_LIMITS.items():
            if len(text.get(key, "")) > limit:
                self.problems.add(
                    _("the text is longer than %(limit)s characters.") % {"limit": shown_digits(limit)},
                    row,
                    key,
                )
        area = self._number(row, "area", text["area"], 1, None)
        activity = self._number(row, "activity_number", text["activity_number"], 2, area and area[0])
        number = self._number(row, "number", text["number"], 3, activity and activity[0])
        for key in ("activity", "title"):
            if not text[key]:
                self.problems.add(_("this cell must not be empty."), row, key)
        unit = UNITS.get(text["unit"])
        if unit is None:
            self.problems.add(_("the unit must be তারিখ, সংখ্যা or %."), row, "unit")
        weight = self._decimal(row, "weight", text["weight"], positive=True, maximum=MAX_WEIGHT)
        target = tiers = quarters = None
        if unit is not None:
            target = self._target(row, "target", text["target"], unit, required=True)
            tiers = self._tiers(row, text, unit)
            quarters = {
                quarter: value
                for quarter in columns.QUARTERS
                if (value := self._target(row, f"q{quarter}", text.get(f"q{quarter}", ""), unit)) is not None
            }
        marks = (
            self._decimal(row, "area_marks", text["area_marks"], positive=True)
            if text.get("area_marks")
            else None
        )
        if len(self.problems.messages) > errors_before:
            return None
        return {
            "row": row,
            "area": area,
            "area_title": text.get("area_title", ""),
            "area_marks": marks,
            "activity": activity,
            "activity_title": text["activity"],
            "indicator": IndicatorDraft(
                row=row,
                number=number[0],
                title=text["title"],
                unit=unit,
                weight=weight,
                target=target,
                responsible=text["responsible"],
                tiers=tiers,
                quarters=quarters,
                evidence_kinds=_evidence(text.get("evidence", ""), text["title"]),
            ),
            "brackets": number[1],
        }

    def _number(self, row, column, value, depth, parent):
        if not value:
            self.problems.add(_("this cell must not be empty."), row, column)
            return None
        try:
            number, brackets = numbering.parse_number(value)
        except ValueError:
            number = None
        if number is None or numbering.depth(number) != depth:
            example = {1: "[১]", 2: "[১.১]", 3: "[১.১.১]"}[depth]
            self.problems.add(
                _("“%(value)s” is not a number like %(example)s.") % {"value": value, "example": example},
                row,
                column,
            )
            return None
        if parent is not None and numbering.parent_number(number) != parent:
            self.problems.add(
                _("%(number)s does not belong under %(parent)s of the same row.")
                % {"number": shown_digits(number), "parent": shown_digits(parent)},
                row,
                column,
            )
            return None
        return number, brackets

    def _decimal(self, row, column, value, positive=False, maximum=MAX_VALUE):
        if not value:
            self.problems.add(_("this cell must not be empty."), row, column)
            return None
        typed = to_ascii_digits(value).replace(",", "").replace("%", "").strip()
        try:
            number = Decimal(typed)
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite() or number < 0 or (positive and number == 0):
            self.problems.add(_("“%(value)s” is not a number.") % {"value": value}, row, column)
            return None
        if number > maximum:
            self.problems.add(
                _("%(value)s is more than %(maximum)s.") % {"value": value, "maximum": shown_digits(maximum)},
                row,
                column,
            )
            return None
        if number != number.quantize(Decimal("0.01")):
            self.problems.add(
                _("“%(value)s” has more than two decimal places.") % {"value": value}, row, column
            )
            return None
        return number

    def _date(self, row, column, value):
        try:
            day = parse_date(value)
        except DateInputError:
            self.problems.add(
                _("“%(value)s” is not a date written day-month-year, like ১৬-০৩-২০২২.") % {"value": value},
                row,
                column,
            )
            return None
        if not self.first_day <= day <= self.last_day:
            self.problems.add(
                _("%(date)s is outside the fiscal year %(year)s (1 July to 30 June).")
                % {
                    "date": shown_digits(day.strftime("%d-%m-%Y")),
                    "year": shown_fiscal_year(self.fiscal_year),
                },
                row,
                column,
            )
            return None
        return day

    def _target(self, row, column, value, unit, required=False):
        if not value:
            if required:
                self.problems.add(_("this cell must not be empty."), row, column)
            return None
        return self._date(row, column, value) if unit == Unit.DATE else self._decimal(row, column, value)

    def _tiers(self, row, text, unit):
        tiers = {}
        for level in columns.TIERS:
            value = self._target(row, f"tier_{level}", text.get(f"tier_{level}", ""), unit)
            if value is not None:
                tiers[level] = value
        values = list(tiers.values())  # 100% first
        in_order = all(
            (earlier <= later) if unit == Unit.DATE else (earlier >= later)
            for earlier, later in zip(values, values[1:], strict=False)
        )
        if not in_order:
            rule = (
                _("each tier's date must be no earlier than the tier above it (অসাধারণ first).")
                if unit == Unit.DATE
                else _("each tier's value must be no greater than the tier above it (অসাধারণ first).")
            )
            self.problems.add(_("the tiers are out of order: %(rule)s") % {"rule": rule}, row)
        return tiers


def _evidence(text: str, title: str) -> list[str]:
    if not text:
        return default_evidence_kinds(title)
    kinds = []
    for word in text.replace("،", ",").replace(";", ",").replace("/", ",").split(","):
        kind = EVIDENCE_WORDS.get(word.strip(), EvidenceKind.OTHER if word.strip() else None)
        if kind and kind not in kinds:
            kinds.append(kind)
    return kinds


def _assemble(drafts: list[dict], problems: _Problems, fiscal_year: int) -> PlanDraft:
    areas: dict[str, AreaDraft] = {}
    seen: dict[str, int] = {}
    for draft in drafts:
        indicator = draft["indicator"]
        if indicator.number in seen:
            problems.add(
                _("the indicator number %(number)s is already used in row %(first)s.")
                % {"number": shown_digits(indicator.number), "first": shown_digits(seen[indicator.number])},
                draft["row"],
                "number",
            )
            continue
        seen[indicator.number] = draft["row"]
        area = areas.setdefault(draft["area"][0], AreaDraft(number=draft["area"][0]))
        area.title = area.title or draft["area_title"]
        if draft["area_marks"] is not None:
            if area.marks is not None and area.marks != draft["area_marks"]:
                problems.add(
                    _("the area's marks differ from those given in an earlier row of the same area."),
                    draft["row"],
                    "area_marks",
                )
            area.marks = area.marks if area.marks is not None else draft["area_marks"]
        activity_number = draft["activity"][0]
        activity = area.activities.setdefault(
            activity_number,
            ActivityDraft(number=activity_number, title=draft["activity_title"], row=draft["row"]),
        )
        if activity.title != draft["activity_title"]:
            problems.add(
                _("the activity %(number)s has another title in row %(first)s.")
                % {"number": shown_digits(activity_number), "first": shown_digits(activity.row)},
                draft["row"],
                "activity",
            )
        activity.indicators.append(indicator)
    brackets = drafts[0]["brackets"] if drafts else True
    return PlanDraft(
        fiscal_year=fiscal_year, numbers_in_brackets=brackets, total_marks=Decimal(0), areas=areas
    )


def _check_marks(plan: PlanDraft, total_marks: Decimal | None, problems: _Problems):
    for area in plan.areas.values():
        if area.marks is not None and area.weights != area.marks:
            problems.add(
                _("The indicators of area %(area)s add up to %(sum)s marks, but the area has %(marks)s.")
                % {
                    "area": shown_digits(area.number),
                    "sum": shown_digits(_plain(area.weights)),
                    "marks": shown_digits(_plain(area.marks)),
                }
            )
    total = sum((area.weights for area in plan.areas.values()), Decimal(0))
    if total_marks is not None and total != total_marks:
        problems.add(
            _("The indicators add up to %(sum)s marks, but the plan's total is %(total)s.")
            % {"sum": shown_digits(_plain(total)), "total": shown_digits(_plain(total_marks))}
        )


def _plain(number: Decimal) -> str:
    """Decimal("29.00") -> "29"; Decimal("2.50") -> "2.5"."""
    return format(number.normalize(), "f") if number != number.to_integral() else str(int(number))
