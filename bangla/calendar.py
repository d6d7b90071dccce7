"""Bangladesh's revised Bangla calendar (বঙ্গাব্দ), as revised in 2019.

1 বৈশাখ is 14 April. বৈশাখ to আশ্বিন have 31 days; কার্তিক to মাঘ 30; ফাল্গুন 29,
or 30 when the Gregorian year it falls in is a leap year; চৈত্র 30. The year is
the Gregorian year − 593 from 14 April, − 594 before it.

These rules are applied to every year, also before 2019, when the official
calendar used other month lengths; dates of that time may differ by a day or two.
"""

import calendar as gregorian
import datetime
from dataclasses import dataclass

MONTHS = ("বৈশাখ", "জ্যৈষ্ঠ", "আষাঢ়", "শ্রাবণ", "ভাদ্র", "আশ্বিন", "কার্তিক", "অগ্রহায়ণ", "পৌষ", "মাঘ", "ফাল্গুন", "চৈত্র")
# As Bangladesh's English-language press spells them.
MONTHS_EN = ("Boishakh", "Joishtho", "Asharh", "Srabon", "Bhadro", "Ashwin", "Kartik", "Ogrohayon", "Poush", "Magh",
             "Falgun", "Choitro")  # fmt: skip
FALGUN = 11


def month_lengths(bangla_year: int) -> list[int]:
    """Days of each month of a Bangla year; its ফাল্গুন falls in Gregorian year bangla_year + 594."""
    falgun = 30 if gregorian.isleap(bangla_year + 594) else 29
    return [31] * 6 + [30] * 4 + [falgun, 30]


@dataclass(frozen=True)
class BanglaDate:
    year: int
    month: int  # 1 = বৈশাখ … 12 = চৈত্র
    day: int

    @property
    def month_name(self) -> str:
        return MONTHS[self.month - 1]


def new_year(bangla_year: int) -> datetime.date:
    """1 বৈশাখ of the year."""
    return datetime.date(bangla_year + 593, 4, 14)


def to_bangla(value: datetime.date) -> BanglaDate:
    """The Bangla date of a Gregorian date (a datetime counts as its date)."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    year = value.year - 593 if (value.month, value.day) >= (4, 14) else value.year - 594
    offset = (value - new_year(year)).days
    for month, length in enumerate(month_lengths(year), start=1):
        if offset < length:
            return BanglaDate(year, month, offset + 1)
        offset -= length
    raise AssertionError("a Bangla year covers exactly one Gregorian year from 14 April")


def from_bangla(year: int, month: int, day: int) -> datetime.date:
    """The Gregorian date of a Bangla date; ValueError if that day does not exist."""
    lengths = month_lengths(year)
    if not (1 <= month <= 12 and 1 <= day <= lengths[month - 1]):
        raise ValueError(f"{day}/{month}/{year} is not a day of the Bangla calendar")
    return new_year(year) + datetime.timedelta(days=sum(lengths[: month - 1]) + day - 1)
