"""Dates as Bangladesh government documents write them, in Bangla digits."""

import datetime

from bangla.calendar import to_bangla
from bangla.digits import to_bangla_digits

MONTHS = (
    "জানুয়ারি", "ফেব্রুয়ারি", "মার্চ", "এপ্রিল", "মে", "জুন",
    "জুলাই", "আগস্ট", "সেপ্টেম্বর", "অক্টোবর", "নভেম্বর", "ডিসেম্বর",
)  # fmt: skip
WEEKDAYS = ("সোমবার", "মঙ্গলবার", "বুধবার", "বৃহস্পতিবার", "শুক্রবার", "শনিবার", "রবিবার")  # Monday first


def format_date(value: datetime.date, style: str = "long") -> str:
    """long: ২২ ফেব্রুয়ারি ২০২১ · dotted: ১৭.০২.২০২১ · slashed: ২৫/০৭/২০২৪ · dashed: ০৪-০৮-২০২৪."""
    if style == "long":
        return to_bangla_digits(f"{value.day} {MONTHS[value.month - 1]} {value.year}")
    separator = {"dotted": ".", "slashed": "/", "dashed": "-"}[style]
    return to_bangla_digits(value.strftime(f"%d{separator}%m{separator}%Y"))


def format_bangla_date(value: datetime.date) -> str:
    """The same day in the Bangla calendar: ৯ ফাল্গুন ১৪২৭."""
    day = to_bangla(value)
    return to_bangla_digits(f"{day.day} {day.month_name} {day.year}")


def format_dual_date(value: datetime.date) -> str:
    """Both calendars, Bangla first, as on a memo line: ৯ ফাল্গুন ১৪২৭ / ২২ ফেব্রুয়ারি ২০২১."""
    return f"{format_bangla_date(value)} / {format_date(value)}"


def weekday_name(value: datetime.date) -> str:
    return WEEKDAYS[value.weekday()]
