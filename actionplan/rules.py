"""What a plan's rows must be, checked in one place for the importer (actionplan/importing/) and the
editor (actionplan/editing/): numbers at their level and under their parent, units, weights,
targets and tiers, dates inside the fiscal year, tiers in order, marks that add up.

Each check takes plain values and raises RuleError with the problem in the reader's language;
the importer adds the row and column, the editor shows it next to the field. The messages begin
in lower case because the importer writes them after "Row 2, column …:".
"""

import datetime
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from actionplan import numbering
from actionplan.drafts import IndicatorDraft, PlanDraft
from actionplan.models import Unit
from bangla.dates import DateInputError, parse_date
from bangla.digits import to_ascii_digits
from bangla.fiscal import fiscal_year_bounds, format_fiscal_year
from bangla.forms import shown_digits

MAX_WEIGHT = Decimal(100)  # no indicator weighs more than a whole plan of 100 marks
MAX_VALUE = Decimal(10**9)  # targets and tiers: far beyond any count or percentage
MAX_TOTAL = Decimal(1000)  # a plan's or an area's marks
TEXT_LIMITS = {"area_title": 500, "activity": 500, "title": 500, "responsible": 300}  # the models' lengths
UNITS = {"তারিখ": Unit.DATE, "সংখ্যা": Unit.COUNT, "%": Unit.PERCENT, "শতাংশ": Unit.PERCENT, "শতকরা": Unit.PERCENT}
TIER_LEVELS = (100, 90, 80, 70, 60)  # অসাধারণ first
EXAMPLES = {1: "[১]", 2: "[১.১]", 3: "[১.১.১]"}


class RuleError(ValueError):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def plain(number: Decimal) -> str:
    """Decimal("29.00") -> "29"; Decimal("2.50") -> "2.5" (ASCII digits)."""
    return format(number.normalize(), "f") if number != number.to_integral() else str(int(number))


def shown_date(day: datetime.date) -> str:
    """As the plans write dates: ১৬-০৩-২০২২ (ASCII digits for a reader who chose English)."""
    return shown_digits(day.strftime("%d-%m-%Y"))


def shown_value(value) -> str:
    """A target, tier or weight as the editor shows it and the audit log keeps it."""
    if value is None:
        return ""
    return shown_date(value) if isinstance(value, datetime.date) else shown_digits(plain(value))


def shown_fiscal_year(start_year: int) -> str:
    """2021 -> ২০২১-২২, or 2021-22 for a reader who chose English."""
    return shown_digits(to_ascii_digits(format_fiscal_year(start_year)))


# ---- One value ---------------------------------------------------------------------------------------


def plan_number(value: str, depth: int) -> tuple[str, bool]:
    """ "[১.১]" at depth 2 -> ("1.1", True); anything else (or at another depth) is refused."""
    try:
        number, brackets = numbering.parse_number(value)
    except ValueError:
        number = brackets = None
    if number is None or numbering.depth(number) != depth:
        raise RuleError(
            _("“%(value)s” is not a number like %(example)s.") % {"value": value, "example": EXAMPLES[depth]}
        )
    return number, brackets


def is_under(number: str, parent: str) -> bool:
    """Does "1.2.1" lie under "1.2"? (An activity under its area, an indicator under its activity.)"""
    return numbering.parent_number(number) == parent


def decimal(value: str, *, positive: bool = False, maximum: Decimal = MAX_VALUE) -> Decimal:
    """A number as the plans write it: Bangla or ASCII digits, a "%" sign and grouping commas ignored;
    never negative, at most two decimal places."""
    typed = to_ascii_digits(value).replace(",", "").replace("%", "").strip()
    try:
        number = Decimal(typed)
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite() or number < 0 or (positive and number == 0):
        raise RuleError(_("“%(value)s” is not a number.") % {"value": value})
    if number > maximum:
        raise RuleError(
            _("%(value)s is more than %(maximum)s.") % {"value": value, "maximum": shown_digits(maximum)}
        )
    if number != number.quantize(Decimal("0.01")):
        raise RuleError(_("“%(value)s” has more than two decimal places.") % {"value": value})
    return number


def unit(value: str) -> str:
    found = UNITS.get(value.strip())
    if found is None:
        raise RuleError(_("the unit must be তারিখ, সংখ্যা or %."))
    return found


def check_in_fiscal_year(day: datetime.date, fiscal_year: int) -> datetime.date:
    first, last = fiscal_year_bounds(fiscal_year)
    if not first <= day <= last:
        raise RuleError(
            _("%(date)s is outside the fiscal year %(year)s (1 July to 30 June).")
            % {"date": shown_date(day), "year": shown_fiscal_year(fiscal_year)}
        )
    return day


def date_in_year(value, fiscal_year: int) -> datetime.date:
    """A date typed day-month-year (or a date already), inside the fiscal year."""
    if not isinstance(value, datetime.date):
        try:
            value = parse_date(value)
        except DateInputError:
            raise RuleError(
                _("“%(value)s” is not a date written day-month-year, like ১৬-০৩-২০২২.") % {"value": value}
            ) from None
    return check_in_fiscal_year(value, fiscal_year)


def target(value, unit: str, fiscal_year: int):
    """A target, a tier or a quarter's target: a date in the fiscal year for a তারিখ indicator, else
    a number; None when empty."""
    if value is None or value == "":
        return None
    if unit == Unit.DATE:
        return date_in_year(value, fiscal_year)
    if isinstance(value, datetime.date):
        raise RuleError(_("“%(value)s” is not a number.") % {"value": shown_date(value)})
    return decimal(value if isinstance(value, str) else plain(Decimal(value)))


