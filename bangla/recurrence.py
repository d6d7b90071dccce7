"""Recurring deadlines: one occurrence per month, or per quarter of the fiscal year.

The minutes write them "প্রতি মাসের ১০ তারিখের মধ্যে" (by the 10th of every month) or
"প্রতি ত্রৈমাসিকের তৃতীয় মাসের প্রথম সপ্তাহের মধ্যে" (by the end of the first week of the third
month of every quarter). Quarters are the government's: July–September, October–December,
January–March, April–June. A day past the month's end (31 in a 30-day month, 29 in a
February of 28) falls on the month's last day, as a deadline "by the 31st" means.
"""

import calendar
import datetime
from dataclasses import dataclass

from bangla.digits import to_bangla_digits
from bangla.ordinals import ordinal_word

MONTH, QUARTER = "month", "quarter"
PERIODS = (MONTH, QUARTER)
_WEEK_ENDS = {7: 1, 14: 2, 21: 3, 28: 4}  # "the first week" is by the 7th …
_QUARTER_STARTS = (7, 10, 1, 4)  # July, October, January, April


@dataclass(frozen=True)
class Recurrence:
    every: str  # MONTH or QUARTER
    month: int | None = None  # the month of the quarter, 1 to 3 (quarterly only)
    day: int | None = None  # 1 to 31; None: the month's last day

    def __post_init__(self):
        if self.every not in PERIODS:
            raise ValueError(f"a deadline recurs every month or quarter, not {self.every!r}")
        if self.every == QUARTER and self.month not in (1, 2, 3):
            raise ValueError("a quarterly deadline names the month of the quarter, 1 to 3")
        if self.every == MONTH and self.month is not None:
            raise ValueError("a monthly deadline names no month")
        if self.day is not None and not 1 <= self.day <= 31:
            raise ValueError("the day of the month is 1 to 31")

    def recurs_in(self, year: int, month: int) -> bool:
        """Whether the deadline falls in this month: every month, or the quarter's chosen month."""
        return self.every == MONTH or (month - 7) % 3 == self.month - 1

    def due_in(self, year: int, month: int) -> datetime.date:
        """The due date in a month it recurs in: the day, or the month's last day."""
        last = calendar.monthrange(year, month)[1]
        return datetime.date(year, month, min(self.day or last, last))

    def occurrences(self, start: datetime.date, until: datetime.date) -> list[datetime.date]:
        """The due dates from `start` to `until` (both included), one per month or quarter."""
        dates, year, month = [], start.year, start.month
        while (year, month) <= (until.year, until.month):
            if self.recurs_in(year, month):
                due = self.due_in(year, month)
                if start <= due <= until:
                    dates.append(due)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return dates

    def words(self) -> str:
        """The rule as the minutes write it: "প্রতি মাসের ১০ তারিখের মধ্যে"."""
        if self.day is None:
            by = "শেষ তারিখের মধ্যে"
        elif self.day in _WEEK_ENDS:
            by = f"{ordinal_word(_WEEK_ENDS[self.day])} সপ্তাহের মধ্যে"
        else:
            by = f"{to_bangla_digits(self.day)} তারিখের মধ্যে"
        if self.every == MONTH:
            return f"প্রতি মাসের {by}"
        return f"প্রতি ত্রৈমাসিকের {ordinal_word(self.month)} মাসের {by}"


def quarter_start(value: datetime.date) -> datetime.date:
    """The first day of the fiscal quarter `value` falls in: 15 Feb 2024 -> 1 Jan 2024."""
    month = next(m for m in _QUARTER_STARTS if 0 <= (value.month - m) % 12 < 3)
    return datetime.date(value.year, month, 1)


def quarter_end(value: datetime.date) -> datetime.date:
    start = quarter_start(value)
    month = start.month + 2
    return datetime.date(start.year, month, calendar.monthrange(start.year, month)[1])
