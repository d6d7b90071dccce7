"""Template filters: thin wrappers over the plain functions of the bangla package.

Like Django's own filters they fail quietly: None, "" and values of the wrong kind give "".
Aware datetimes are shown in the current time zone.
"""

import datetime

from django import template
from django.utils import timezone

from bangla import dates, digits, fiscal, letters, ordinals, times

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


def _as_int(value):
    try:
        return int(digits.to_ascii_digits(value))
    except (TypeError, ValueError):
        return None


@register.filter
def bn_digits(value):
    return "" if value is None or value == "" else digits.to_bangla_digits(value)


@register.filter
def bn_number(value):
    number = _as_int(value)
    return "" if number is None else digits.bn_number(number)


@register.filter
def bn_date(value, style="long"):
    day = _as_date(value)
    try:
        return "" if day is None else dates.format_date(day, style)
    except ValueError:
        return ""


@register.filter
def bangla_date(value):
    day = _as_date(value)
    return "" if day is None else dates.format_bangla_date(day)


@register.filter
def bn_dual_date(value):
    day = _as_date(value)
    return "" if day is None else dates.format_dual_date(day)


@register.filter
def bn_time(value, suffix="টা"):
    value = _local(value)
    if not isinstance(value, (datetime.time, datetime.datetime)):
        return ""
    return times.format_time(value, suffix)


@register.filter
def bn_ordinal(value):
    number = _as_int(value)
    return "" if number is None or number < 1 else ordinals.ordinal_digits(number)


@register.filter
def bn_ordinal_word(value):
    number = _as_int(value)
    return "" if number is None or number < 1 else ordinals.ordinal_word(number)


@register.filter
def bn_fiscal_year(value, long=False):
    """A date gives its fiscal year; a number is the year the fiscal year starts in."""
    day = _as_date(value)
    if day is not None:
        return fiscal.fiscal_year_of(day, long=bool(long))
    start = _as_int(value)
    return "" if start is None else fiscal.format_fiscal_year(start, long=bool(long))


@register.filter
def bn_decision_letter(index):
    number = _as_int(index)
    return "" if number is None or number < 0 else letters.decision_letter(number)
