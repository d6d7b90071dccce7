"""How an action-plan indicator is scored (../shared/design/domain.md, "The action plan in detail").

Plain functions on plain values, so that the models, the reports and the benchmarks share one rule.

An indicator's terms: a unit (তারিখ "date", সংখ্যা "count", % "percent"), a weight in marks (সূচকের
মান), a target, and optionally tiers: (level, threshold) pairs, highest level first, as the plans
print them: অসাধারণ 1.0, অতি উত্তম 0.9, উত্তম 0.8, চলতি মান 0.7, চলতি মানের নিম্নে 0.6.

Marks ("so far": what has been reported)
- Count and %: weight × achieved ÷ target, at most the weight. Reaching the target earns the full
  weight; going beyond it is allowed, earns no more, and is flagged "above_target".
- Count and % with tiers: weight × the level of the highest tier whose threshold was reached
  (exactly on a threshold counts as reached); nothing below the lowest tier.
- Date with tiers: weight × the level of the earliest-dated tier the achievement met (done on or
  before that tier's date; exactly on the date counts as met); nothing after the last tier's date,
  flagged "late".
- Date without tiers: the full weight on or before the target date; nothing after it, flagged "late".
- A target of 0 (count or %): the full weight as soon as anything is reported, even 0, since any
  report reaches it; nothing without a report. (The plan asked only for a report.)
- No report: nothing, flagged "missing".
- Marks are rounded half-up to 2 places (5.025 -> 5.03) per indicator; an area's and the plan's
  totals add the rounded marks, so the totals are the sums of the figures shown.

Refused with ValueError, never mis-scored: a negative achievement, a count that is not whole, an
achievement of the wrong kind (a date for a count, a number for a date), tiers out of order (levels
must fall, count/% thresholds must fall, dates must rise), a tier at 100% that contradicts the
target, a weight below 0, terms with neither target nor tiers.

Quarterly reports make the year's achievement: a count adds the quarters' counts, a percentage is
the latest quarter's (progress to date), a date is the earliest reported.

Projected marks (what the plan will score at year end if every indicator keeps its pace)
- `quarters` is the number of quarters (0-4) that the achievement so far covers: the quarters of
  the fiscal year that have ended (`quarters_elapsed`), a quarter without a report counting as 0.
- Count: the achievement so far × 4 ÷ quarters, scored as above (so capped at the weight).
- %: a percentage is already a rate, so its pace is itself: the latest reported percentage, scored
  as above.
- Before any quarter has closed (quarters = 0), a count or % indicator is projected on track: as if
  it reached its target (or the top tier), or its achievement so far if that is higher.
- A count or % indicator with no report once a quarter has closed projects 0.
- Date: a reported date scores as reported. An unreported date indicator is projected as if done
  today: the full weight (or the best tier) while its date has not passed, the tier still within
  reach after that, and 0 once the last date has passed.
"""

import datetime
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

from bangla.digits import to_ascii_digits

DATE, COUNT, PERCENT = "date", "count", "percent"
UNITS = (DATE, COUNT, PERCENT)

ABOVE_TARGET, MISSING, LATE = "above_target", "missing", "late"

# The five tiers of the plans: অসাধারণ, অতি উত্তম, উত্তম, চলতি মান, চলতি মানের নিম্নে.
STANDARD_LEVELS = (Decimal("1.0"), Decimal("0.9"), Decimal("0.8"), Decimal("0.7"), Decimal("0.6"))

QUARTERS_IN_YEAR = 4
_CENTS = Decimal("0.01")
_ZERO = Decimal(0)


class Tier(NamedTuple):
    level: Decimal  # 1.0, 0.9 … : the share of the weight this tier earns
    threshold: Decimal | datetime.date  # a count or % to reach, or a date to be done by


