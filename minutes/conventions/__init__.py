"""Document conventions (house style): an office's administrator sets how the office writes its
minutes, on a page of the office administration (a section this package adds to it) with a live
preview; the editor changes them for one meeting (minutes/models/conventions.py)."""

from django.utils.translation import gettext_lazy as _

from offices.administration.sections import Section

SECTION = Section(
    "conventions",
    _("Document conventions"),
    "minutes:conventions",
    _("How the office writes its minutes: the date and time, headings, letters, numbers and memo block."),
)
