"""Working days: Friday and Saturday are the weekend, and Bangladesh's public holidays do not count.

Holidays come from the `holidays` package; its Islamic holidays are computed, so they may be a
day off the government's announcement, and one-off executive-order holidays may be missing.
"""

import datetime
from functools import lru_cache

import holidays

WEEKEND = {4, 5}  # Friday, Saturday


@lru_cache(maxsize=64)
def _holidays(year: int):
    return holidays.country_holidays("BD", years=year)


def is_working_day(value: datetime.date) -> bool:
    return value.weekday() not in WEEKEND and value not in _holidays(value.year)


def add_working_days(start: datetime.date, days: int) -> datetime.date:
    """The date `days` working days after `start` (start itself not counted; 0 gives start)."""
    if days < 0:
        raise ValueError("days must not be negative")
    value = start
    while days > 0:
        value += datetime.timedelta(days=1)
        days -= is_working_day(value)
    return value
