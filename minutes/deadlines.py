"""When a decision falls due: the one place that turns a decision's deadline into dates.

The follow-up (reminders, "my work", calendar feeds) and the document both ask here, so a deadline
means the same everywhere.
"""

import datetime

from bangla.workdays import add_working_days
from minutes.models import Decision


def due_dates(
    decision: Decision, issue_date: datetime.date | None, until: datetime.date | None = None
) -> list[datetime.date]:
    """The decision's due dates, in order: one for a date or working days; none without a deadline.

    Working days count from the issue date, so an unissued decision has no date yet. A typed rule
    that is not understood gives no date (it is shown as written). `until` bounds a recurring rule.
    """
    kind = decision.deadline_kind
    if kind == Decision.Deadline.DATE and decision.deadline_date:
        return [decision.deadline_date]
    if kind == Decision.Deadline.WORKING_DAYS and decision.deadline_working_days and issue_date:
        return [add_working_days(issue_date, decision.deadline_working_days)]
    return []
