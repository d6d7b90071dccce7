"""When a decision falls due: the one place that turns a decision's deadline into dates.

The follow-up (reminders, "my work", calendar feeds) and the document both ask here, so a deadline
means the same everywhere. Working days skip the weekend, the public holidays and what the
decision's office (and its superiors) announced (offices.selectors.office_calendar); a recurring
rule gives one date per month or fiscal quarter (bangla.recurrence).
"""

import datetime

from bangla.fiscal import fiscal_quarter, fiscal_year_bounds, fiscal_year_start
from bangla.workdays import add_working_days, working_days_span
from minutes.models import Decision
from offices.models import Office
from offices.selectors import office_calendar_for_years


def default_until(issue_date: datetime.date) -> datetime.date:
    """How far a recurring rule runs when the caller does not say: to the end of the fiscal year of
    issue, or of the next one for minutes issued in a year's last quarter (April–June), so that a
    rule set near the year's end still has a year ahead."""
    start = fiscal_year_start(issue_date) + (fiscal_quarter(issue_date) == 4)
    return fiscal_year_bounds(start)[1]


def due_dates(
    decision: Decision,
    issue_date: datetime.date | None,
    until: datetime.date | None = None,
    *,
    office: Office | int | None = None,
) -> list[datetime.date]:
    """The decision's due dates, in order: one for a date or working days, one per month or quarter
    for a recurring rule (from the issue date to `until`, default_until by default); none without a
    deadline, or for a rule as written (it is shown as written).

    Working days and recurring rules count from the issue date, so an unissued decision has none
    yet. Working days count with the holidays of `office` (an Office or its id), by default the
    decision's meeting's office (load decisions with select_related("agenda_item__meeting") to
    avoid a query each)."""
    kind = decision.deadline_kind
    if kind == Decision.Deadline.DATE and decision.deadline_date:
        return [decision.deadline_date]
    if kind == Decision.Deadline.WORKING_DAYS and decision.deadline_working_days and issue_date:
        office_id = office.pk if isinstance(office, Office) else office
        if office_id is None:
            office_id = decision.agenda_item.meeting.office_id
        return [_working_days_later(office_id, issue_date, decision.deadline_working_days)]
    recurrence = decision.recurrence
    if recurrence and issue_date:
        return recurrence.occurrences(issue_date, until or default_until(issue_date))
    return []


def _working_days_later(office_id: int, start: datetime.date, days: int) -> datetime.date:
    years = working_days_span(start, days)
    while True:
        calendar = office_calendar_for_years(office_id, years)
        due = add_working_days(start, days, **calendar.as_kwargs())
        if due.year < years.stop:
            return due
        # Months of announced holidays (a lockdown) carried it past the years looked at.
        years = range(years.start, due.year + 1)
