"""Distribution groups: an office's reusable distribution lists ("সকল অধিদপ্তর প্রধান"), kept by its
administrators in the office administration (a section this package adds to it), and added to a
meeting's distribution list in the editor."""

from django.utils.translation import gettext_lazy as _

from offices.administration.sections import Section

SECTION = Section(
    "groups",
    _("Distribution groups"),
    "minutes:groups",
    _("Reusable distribution lists for the minutes."),
)
