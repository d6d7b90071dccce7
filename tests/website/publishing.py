"""Minutes in any state for the public website's tests, stored as the worker would (a stand-in)."""

import datetime

from minutes.models import Meeting
from tests.factories import GovernmentFileFactory, MeetingFactory, store_stand_in_document

S = Meeting.State

_serials = iter(range(1, 10_000))


def minutes(office, *, state=S.PUBLISHED, stored=True, title=None, fiscal_year=2022, **fields) -> Meeting:
    """Minutes of `office` in `state`; issued ones get a memo number from a file of the office and,
    if `stored`, a stand-in stored document."""
    serial = next(_serials)
    issued = state in Meeting.ISSUED_STATES
    nothi = GovernmentFileFactory(office=office) if issued else None
    meeting = MeetingFactory(
        office=office,
        state=state,
        title=title or f"ইনোভেশন টিমের সভা {serial}",
        fiscal_year=fiscal_year,
        date=datetime.date(fiscal_year + 1, 2, 17) if fiscal_year else datetime.date(2023, 2, 17),
        government_file=nothi,
        memo_serial=serial if issued else None,
        memo_number=f"{nothi.number}.{serial}" if issued else "",
        issue_date=datetime.date(2023, 2, 20) if issued else None,
        **fields,
    )
    if issued and stored:
        store_stand_in_document(meeting)
    return Meeting.objects.select_related("office").get(pk=meeting.pk)
