"""Dates as Bangladesh government documents write them, in Bangla digits."""

import datetime

from bangla.calendar import to_bangla
from bangla.digits import to_bangla_digits

MONTHS = (
    "জানুয়ারি", "ফেব্রুয়ারি", "মার্চ", "এপ্রিল", "মে", "জুন",
    "জুলাই", "আগস্ট", "সেপ্টেম্বর", "অক্টোবর", "নভেম্বর", "ডিসেম্বর",
)  # fmt: skip
WEEKDAYS = ("সোমবার", "মঙ্গলবার", "বুধবার", "বৃহস্পতিবার", "শুক্রবার", "শনিবার", "রবিবার")  # Monday first
GREGORIAN_ERA = "খ্রিস্টাব্দ"
BANGLA_ERA = "বঙ্গাব্দ"
_SEPARATORS = {"dotted": ".", "slashed": "/", "dashed": "-"}


def format_date(value: datetime.date, style: str = "long", era: bool = False) -> str:
    """long: ২২ ফেব্রুয়ারি ২০২১ · comma: ২৮ আগস্ট, ২০২২ · dotted: ১৭.০২.২০২১ · slashed: ২৫/০৭/২০২৪ ·
    dashed: ০৪-০৮-২০২৪; era=True adds " খ্রিস্টাব্দ"."""
    month = MONTHS[value.month - 1]
    if style == "long":
        text = f"{value.day} {month} {value.year}"
    elif style == "comma":
        text = f"{value.day} {month}, {value.year}"
    elif style in _SEPARATORS:
        sep = _SEPARATORS[style]
        text = f"{value.day:02d}{sep}{value.month:02d}{sep}{value.year}"
    else:
        raise ValueError(f"unknown date style {style!r}")
    return to_bangla_digits(f"{text} {GREGORIAN_ERA}" if era else text)


format_gregorian = format_date


def format_bangla_date(value: datetime.date, era: bool = False) -> str:
    """The same day in the Bangla calendar: ৯ ফাল্গুন ১৪২৭; era=True adds " বঙ্গাব্দ"."""
    day = to_bangla(value)
    text = f"{day.day} {day.month_name} {day.year}"
    return to_bangla_digits(f"{text} {BANGLA_ERA}" if era else text)


def format_dual_date(value: datetime.date, era: bool = False) -> str:
    """Both calendars, Bangla first, as on a memo line: ৯ ফাল্গুন ১৪২৭ / ২২ ফেব্রুয়ারি ২০২১."""
    return f"{format_bangla_date(value, era)} / {format_date(value, era=era)}"


def weekday_name(value: datetime.date) -> str:
    """সোমবার … রবিবার."""
    return WEEKDAYS[value.weekday()]
