from django import template

from bangla.digits import to_bangla_digits

register = template.Library()


@register.filter
def bn_digits(value):
    return "" if value in (None, "") else to_bangla_digits(value)
