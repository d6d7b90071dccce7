"""Reading an innovation bank sheet (the full one or the 7-column one) into unsaved entries, every
row and cell checked before anything is written; else a ValidationError naming each row and column.
The file itself is read and checked by the plan import's reader (size, kind, merged cells)."""

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from actionplan import numbering
from actionplan.ideas import columns
from actionplan.importing.bijoy import looks_like_bijoy
from actionplan.importing.template import _bijoy_message, _Problems
from actionplan.models import Idea, IdeaKind, IdeaStatus, Indicator
from bangla.dates import DateInputError, parse_date
from bangla.digits import to_ascii_digits
from bangla.forms import shown_digits

MAX_AMOUNT = Decimal(10**9)
TEXT_KEYS = ("title", "summary", "problem", "root_cause", "solution", "innovators", "not_running_reason")
TEXT_KEYS += ("remarks", "showcase_result")
DECIMAL_KEYS = ("days_before", "cost_before", "days_after", "cost_after")
WHOLE_KEYS = ("visits_before", "visits_after")
DATE_KEYS = ("proposed_on", "piloted_on", "implemented_on")
YES_NO_KEYS = ("service_running", "expected_result", "is_published")
YES = {"হ্যাঁ", "হ্যা", "হাঁ", "জি", "আছে", "চালু", "কার্যকর", "পাচ্ছে", "yes", "y"}
NO = {"না", "নেই", "নাই", "বন্ধ", "অকার্যকর", "পাচ্ছে না", "no", "n"}
KINDS = {label: value for value, label in IdeaKind.choices} | {
    "সেবা সহজীকরণ": IdeaKind.SIMPLIFICATION,
    "সহজিকরণ": IdeaKind.SIMPLIFICATION,
    "সহজীকরণ": IdeaKind.SIMPLIFICATION,
    "ডিজিটাইজকরণ": IdeaKind.DIGITISATION,
}
STATUSES = {label: value for value, label in IdeaStatus.choices} | {"পাইলট": IdeaStatus.PILOTING}
_YEAR_AND_NUMBER = re.compile(r"(\d{4})\s*[-–]\s*\d{2,4}\s*[:।,]?\s*(.+)")


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip().strip("।.").lower()


def _unquoted(text: str) -> str:
    """The apostrophe the export puts before a cell a spreadsheet would take for a formula, taken off."""
    return text[1:] if text[:1] == "'" and text[1:2] in ("=", "+", "-", "@") else text


def parse_sheet(rows: list[list[str]], *, office) -> list[Idea]:
    problems = _Problems()
    positions = _read_header(rows[0] if rows else [], problems)
    problems.raise_if_any()
    body = _body_rows(rows, problems)
    problems.raise_if_any()
    reader = _RowReader(office, problems, positions)
    ideas = []
    for row, cells in body:
        values = {
            key: (cells[i] if i < len(cells) else "")
            for key, (i, _heading) in positions.items()
            if key != "serial"
        }
        used = {i for i, _heading in positions.values()}
        if any(cell for i, cell in enumerate(cells) if i not in used):
            problems.add(_("there is a value outside the sheet's columns."), row)
        ideas.append(reader.read(row, values))
    problems.raise_if_any()
    _check_titles(ideas, office, problems)
    problems.raise_if_any()
    return ideas


def _read_header(header: list[str], problems: _Problems) -> dict[str, tuple[int, str]]:
    if any(looks_like_bijoy(cell) for cell in header):
        problems.add(_bijoy_message(), 1)
        return {}
    positions: dict[str, tuple[int, str]] = {}
    for index, heading in enumerate(header):
        key = columns.column_for(heading) if heading.strip() else None
        if not heading.strip():
            continue
        if key is None:
            problems.add(
                _("the column “%(heading)s” is not a column of the sheet.") % {"heading": heading}, 1
            )
        elif key in positions:
            problems.add(_("the column “%(heading)s” appears twice.") % {"heading": heading}, 1)
        else:
            positions[key] = (index, heading.strip())
    if "title" not in positions and not problems.messages:
        problems.add(
            _("the sheet lacks the column of the ideas' names (“%(heading)s”).")
            % {"heading": columns.PUBLISHED["title"]},
            1,
        )
    return positions


def _body_rows(rows: list[list[str]], problems: _Problems) -> list[tuple[int, list[str]]]:
    numbered = list(enumerate(rows[1:], start=2))
    while numbered and not any(numbered[-1][1]):
        numbered.pop()
    if not numbered:
        problems.add(_("The sheet has no entries: there is no row below the headings."))
    for number, cells in numbered:
        if not any(cells):
            problems.add(_("the row is empty. Remove empty rows between the entries."), number)
    return numbered


def _check_titles(ideas: list[Idea], office, problems: _Problems):
    seen: dict[str, int] = {}
    existing = set(Idea.objects.filter(office=office).values_list("title", flat=True))
    for idea in ideas:
        if idea.title in seen:
            problems.add(
                _("the idea “%(title)s” is already in row %(first)s.")
                % {"title": idea.title, "first": shown_digits(seen[idea.title])},
                idea.sheet_row,
            )
        elif idea.title in existing:
            problems.add(
                _("the idea “%(title)s” is already in the bank.") % {"title": idea.title}, idea.sheet_row
            )
        seen.setdefault(idea.title, idea.sheet_row)


