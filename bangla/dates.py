"""Dates as Bangladesh government documents write them, in Bangla digits."""

import calendar
import datetime
import re

from bangla.calendar import to_bangla
from bangla.digits import to_ascii_digits, to_bangla_digits

MONTHS = (
    "জানুয়ারি", "ফেব্রুয়ারি", "মার্চ", "এপ্রিল", "মে", "জুন",
    "জুলাই", "আগস্ট", "সেপ্টেম্বর", "অক্টোবর", "নভেম্বর", "ডিসেম্বর",
)  # fmt: skip
WEEKDAYS = ("সোমবার", "মঙ্গলবার", "বুধবার", "বৃহস্পতিবার", "শুক্রবার", "শনিবার", "রবিবার")  # Monday first
WEEKDAYS_SHORT = ("সোম", "মঙ্গল", "বুধ", "বৃহঃ", "শুক্র", "শনি", "রবি")  # a calendar's column heads
GREGORIAN_ERA = "খ্রিস্টাব্দ"
GREGORIAN_ERA_SHORT = "খ্রি:"
BANGLA_ERA = "বঙ্গাব্দ"
_SEPARATORS = {"dotted": ".", "slashed": "/", "dashed": "-"}


def format_date(value: datetime.date, style: str = "long", era: bool | str = False, pad: bool = False) -> str:
    """long: ২২ ফেব্রুয়ারি ২০২১ · comma: ২৮ আগস্ট, ২০২২ · dotted: ১৭.০২.২০২১ · slashed: ২৫/০৭/২০২৪ ·
    dashed: ০৪-০৮-২০২৪. era=True adds " খ্রিস্টাব্দ", era="short" adds " খ্রি:"; pad=True writes the day
    of the long forms with two digits (০৫ সেপ্টেম্বর ২০২২)."""
    month = MONTHS[value.month - 1]
    day = f"{value.day:02d}" if pad else f"{value.day}"
    if style == "long":
        text = f"{day} {month} {value.year}"
    elif style == "comma":
        text = f"{day} {month}, {value.year}"
    elif style in _SEPARATORS:
        sep = _SEPARATORS[style]
        text = f"{value.day:02d}{sep}{value.month:02d}{sep}{value.year}"
    else:
        raise ValueError(f"unknown date style {style!r}")
    if era:
        text = f"{text} {GREGORIAN_ERA_SHORT if era == 'short' else GREGORIAN_ERA}"
    return to_bangla_digits(text)


# The forms of a date that minutes print (name -> (style, era, pad)), each named by an example.
DATE_FORMS = {
    "dotted_era": ("dotted", True, False),  # ১৭.০২.২০২১ খ্রিস্টাব্দ
    "dotted": ("dotted", False, False),  # ১৭.০২.২০২১
    "slashed": ("slashed", False, False),  # ২৫/০৭/২০২৪
    "slashed_era_short": ("slashed", "short", False),  # ২৫/০৭/২০২৪ খ্রি:
    "dashed": ("dashed", False, False),  # ০৪-০৮-২০২৪
    "long": ("long", False, False),  # ২৮ আগস্ট ২০২২
    "comma": ("comma", False, False),  # ২৮ আগস্ট, ২০২২
    "long_era": ("long", True, False),  # ২৮ আগস্ট ২০২২ খ্রিস্টাব্দ
}


def format_date_form(value: datetime.date, form: str) -> str:
    """The date in one of DATE_FORMS: format_date_form(d, "comma") -> ২৮ আগস্ট, ২০২২."""
    style, era, pad = DATE_FORMS[form]
    return format_date(value, style, era=era, pad=pad)


format_gregorian = format_date


def format_bangla_date(value: datetime.date, era: bool = False, pad: bool = False) -> str:
    """The same day in the Bangla calendar: ৯ ফাল্গুন ১৪২৭; era=True adds " বঙ্গাব্দ"; pad=True: ০৯ ফাল্গুন."""
    day = to_bangla(value)
    text = f"{day.day:02d}" if pad else f"{day.day}"
    text = f"{text} {day.month_name} {day.year}"
    return to_bangla_digits(f"{text} {BANGLA_ERA}" if era else text)


def format_dual_date(value: datetime.date, era: bool = False, pad: bool = False) -> str:
    """Both calendars, Bangla first, as on a memo line: ৯ ফাল্গুন ১৪২৭ / ২২ ফেব্রুয়ারি ২০২১."""
    return f"{format_bangla_date(value, era, pad)} / {format_date(value, era=era, pad=pad)}"


def weekday_name(value: datetime.date) -> str:
    """সোমবার … রবিবার."""
    return WEEKDAYS[value.weekday()]


# What users type (after Bangla digits become ASCII): day first with ".", "/" or "-" (the same one
# twice), or ISO year first; spaces around the separators are forgiven. re.ASCII: \d is 0-9 only.
_DAY_FIRST = re.compile(r"(\d{1,2})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{4})", re.ASCII)
_YEAR_FIRST = re.compile(r"(\d{4})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{1,2})", re.ASCII)


class DateInputError(ValueError):
    """Why a typed date was refused. code: "format" (not a date as we write them), "month" (no such
    month) or "day" (no such day in that month: 30.02.2024); day, month and year as typed (or None)."""

    def __init__(self, code: str, day: int | None = None, month: int | None = None, year: int | None = None):
        super().__init__(code)
        self.code, self.day, self.month, self.year = code, day, month, year

    @property
    def days_in_month(self) -> int:
        return calendar.monthrange(self.year, self.month)[1]


def parse_date(text: str) -> datetime.date:
    """২৫.১০.২০২২, 25/10/2022, 25-10-2022 or 2022-10-25, in Bangla or ASCII digits (even mixed);
    leading zeros may be left out (৫.৭.২০২৪). Raises DateInputError."""
    typed = to_ascii_digits(text).strip()
    if match := _DAY_FIRST.fullmatch(typed):
        day, month, year = int(match[1]), int(match[3]), int(match[4])
    elif match := _YEAR_FIRST.fullmatch(typed):
        year, month, day = int(match[1]), int(match[3]), int(match[4])
    else:
        raise DateInputError("format")
    if year < 1:
        raise DateInputError("format")
    if not 1 <= month <= 12:
        raise DateInputError("month", day, month, year)
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise DateInputError("day", day, month, year)
    return datetime.date(year, month, day)
