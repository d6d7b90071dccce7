"""Which indicators a decision names: the minutes write "কার্যক্রম ১.২.১ অনুযায়ী",
"১.৪.১ কর্মসম্পাদন চুক্তি অনুযায়ী" or "[২.২.৩]", in Bangla or ASCII digits."""

import html
import re

from django.db.models import QuerySet
from django.utils.html import strip_tags

from actionplan.models import Indicator, Plan
from bangla.digits import to_ascii_digits
from bangla.fiscal import fiscal_year_start

# Three parts of one or two digits, no leading zero: "1.2.1", "[2.2.3]". Not a piece of a longer
# dotted chain (dates 15.02.2021, memo numbers 05.47.0000.006.16.001.21): no digit or "digit." on
# either side.
_INDICATOR_NUMBER = re.compile(
    r"(?<![0-9])(?<![0-9]\.)\[?\s*([1-9][0-9]?)\.([1-9][0-9]?)\.([1-9][0-9]?)\s*\]?(?!\.?[0-9])", re.ASCII
)


def indicator_numbers(text: str) -> list[str]:
    """The indicator numbers in `text` (HTML or plain), normalised ("1.2.1"), in order, once each."""
    plain = to_ascii_digits(html.unescape(strip_tags(text or "")))
    found = (".".join(match.groups()) for match in _INDICATOR_NUMBER.finditer(plain))
    return list(dict.fromkeys(found))


def meeting_fiscal_year(meeting) -> int:
    """The fiscal year the meeting's header names, or else the one its date falls in."""
    return meeting.fiscal_year or fiscal_year_start(meeting.date)


def office_has_plan_for(meeting) -> bool:
    """Whether the editor shows the indicators under the meeting's decisions (one query)."""
    return Plan.objects.filter(office_id=meeting.office_id, fiscal_year=meeting_fiscal_year(meeting)).exists()


def suggested_indicators(decision) -> QuerySet[Indicator]:
    """The indicators of the office's plan for the meeting's fiscal year that the decision names."""
    meeting = decision.agenda_item.meeting
    numbers = indicator_numbers(decision.text)
    if not numbers:
        return Indicator.objects.none()
    return Indicator.objects.filter(
        plan__office_id=meeting.office_id, plan__fiscal_year=meeting_fiscal_year(meeting), number__in=numbers
    ).order_by("order")