def text(value: str, limit: int) -> str:
    if len(value) > limit:
        raise RuleError(_("the text is longer than %(limit)s characters.") % {"limit": shown_digits(limit)})
    return value


# ---- One indicator -----------------------------------------------------------------------------------


def check_tiers(unit: str, tiers: dict, target=None) -> None:
    """{level: value}, অসাধারণ (100) first: each tier's date no earlier than the one above it, or each
    value no greater; the অসাধারণ tier, when given, is the target itself."""
    values = [tiers[level] for level in TIER_LEVELS if tiers.get(level) is not None]
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
        raise RuleError(_("the tiers are out of order: %(rule)s") % {"rule": rule})
    top = tiers.get(100)
    if top is not None and target is not None and top != target:
        raise RuleError(
            _("the অসাধারণ (100%%) tier is %(tier)s but the target is %(target)s: they must be the same.")
            % {"tier": shown_value(top), "target": shown_value(target)}
        )


# ---- The whole plan ----------------------------------------------------------------------------------


def first_uses(numbers: Iterable[tuple[str, object]]) -> list[tuple[object, object]]:
    """[(where a number is used again, where it was first used)] for (number, where) pairs in order."""
    first: dict[str, object] = {}
    repeated = []
    for number, where in numbers:
        if number in first:
            repeated.append((where, first[number]))
        else:
            first[number] = where
    return repeated


def marks_problems(areas: Iterable, total_marks: Decimal | None) -> list[str]:
    """Areas (each with .number, .marks, None if not given, and .weights, its indicators' sum) whose
    indicators do not add up to their marks, and a plan whose indicators do not add up to its total."""
    problems, total = [], Decimal(0)
    for area in areas:
        total += area.weights
        if area.marks is not None and area.weights != area.marks:
            problems.append(
                _("The indicators of area %(area)s add up to %(sum)s marks, but the area has %(marks)s.")
                % {
                    "area": shown_digits(area.number),
                    "sum": shown_digits(plain(area.weights)),
                    "marks": shown_digits(plain(area.marks)),
                }
            )
    if total_marks is not None and total != total_marks:
        problems.append(
            _("The indicators add up to %(sum)s marks, but the plan's total is %(total)s.")
            % {"sum": shown_digits(plain(total)), "total": shown_digits(plain(total_marks))}
        )
    return problems


def _named(number: str, brackets: bool, message: str) -> str:
    return _("%(number)s: %(problem)s") % {
        "number": shown_digits(numbering.show_number(number, brackets, bangla=False)),
        "problem": message,
    }


def indicator_problems(indicator: IndicatorDraft, fiscal_year: int, brackets: bool = True) -> list[str]:
    """What is wrong with one indicator's values, each message naming it: its weight, its target, a
    tier or a quarter's target (of the unit's kind and, as dates, inside the fiscal year), its tiers'
    order."""
    problems = []

    def check(what, *args, **kwargs):
        try:
            return what(*args, **kwargs)
        except RuleError as error:
            problems.append(_named(indicator.number, brackets, error.message))
            return None

    if indicator.unit not in Unit.values:
        return [_named(indicator.number, brackets, _("the unit must be তারিখ, সংখ্যা or %."))]
    if indicator.weight is None:
        problems.append(_named(indicator.number, brackets, _("the weight is missing.")))
    else:
        check(decimal, plain(Decimal(indicator.weight)), positive=True, maximum=MAX_WEIGHT)
    if indicator.target is None:
        problems.append(_named(indicator.number, brackets, _("the target is missing.")))
    else:
        check(target, indicator.target, indicator.unit, fiscal_year)
    values = [*indicator.tiers.values(), *indicator.quarters.values()]
    if all(check(target, value, indicator.unit, fiscal_year) is not None for value in values):
        check(check_tiers, indicator.unit, indicator.tiers, indicator.target)
    return problems


def draft_problems(draft: PlanDraft) -> list[str]:
    """What is wrong with a whole plan as the editor made it: numbers at their level and under their
    parents, used once; areas with activities, activities with indicators; each indicator's values;
    marks that add up (the same rules the importer applies row by row)."""
    brackets, problems = draft.numbers_in_brackets, []

    def shown(number):
        return shown_digits(numbering.show_number(number, brackets, bangla=False))

    levels = []
    for area in draft.areas:
        levels.append((area.number, 1, ""))
        if not area.activities:
            problems.append(_named(area.number, brackets, _("the area has no activity.")))
        for activity in area.activities:
            levels.append((activity.number, 2, area.number))
            if not activity.indicators:
                problems.append(_named(activity.number, brackets, _("the activity has no indicator.")))
            for indicator in activity.indicators:
                levels.append((indicator.number, 3, activity.number))
                problems += indicator_problems(indicator, draft.fiscal_year, brackets)
    for number, depth, parent in levels:
        if numbering.depth(number) != depth:
            problems.append(
                _("“%(value)s” is not a number like %(example)s.")
                % {"value": shown(number), "example": EXAMPLES[depth]}
            )
        elif parent and not is_under(number, parent):
            problems.append(
                _("%(number)s does not belong under %(parent)s.")
                % {"number": shown(number), "parent": shown(parent)}
            )
    for number, _first in first_uses((number, number) for number, _depth, _parent in levels):
        problems.append(_("The number %(number)s is used twice in the plan.") % {"number": shown(number)})
    return problems + marks_problems(draft.areas, draft.total_marks)
