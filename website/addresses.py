"""The public website's addresses: /public/<office>/<fiscal year>/<memo number>/.

Readable and stable: the office's web address (or its number until it has one), the fiscal year
as 2022-23, and the memo number, which the government never gives twice. The converters take
Bangla digits too (২০২২-২৩); links are always written with ASCII digits.
"""

import re

from django.urls import reverse

from bangla.digits import to_ascii_digits
from bangla.fiscal import fiscal_year_start
from minutes.models import Meeting
from offices.models import Office

FIRST_FISCAL_YEAR, LAST_FISCAL_YEAR = 1971, 2200


def fiscal_year_segment(start_year: int) -> str:
    """2022 -> "2022-23"."""
    return f"{start_year}-{(start_year + 1) % 100:02d}"


def parse_fiscal_year(text: str) -> int | None:
    """ "2022-23", "২০২২-২৩" or "2022-2023" -> 2022; None for anything else."""
    match = re.fullmatch(r"([0-9]{4})-([0-9]{2}|[0-9]{4})", to_ascii_digits(text or "").strip())
    if not match:
        return None
    start, end = int(match[1]), int(match[2])
    if end != (start + 1) % (100 if len(match[2]) == 2 else 10_000):
        return None
    return start if FIRST_FISCAL_YEAR <= start <= LAST_FISCAL_YEAR else None


def fiscal_year_of(meeting: Meeting) -> int:
    """The fiscal year the minutes are filed under: the one the drafter gave, else the meeting date's."""
    return meeting.fiscal_year or fiscal_year_start(meeting.date)


def minutes_url(meeting: Meeting, *, pdf: bool = False) -> str:
    """The public address of published minutes (the office must be loaded with them)."""
    args = [meeting.office.web_name, fiscal_year_of(meeting), meeting.memo_number]
    return reverse("public:minutes_pdf" if pdf else "public:minutes", args=args)


def office_url(office: Office) -> str:
    return reverse("public:office", args=[office.web_name])


class OfficeConverter:
    """An office's web address (ssd) or, until it has one, its number."""

    regex = r"[A-Za-z0-9-]{1,50}"

    def to_python(self, value: str) -> str:
        return value.lower()

    def to_url(self, value) -> str:
        return str(value)


class FiscalYearConverter:
    regex = r"[0-9০-৯]{4}-(?:[0-9০-৯]{4}|[0-9০-৯]{2})"

    def to_python(self, value: str) -> int:
        start = parse_fiscal_year(value)
        if start is None:
            raise ValueError(value)  # the route does not match: 404
        return start

    def to_url(self, value) -> str:
        return fiscal_year_segment(int(value))


class MemoNumberConverter:
    """A memo number: groups of digits separated by dots (58.00.0000.018.31.006.17.26)."""

    regex = r"[0-9০-৯]{1,20}(?:\.[0-9০-৯]{1,20}){1,12}"

    def to_python(self, value: str) -> str:
        return to_ascii_digits(value)

    def to_url(self, value) -> str:
        return str(value)
