"""Template filters: thin wrappers over the plain functions of the bangla package.

They write in the page's language: Bangla (digits, months of both calendars), or, for a user who
chose English, ASCII digits and English month names; decision letters stay Bangla. Documents are
Bangla whatever the page's language: they use the plain functions, not these filters.
Like Django's own filters they fail quietly: None, "" and values of the wrong kind give "".
Aware datetimes are shown in the current time zone.
"""

import datetime

from django import template
from django.utils import timezone
from django.utils.translation import get_language

from bangla import calendar, dates, digits, fiscal, letters, ordinals, times

register = template.Library()


def _local(value):
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def _as_date(value):
    value = _local(value)
    if isinstance(value, datetime.datetime):
        return value.date()
    return value if isinstance(value, datetime.date) else None


def _english() -> bool:
    return (get_language() or "").startswith("en")


def _english_date(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _english_bangla_date(day: datetime.date) -> str:
    bangla = calendar.to_bangla(day)
    return f"{bangla.day} {calendar.MONTHS_EN[bangla.month - 1]} {bangla.year}"


def _as_int(value):
    try:
        return int(digits.to_ascii_digits(value))
    except (TypeError, ValueError):
        return None


@register.filter
def bn_digits(value):
    if value is None or value == "":
        return ""
    return digits.to_ascii_digits(value) if _english() else digits.to_bangla_digits(value)


@register.filter
def bn_number(value):
    number = _as_int(value)
    if number is None:
        return ""
    return f"{number:,}" if _english() else digits.bn_number(number)


@register.filter
def bn_date(value, style="long"):
    day = _as_date(value)
    try:
        if day is None:
            return ""
        return _english_date(day) if _english() else dates.format_date(day, style)
    except ValueError:
        return ""


@register.filter
def bangla_date(value):
    day = _as_date(value)
    if day is None:
        return ""
    return _english_bangla_date(day) if _english() else dates.format_bangla_date(day)


@register.filter
def bn_dual_date(value):
    day = _as_date(value)
    if day is None:
        return ""
    return (
        f"{_english_date(day)} ({_english_bangla_date(day)})" if _english() else dates.format_dual_date(day)
    )


@register.filter
def bn_weekday(value):
    day = _as_date(value)
    if day is None:
        return ""
    return f"{day:%A}" if _english() else dates.weekday_name(day)


@register.filter
def bn_time(value, suffix="টা"):
    value = _local(value)
    if not isinstance(value, (datetime.time, datetime.datetime)):
        return ""
    if _english():
        return f"{value.hour % 12 or 12}:{value.minute:02d} {'am' if value.hour < 12 else 'pm'}"
    return times.format_time(value, suffix)


@register.filter
def bn_ordinal(value):
    number = _as_int(value)
    if number is None or number < 1:
        return ""
    if _english():
        suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
        return f"{number}{suffix}"
    return ordinals.ordinal_digits(number)


@register.filter
def bn_ordinal_word(value):
    number = _as_int(value)
    if number is None or number < 1:
        return ""
    return bn_ordinal(number) if _english() else ordinals.ordinal_word(number)


@register.filter
def bn_fiscal_year(value, long=False):
    """A date gives its fiscal year; a number is the year the fiscal year starts in."""
    day = _as_date(value)
    if day is not None:
        text = fiscal.fiscal_year_of(day, long=bool(long))
    else:
        start = _as_int(value)
        text = "" if start is None else fiscal.format_fiscal_year(start, long=bool(long))
    return digits.to_ascii_digits(text) if _english() else text


@register.filter
def bn_decision_letter(index):
    number = _as_int(index)
    return "" if number is None or number < 0 else letters.decision_letter(number)
