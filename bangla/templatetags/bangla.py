"""Template filters: one-line wrappers over the plain functions of the bangla package."""

from django import template

from bangla import dates, fiscal, letters, ordinals, times
from bangla.digits import to_bangla_digits

register = template.Library()


def _blank(value) -> bool:
    return value is None or value == ""


@register.filter
def bn_digits(value):
    return "" if _blank(value) else to_bangla_digits(value)


@register.filter
def bn_date(value, style="long"):
    return "" if _blank(value) else dates.format_date(value, style)


@register.filter
def bangla_date(value):
    return "" if _blank(value) else dates.format_bangla_date(value)


@register.filter
def bn_dual_date(value):
    return "" if _blank(value) else dates.format_dual_date(value)


@register.filter
def bn_time(value, suffix="টা"):
    return "" if _blank(value) else times.format_time(value, suffix)


@register.filter
def bn_ordinal(value):
    return "" if _blank(value) else ordinals.ordinal_digits(int(value))


@register.filter
def bn_ordinal_word(value):
    return "" if _blank(value) else ordinals.ordinal_word(int(value))


@register.filter
def bn_fiscal_year(start_year, long=False):
    return "" if _blank(start_year) else fiscal.format_fiscal_year(int(start_year), long=bool(long))


@register.filter
def bn_decision_letter(index):
    return "" if _blank(index) else letters.decision_letter(int(index))
