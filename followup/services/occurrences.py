"""Making the items to chase (Occurrence) from issued minutes and from action plans, idempotently.

- A decision of issued minutes that is still open gets one item per due date that
  minutes.deadlines.due_dates gives (one for a date or working days; several for a recurring rule,
  up to HORIZON_DAYS ahead; none without a deadline). Drafts never get any.
- Later issued minutes take a decision over: a correction (its version replaces the old one) or a
  later meeting that carried the open decision forward (Decision.carried_from). The old decision's
  pending items are then superseded; the new decision's items are chased instead.
- An indicator of a plan gets one item per quarter that has a quarter target, due the day the
  quarter's target gives for a date indicator and at the quarter's end otherwise; an indicator
  without quarter targets gets one, due on its target date (a date indicator) or at the fiscal
  year's end (the last quarter).

Running any of these again creates nothing new (the unique keys: decision and due date, indicator
and period); an open item nobody has reported on follows a changed due date (or goes, if no longer
due). The first reminder of a new item is set DEFAULT_REMIND_DAYS_BEFORE days before its due date.
"""

import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from actionplan.links.selectors import quarter_bounds
from actionplan.models import Indicator, Plan, Unit
from bangla.fiscal import fiscal_quarter, fiscal_year_bounds
from followup.models import Occurrence
from minutes.deadlines import due_dates
from minutes.models import Decision, Meeting

HORIZON_DAYS = 366  # a recurring deadline's dates are made this far ahead (sync_occurrences extends them)
Status = Occurrence.Status


def _superseded(query: Q) -> int:
    return Occurrence.objects.filter(query, status__in=Occurrence.PENDING_STATUSES).update(
        status=Status.SUPERSEDED, next_reminder_on=None
    )


def _new(due: datetime.date, **fields) -> Occurrence:
    return Occurrence(due_date=due, next_reminder_on=Occurrence.first_reminder(due), **fields)


@transaction.atomic
def occurrences_for_meeting(*, meeting: Meeting, today: datetime.date | None = None) -> int:
    """Make (or bring up to date) the items of issued minutes' decisions; the number created."""
    if meeting.state not in Meeting.ISSUED_STATES:
        return 0
    today = today or timezone.localdate()
    decisions = list(Decision.objects.filter(agenda_item__meeting=meeting).order_by("pk"))
    if Meeting.objects.filter(replaces=meeting, state__in=Meeting.ISSUED_STATES).exists():
        taken_over = {d.pk for d in decisions}  # an issued correction replaces these minutes
    else:
        taken_over = set(
            Decision.objects.filter(
                carried_from__in=decisions,
                agenda_item__meeting__state__in=Meeting.ISSUED_STATES,
            ).values_list("carried_from_id", flat=True)
        )
    _superseded(Q(decision__in=taken_over))
    # What these minutes take over from earlier ones.
    earlier = Q(
        decision__in=[d.carried_from_id for d in decisions if d.carried_from_id and d.pk not in taken_over]
    )
    if meeting.replaces_id:
        earlier |= Q(decision__agenda_item__meeting=meeting.replaces_id)
    _superseded(earlier)
    issued = meeting.issue_date or meeting.date
    until = max(issued, today) + datetime.timedelta(days=HORIZON_DAYS)
    wanted = {}
    for decision in decisions:
        if decision.pk in taken_over or not decision.is_open:
            continue
        for period, due in enumerate(due_dates(decision, issued, until=until), start=1):
            wanted[(decision.pk, due)] = period
    chasing = {pk for pk, _due in wanted}
    existing = Occurrence.objects.filter(decision__in=chasing)
    have = set(existing.values_list("decision_id", "due_date"))
    stale = [
        o.pk
        for o in existing.filter(status=Status.OPEN, reports__isnull=True)
        if (o.decision_id, o.due_date) not in wanted
    ]
    Occurrence.objects.filter(pk__in=stale).delete()
    created = Occurrence.objects.bulk_create(
        [
            _new(due, decision_id=decision_id, office_id=meeting.office_id, period=period)
            for (decision_id, due), period in wanted.items()
            if (decision_id, due) not in have
        ],
        ignore_conflicts=True,  # a concurrent run made it already: the unique key keeps one
    )
    return len(created)


def indicator_due_dates(indicator: Indicator, fiscal_year: int) -> dict[int, datetime.date]:
    """{period (the quarter): due date} of an indicator (read through prefetched quarter_targets)."""
    quarters = {}
    for target in indicator.quarter_targets.all():
        if indicator.unit == Unit.DATE and target.date is not None:
            quarters[target.quarter] = target.date
        else:
            quarters[target.quarter] = quarter_bounds(fiscal_year, target.quarter)[1]
    if quarters:
        return quarters
    if indicator.is_dated and indicator.target_date:
        return {fiscal_quarter(indicator.target_date): indicator.target_date}
    return {4: fiscal_year_bounds(fiscal_year)[1]}


@transaction.atomic
def occurrences_for_plan(*, plan: Plan) -> int:
    """Make (or bring up to date) the items of a plan's indicators; the number created."""
    indicators = list(plan.indicators.prefetch_related("quarter_targets"))
    wanted = {
        (indicator.pk, period): due
        for indicator in indicators
        for period, due in indicator_due_dates(indicator, plan.fiscal_year).items()
    }
    existing = {
        (o.indicator_id, o.period): o for o in Occurrence.objects.filter(indicator__plan=plan).order_by("pk")
    }
    untouched = set(
        Occurrence.objects.filter(indicator__plan=plan, status=Status.OPEN, reports__isnull=True).values_list(
            "pk", flat=True
        )
    )
    moved, gone = [], []
    for key, occurrence in existing.items():
        if occurrence.pk not in untouched:
            continue
        if key not in wanted:
            gone.append(occurrence.pk)
        elif occurrence.due_date != wanted[key]:
            occurrence.due_date = wanted[key]
            occurrence.next_reminder_on = Occurrence.first_reminder(wanted[key])
            moved.append(occurrence)
    Occurrence.objects.filter(pk__in=gone).delete()
    Occurrence.objects.bulk_update(moved, ["due_date", "next_reminder_on"])
    created = Occurrence.objects.bulk_create(
        [
            _new(due, indicator_id=indicator_id, office_id=plan.office_id, period=period)
            for (indicator_id, period), due in wanted.items()
            if (indicator_id, period) not in existing
        ],
        ignore_conflicts=True,
    )
    return len(created)


def sync_occurrences(*, today: datetime.date | None = None) -> dict[str, int]:
    """Backfill: the items of every issued minutes and every plan (the demo, and a periodic task, run
    it); each meeting and plan in its own transaction. {"meetings", "plans", "created"}."""
    today = today or timezone.localdate()
    counts = {"meetings": 0, "plans": 0, "created": 0}
    meetings = Meeting.objects.filter(state__in=Meeting.ISSUED_STATES).order_by("issue_date", "pk")
    for meeting in meetings.iterator(chunk_size=500):
        counts["created"] += occurrences_for_meeting(meeting=meeting, today=today)
        counts["meetings"] += 1
    for plan in Plan.objects.order_by("pk").iterator(chunk_size=500):
        counts["created"] += occurrences_for_plan(plan=plan)
        counts["plans"] += 1
    return counts
