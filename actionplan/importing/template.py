"""A template's rows, checked all the way through before anything is written: the plan as plain
data (PlanDraft), or a ValidationError listing every problem with its row and column."""

import unicodedata
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from actionplan import rules
from actionplan.drafts import ActivityDraft, AreaDraft, IndicatorDraft, PlanDraft
from actionplan.importing import columns
from actionplan.importing.bijoy import looks_like_bijoy
from actionplan.models import EvidenceKind
from actionplan.rules import MAX_WEIGHT, TEXT_LIMITS, RuleError
from bangla.forms import shown_digits

MAX_ERRORS = 30  # enough to fix a file in one go; more only buries the first
TEXT_COLUMNS = ("area_title", "activity", "title", "unit", "responsible", "evidence")
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
    reader = _RowReader(problems, fiscal_year)
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
    plan.total_marks = total_marks if total_marks is not None else plan.weights
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
    """One row's cells as plain values, each checked by actionplan/rules.py; a problem is noted with
    the row and column, and the row then read as None."""

    def __init__(self, problems, fiscal_year):
        self.problems, self.fiscal_year = problems, fiscal_year

    def _checked(self, row, column, check, *args, **kwargs):
        try:
            return check(*args, **kwargs)
        except RuleError as error:
            self.problems.add(error.message, row, column)
            return None

    def read(self, row: int, values: dict[str, str]) -> dict | None:
        errors_before = len(self.problems.messages)
        for key in TEXT_COLUMNS:
            if looks_like_bijoy(values.get(key, "")):
                self.problems.add(_bijoy_message(), row, key)
        if len(self.problems.messages) > errors_before:
            return None
        text = {key: unicodedata.normalize("NFC", value.strip()) for key, value in values.items()}
        for key, limit in TEXT_LIMITS.items():
            self._checked(row, key, rules.text, text.get(key, ""), limit)
        area = self._number(row, "area", text["area"], 1, None)
        activity = self._number(row, "activity_number", text["activity_number"], 2, area and area[0])
        number = self._number(row, "number", text["number"], 3, activity and activity[0])
        for key in ("activity", "title"):
            if not text[key]:
                self.problems.add(_("this cell must not be empty."), row, key)
        unit = self._checked(row, "unit", rules.unit, text["unit"])
        weight = self._decimal(row, "weight", text["weight"], positive=True, maximum=MAX_WEIGHT)
        target = tiers = quarters = None
        if unit is not None:
            target = self._target(row, "target", text["target"], unit, required=True)
            tiers = self._tiers(row, text, unit, target)
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
        number = self._checked(row, column, rules.plan_number, value, depth)
        if number is not None and parent is not None and not rules.is_under(number[0], parent):
            self.problems.add(
                _("%(number)s does not belong under %(parent)s of the same row.")
                % {"number": shown_digits(number[0]), "parent": shown_digits(parent)},
                row,
                column,
            )
            return None
        return number

    def _decimal(self, row, column, value, positive=False, maximum=rules.MAX_VALUE):
        if not value:
            self.problems.add(_("this cell must not be empty."), row, column)
            return None
        return self._checked(row, column, rules.decimal, value, positive=positive, maximum=maximum)

    def _target(self, row, column, value, unit, required=False):
        if not value:
            if required:
                self.problems.add(_("this cell must not be empty."), row, column)
            return None
        return self._checked(row, column, rules.target, value, unit, self.fiscal_year)

    def _tiers(self, row, text, unit, target):
        tiers = {}
        for level in columns.TIERS:
            value = self._target(row, f"tier_{level}", text.get(f"tier_{level}", ""), unit)
            if value is not None:
                tiers[level] = value
        try:
            rules.check_tiers(unit, tiers, target)
        except RuleError as error:
            self.problems.add(error.message, row)
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
    """The rows nested into areas and activities, in the order they first appear."""
    areas: dict[str, AreaDraft] = {}
    activities: dict[str, ActivityDraft] = {}
    for draft, first in rules.first_uses((d["indicator"].number, d) for d in drafts):
        problems.add(
            _("the indicator number %(number)s is already used in row %(first)s.")
            % {"number": shown_digits(draft["indicator"].number), "first": shown_digits(first["row"])},
            draft["row"],
            "number",
        )
        draft["repeated"] = True
    for draft in drafts:
        if draft.get("repeated"):
            continue
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
        if activity_number not in activities:
            activities[activity_number] = ActivityDraft(
                number=activity_number, title=draft["activity_title"], row=draft["row"]
            )
            area.activities.append(activities[activity_number])
        activity = activities[activity_number]
        if activity.title != draft["activity_title"]:
            problems.add(
                _("the activity %(number)s has another title in row %(first)s.")
                % {"number": shown_digits(activity_number), "first": shown_digits(activity.row)},
                draft["row"],
                "activity",
            )
        activity.indicators.append(draft["indicator"])
    brackets = drafts[0]["brackets"] if drafts else True
    return PlanDraft(
        fiscal_year=fiscal_year, numbers_in_brackets=brackets, total_marks=None, areas=list(areas.values())
    )


def _check_marks(plan: PlanDraft, total_marks: Decimal | None, problems: _Problems):
    for message in rules.marks_problems(plan.areas, total_marks):
        problems.add(message)
