"""The words static/js/datepicker.js shows, as JSON in the page (scripts may only come from static files)."""

from django import template
from django.utils.html import json_script

from bangla.forms import datepicker_strings as strings

register = template.Library()


@register.simple_tag
def datepicker_strings():
    return json_script(strings(), "datepicker-strings")