class _RowReader:
    def __init__(self, office, problems: _Problems, positions: dict[str, tuple[int, str]]):
        self.office, self.problems, self.positions = office, problems, positions
        self.indicators: dict[tuple[int, str], Indicator] = {}
        self.latest: dict[str, Indicator] = {}
        if "indicator" in positions:
            found = (
                Indicator.objects.filter(plan__office=office)
                .select_related("plan")
                .order_by("plan__fiscal_year")
            )
            for indicator in found:
                self.indicators[(indicator.plan.fiscal_year, indicator.number)] = indicator
                self.latest[indicator.number] = indicator

    def heading(self, key: str) -> str:
        return self.positions[key][1] if key in self.positions else columns.heading_of(key)

    def problem(self, message: str, row: int, key: str):
        self.problems.add(message, row, self.heading(key))

    def read(self, row: int, values: dict[str, str]) -> Idea | None:
        before = len(self.problems.messages)
        for key, value in values.items():
            if looks_like_bijoy(value):
                self.problem(_bijoy_message(), row, key)
        if len(self.problems.messages) > before:
            return None
        text = {key: _unquoted(unicodedata.normalize("NFC", value.strip())) for key, value in values.items()}
        idea = Idea(office=self.office, kind=IdeaKind.IDEA, status=IdeaStatus.IMPLEMENTED)
        idea.sheet_row = row
        for key in TEXT_KEYS:
            setattr(idea, key, text.get(key, ""))
        if not idea.title:
            self.problem(_("this cell must not be empty."), row, "title")
        idea.service_link = text.get("service_link", "")
        for key, choices, known in (("kind", KINDS, IdeaKind), ("status", STATUSES, IdeaStatus)):
            if text.get(key):
                value = choices.get(_key(text[key])) or (text[key] if text[key] in known.values else None)
                if value is None:
                    labels = "، ".join(known.labels)
                    self.problem(
                        _("“%(value)s” is not one of: %(choices)s.")
                        % {"value": text[key], "choices": labels},
                        row,
                        key,
                    )
                setattr(idea, key, value)
        for key in DECIMAL_KEYS + WHOLE_KEYS:
            setattr(idea, key, self._number(row, key, text.get(key, ""), whole=key in WHOLE_KEYS))
        for key in DATE_KEYS:
            setattr(idea, key, self._date(row, key, text.get(key, "")))
        for key in YES_NO_KEYS:
            answer = self._yes_no(row, key, text.get(key, ""))
            setattr(idea, key, bool(answer) if key == "is_published" else answer)
        idea.indicator = self._indicator(row, text.get("indicator", ""))
        if len(self.problems.messages) > before:
            return None
        try:
            idea.full_clean(
                exclude=["office", "created_by", "indicator"],
                validate_unique=False,
                validate_constraints=False,
            )
        except ValidationError as error:
            for key, messages in error.message_dict.items():
                for message in messages:
                    self.problem(message, row, key)
            return None
        return idea

    def _number(self, row, key, value, whole=False):
        if not value:
            return None
        typed = to_ascii_digits(value).replace(",", "").strip()
        try:
            number = Decimal(typed)
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite() or number < 0 or number > MAX_AMOUNT:
            self.problem(_("“%(value)s” is not a number.") % {"value": value}, row, key)
            return None
        if whole and number != number.to_integral():
            self.problem(_("“%(value)s” is not a whole number.") % {"value": value}, row, key)
            return None
        if number != number.quantize(Decimal("0.01")):
            self.problem(_("“%(value)s” has more than two decimal places.") % {"value": value}, row, key)
            return None
        return int(number) if whole else number

    def _date(self, row, key, value):
        if not value:
            return None
        try:
            return parse_date(value)
        except DateInputError:
            self.problem(
                _("“%(value)s” is not a date written day-month-year, like ১৬-০৩-২০২২.") % {"value": value},
                row,
                key,
            )
            return None

    def _yes_no(self, row, key, value):
        if not value:
            return None
        answer = _key(value)
        if answer in YES or answer in NO:
            return answer in YES
        self.problem(_("“%(value)s” is neither হ্যাঁ nor না.") % {"value": value}, row, key)
        return None

    def _indicator(self, row, value):
        if not value:
            return None
        typed = to_ascii_digits(unicodedata.normalize("NFC", value)).strip()
        match = _YEAR_AND_NUMBER.fullmatch(typed)
        year, typed_number = (int(match[1]), match[2]) if match else (None, typed)
        try:
            number, _brackets = numbering.parse_number(typed_number)
        except ValueError:
            number = None
        found = None
        if number is not None:
            found = self.latest.get(number) if year is None else self.indicators.get((year, number))
        if found is None:
            self.problem(
                _("the office's action plan has no indicator “%(value)s”.") % {"value": value},
                row,
                "indicator",
            )
        return found
