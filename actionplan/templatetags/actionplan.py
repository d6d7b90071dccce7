"""Showing a plan's numbers and values: one-line wrappers over actionplan/numbering.py."""

from django import template
from django.utils.html import format_html, format_html_join

from actionplan.numbering import show_number, show_value
from bangla.templatetags.bangla import bn_digits

register = template.Library()


@register.filter
def plan_number(number, brackets=True):
    """ "1.1.1" -> "[১.১.১]" or "১.১.১", as the plan writes them (ASCII digits in English)."""
    return bn_digits(show_number(str(number), bool(brackets), bangla=False))


@register.filter
def plan_value(value):
    """A target, a weight or a tier: a date day-month-year, a number without trailing zeros."""
    return bn_digits(show_value(value, bangla=False))


@register.simple_tag
def checkbox_choices(field):
    """A multiple-choice field as inline checkboxes, written here rather than by a widget template
    for each (the plan editor shows six for each of a plan's indicators)."""
    chosen = {str(value) for value in field.value() or ()}
    disabled = format_html(" disabled") if field.field.disabled else ""
    return format_html_join(
        "",
        '<div class="form-check form-check-inline small mb-0"><input class="form-check-input" '
        'type="checkbox" name="{}" value="{}" id="{}"{}{}><label class="form-check-label" for="{}">{}</label></div>',
        (
            (
                field.html_name,
                value,
                f"{field.auto_id}_{index}",
                format_html(" checked") if str(value) in chosen else "",
                disabled,
                f"{field.auto_id}_{index}",
                label,
            )
            for index, (value, label) in enumerate(field.field.choices)
        ),
    )
