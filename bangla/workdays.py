"""Working days: Friday and Saturday are the weekend, and Bangladesh's public holidays do not count.

Holidays come from the `holidays` package; its Islamic holidays are computed, so they may be a
day off the government's announcement, and one-off executive-order holidays may be missing. The
caller corrects that with an office's own announcements: `extra_holidays` (the office is closed:
an executive-order holiday, Eid as announced) and `extra_working_days` (the office is open although
the package or the weekend says otherwise: a computed holiday that was moved or cancelled, a
Saturday declared a working day). These module functions know nothing of offices; the offices app
supplies the two sets (offices.selectors.office_calendar).
"""

import datetime
from collections.abc import Collection
from functools import lru_cache

import holidays

WEEKEND = {4, 5}  # Friday, Saturday
NO_DATES: frozenset[datetime.date] = frozenset()


@lru_cache(maxsize=64)
def _holidays(year: int):
    return holidays.country_holidays("BD", years=year)


@lru_cache(maxsize=64)
def _named_holidays(year: int, language: str) -> dict[datetime.date, str]:
    return dict(sorted(holidays.country_holidays("BD", years=year, language=language).items()))


def public_holidays(year: int, language: str = "bn") -> dict[datetime.date, str]:
    """The year's public holidays by the package, in date order, named in `language` ("bn" or
    "en_US"). Two holidays on one day are named together ("…; …")."""
    return dict(_named_holidays(year, language))


def is_public_holiday(value: datetime.date) -> bool:
    return value in _holidays(value.year)


def is_working_day(
    value: datetime.date,
    *,
    extra_holidays: Collection[datetime.date] = NO_DATES,
    extra_working_days: Collection[datetime.date] = NO_DATES,
) -> bool:
    """Not a weekend day nor a public holiday, unless the office says otherwise (an extra working
    day wins over the weekend and the package; an extra holiday closes a day that would be open)."""
    if value in extra_working_days:
        return True
    if value in extra_holidays:
        return False
    return value.weekday() not in WEEKEND and value not in _holidays(value.year)


def add_working_days(
    start: datetime.date,
    days: int,
    *,
    extra_holidays: Collection[datetime.date] = NO_DATES,
    extra_working_days: Collection[datetime.date] = NO_DATES,
) -> datetime.date:
    """The date `days` working days after `start` (start itself not counted; 0 gives start)."""
    if days < 0:
        raise ValueError("days must not be negative")
    value = start
    while days > 0:
        value += datetime.timedelta(days=1)
        days -= is_working_day(value, extra_holidays=extra_holidays, extra_working_days=extra_working_days)
    return value


def working_days_span(start: datetime.date, days: int) -> range:
    """The calendar years `days` working days from `start` can reach, whatever the office announces
    (two calendar days per working day, and two months to spare): the years whose holidays matter."""
    last = start + datetime.timedelta(days=2 * days + 60)
    return range(start.year, last.year + 1)
