"""Showing a plan's numbers and values: one-line wrappers over actionplan/numbering.py."""

import datetime
from decimal import Decimal

from django import template

from actionplan.numbering import show_number
from actionplan.rules import plain
from bangla.templatetags.bangla import bn_digits

register = template.Library()


@register.filter
def plan_number(number, brackets=True):
    """ "1.1.1" -> "[১.১.১]" or "১.১.১", as the plan writes them (ASCII digits in English)."""
    return bn_digits(show_number(str(number), bool(brackets), bangla=False))


@register.filter
def plan_value(value):
    """A target, a weight or a tier: a date day-month-year, a number without trailing zeros."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime.date):
        return bn_digits(value.strftime("%d-%m-%Y"))
    if isinstance(value, Decimal):
        value = plain(value)
    return bn_digits(value)