@dataclass(frozen=True)
class IndicatorTerms:
    """What the plan asks of one indicator; checked when built (ValueError if inconsistent)."""

    unit: str
    weight: Decimal
    target: Decimal | datetime.date | None = None
    tiers: tuple[Tier, ...] = ()

    def __post_init__(self):
        if self.unit not in UNITS:
            raise ValueError(f"unknown unit {self.unit!r}: expected one of {UNITS}")
        weight = _number(self.weight, "weight")
        if weight < 0:
            raise ValueError(f"a weight below 0: {weight}")
        object.__setattr__(self, "weight", weight)
        if self.target is not None:
            object.__setattr__(self, "target", self._threshold(self.target, "target"))
        tiers = tuple(self._tier(tier) for tier in self.tiers)
        object.__setattr__(self, "tiers", tiers)
        if self.target is None and not tiers:
            raise ValueError("an indicator needs a target or tiers")
        _check_order(self.unit, tiers)
        top = tiers[0] if tiers else None
        if top and top.level == 1 and self.target is not None and top.threshold != self.target:
            raise ValueError(f"the 100% tier ({top.threshold}) contradicts the target ({self.target})")

    @property
    def full_target(self) -> Decimal | datetime.date:
        """What earns the full weight (or the top tier): the target, or else the top tier's threshold."""
        return self.target if self.target is not None else self.tiers[0].threshold

    def _threshold(self, value, what):
        if self.unit == DATE:
            return _date(value, what)
        number = _number(value, what)
        if number < 0:
            raise ValueError(f"a {what} below 0: {number}")
        return number

    def _tier(self, tier) -> Tier:
        level, threshold = tier
        level = _number(level, "tier level")
        if not 0 < level <= 1:
            raise ValueError(f"a tier level must be above 0 and at most 1, not {level}")
        return Tier(level, self._threshold(threshold, "tier threshold"))


@dataclass(frozen=True)
class IndicatorScore:
    marks: Decimal  # rounded half-up to 2 places
    weight: Decimal  # the most it could earn
    level: Decimal | None = None  # the tier reached (tiered indicators only), None below the lowest
    flags: frozenset[str] = frozenset()  # ABOVE_TARGET, MISSING, LATE

    @property
    def missing(self) -> bool:
        return MISSING in self.flags

    @property
    def late(self) -> bool:
        return LATE in self.flags

    @property
    def above_target(self) -> bool:
        return ABOVE_TARGET in self.flags


@dataclass(frozen=True)
class Total:
    marks: Decimal
    out_of: Decimal  # the sum of the weights


def indicator_score(terms: IndicatorTerms, achieved: Decimal | int | datetime.date | None) -> IndicatorScore:
    """The marks earned so far: `achieved` is the date done, the count or the percentage reported
    (cumulative for the year), or None if nothing was reported."""
    if achieved is None:
        return IndicatorScore(_ZERO.quantize(_CENTS), terms.weight, flags=frozenset({MISSING}))
    return _score(terms, _achievement(terms.unit, achieved))


def projected_score(
    terms: IndicatorTerms,
    achieved: Decimal | int | datetime.date | None,
    *,
    quarters: int,
    today: datetime.date,
) -> IndicatorScore:
    """The marks at year end if the indicator keeps its pace (rules in the module docstring).
    `quarters`: how many quarters (0-4) `achieved` covers; `today`: for unreported date indicators."""
    if isinstance(quarters, bool) or not isinstance(quarters, int) or not 0 <= quarters <= QUARTERS_IN_YEAR:
        raise ValueError(f"quarters must be a whole number from 0 to 4, not {quarters!r}")
    missing = frozenset({MISSING}) if achieved is None else frozenset()
    if achieved is not None:
        achieved = _achievement(terms.unit, achieved)
    if terms.unit == DATE:
        projected = _score(terms, _date(today, "today") if achieved is None else achieved)
    elif quarters == 0:
        on_track = terms.full_target
        projected = _score(terms, on_track if achieved is None else max(achieved, on_track))
    elif achieved is None:
        projected = IndicatorScore(_ZERO.quantize(_CENTS), terms.weight)
    elif terms.unit == COUNT:
        projected = _score(terms, achieved * QUARTERS_IN_YEAR / quarters)
    else:
        projected = _score(terms, achieved)
    return IndicatorScore(projected.marks, projected.weight, projected.level, projected.flags | missing)


def achievement_so_far(unit: str, by_quarter: Mapping[int, Decimal | int | datetime.date | None]):
    """The year's achievement from quarterly reports ({1: …, 4: …}; None or absent: not reported):
    a count adds the quarters' counts, a percentage is the latest quarter's (progress to date), a
    date is the earliest reported. Nothing reported gives None (scored "missing")."""
    if unit not in UNITS:
        raise ValueError(f"unknown unit {unit!r}: expected one of {UNITS}")
    if any(isinstance(q, bool) or q not in range(1, QUARTERS_IN_YEAR + 1) for q in by_quarter):
        raise ValueError(f"quarters are numbered 1 to 4, not {sorted(by_quarter, key=str)}")
    reported = {q: _achievement(unit, value) for q, value in sorted(by_quarter.items()) if value is not None}
    if not reported:
        return None
    if unit == COUNT:
        return sum(reported.values(), _ZERO)
    if unit == PERCENT:
        return reported[max(reported)]
    return min(reported.values())


def area_score(scores: Iterable[IndicatorScore]) -> Total:
    """An area's marks: the sum of its indicators' (rounded) marks, out of the sum of their weights."""
    scores = list(scores)
    return Total(sum((s.marks for s in scores), _ZERO), sum((s.weight for s in scores), _ZERO))


def plan_score(areas: Iterable[Total]) -> Total:
    """The plan's marks: the sum of its areas' totals."""
    areas = list(areas)
    return Total(sum((a.marks for a in areas), _ZERO), sum((a.out_of for a in areas), _ZERO))


def quarters_elapsed(today: datetime.date, fiscal_year_start: int) -> int:
    """How many quarters of the fiscal year starting 1 July `fiscal_year_start` have ended before
    `today`: 0 until 30 September, 1 from 1 October … 4 from 1 July of the next year."""
    months = (today.year - fiscal_year_start) * 12 + today.month - 7
    return max(0, min(QUARTERS_IN_YEAR, months // 3))


_TYPED_NUMBER = re.compile(r"(?:[0-9]+|[0-9]{1,3}(?:,[0-9]{2})*,[0-9]{3})(?:\.[0-9]+)?", re.ASCII)


def parse_achievement(text: str) -> Decimal:
    """A count or percentage as a user types it: "৮৫", "85.5", "৮৫%", " ১২.৫ % ", "১,২০০" -> Decimal.
    Bangla or ASCII digits (even mixed), one decimal point, commas only as thousands/lakh groups,
    an optional % at the end. Empty text, a sign, letters, other scripts' digits -> ValueError."""
    typed = to_ascii_digits(text).strip()
    if typed.endswith("%"):
        typed = typed[:-1].rstrip()
    if not _TYPED_NUMBER.fullmatch(typed):
        raise ValueError(f"not an achievement (a number from 0 up, Bangla or ASCII digits): {text!r}")
    return Decimal(typed.replace(",", ""))


def _score(terms: IndicatorTerms, achieved) -> IndicatorScore:
    if terms.unit == DATE:
        return _date_score(terms, achieved)
    above = frozenset({ABOVE_TARGET}) if achieved > terms.full_target else frozenset()
    if terms.tiers:
        level = next((t.level for t in terms.tiers if achieved >= t.threshold), None)
        return IndicatorScore(_marks(terms.weight * (level or 0)), terms.weight, level, above)
    share = Decimal(1) if achieved >= terms.target else achieved / terms.target
    return IndicatorScore(_marks(terms.weight * share), terms.weight, flags=above)


def _date_score(terms: IndicatorTerms, done: datetime.date) -> IndicatorScore:
    if terms.tiers:
        level = next((t.level for t in terms.tiers if done <= t.threshold), None)
        late = frozenset({LATE}) if level is None else frozenset()
        return IndicatorScore(_marks(terms.weight * (level or 0)), terms.weight, level, late)
    if done <= terms.target:
        return IndicatorScore(_marks(terms.weight), terms.weight)
    return IndicatorScore(_marks(_ZERO), terms.weight, flags=frozenset({LATE}))


def _check_order(unit: str, tiers: tuple[Tier, ...]):
    for higher, lower in zip(tiers, tiers[1:], strict=False):
        if lower.level >= higher.level:
            raise ValueError(f"tiers out of order: level {lower.level} after {higher.level}")
        if unit == DATE and lower.threshold <= higher.threshold:
            raise ValueError(f"tiers out of order: {lower.threshold} is not later than {higher.threshold}")
        if unit != DATE and lower.threshold >= higher.threshold:
            raise ValueError(f"tiers out of order: {lower.threshold} is not below {higher.threshold}")


def _achievement(unit: str, achieved):
    if unit == DATE:
        return _date(achieved, "achievement")
    number = _number(achieved, "achievement")
    if number < 0:
        raise ValueError(f"a negative achievement: {number}")
    if unit == COUNT and number != number.to_integral_value():
        raise ValueError(f"a count must be a whole number, not {number}")
    return number


def _number(value, what) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise ValueError(f"the {what} must be a number (Decimal or int), not {value!r}")
    number = Decimal(value)
    if not number.is_finite():
        raise ValueError(f"the {what} must be finite, not {value!r}")
    return number


def _date(value, what) -> datetime.date:
    if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
        raise ValueError(f"the {what} must be a date, not {value!r}")
    return value


def _marks(value: Decimal) -> Decimal:
    return Decimal(value).quantize(_CENTS, rounding=ROUND_HALF_UP)
