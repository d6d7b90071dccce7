"""Scoped reads of the follow-up: a user's work, one item with its history, a meeting's items.

Every list here costs a fixed number of queries, however many items it holds.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from followup.models import Occurrence, ProgressEvidence, ProgressReport
from followup.permissions import require_readable
from followup.responsibility import items_for_official
from minutes.models import Meeting, Responsibility
from offices.access import Role, readable_office_ids, roles_by_office

WEEK = datetime.timedelta(days=7)
MAX_WAITING = 500  # a superuser's list of every office's items waiting for confirmation stops here


def with_details(occurrences: QuerySet[Occurrence]) -> QuerySet[Occurrence]:
    """What a list of items shows: the decision with its meeting and responsibilities, or the
    indicator with its plan (two queries in all)."""
    return occurrences.select_related(
        "office", "decision__agenda_item__meeting", "indicator__plan", "indicator__activity"
    ).prefetch_related(
        Prefetch("decision__responsibilities", queryset=Responsibility.objects.order_by("order", "id"))
    )


def _pending_for_approver(user) -> QuerySet[Occurrence]:
    """Items reported done, waiting for this approver's confirmation (superusers: every office's)."""
    waiting = Occurrence.objects.filter(status=Occurrence.Status.DONE)
    if user.is_superuser:
        return waiting
    offices = [office_id for office_id, roles in roles_by_office(user).items() if Role.APPROVER in roles]
    return waiting.filter(office_id__in=offices)


@dataclass
class MyWork:
    """A user's work, grouped: overdue, due within a week, later; reported done (awaiting the
    approver); and, for an approver, what waits for their confirmation."""

    official: object
    today: datetime.date
    overdue: list = field(default_factory=list)
    this_week: list = field(default_factory=list)
    later: list = field(default_factory=list)
    awaiting: list = field(default_factory=list)
    to_confirm: list = field(default_factory=list)
    readable: set | None = None  # offices whose pages the user may open (None: all)

    @property
    def is_empty(self) -> bool:
        return not (self.overdue or self.this_week or self.later or self.awaiting or self.to_confirm)


def my_work(user, today: datetime.date | None = None) -> MyWork:
    """The items assigned to the user's official, their post, their branch or an office they answer
    for (followup/responsibility.py), of issued minutes and of plans; open ones grouped by due date."""
    today = today or timezone.localdate()
    official = user.official if user.official_id else None
    work = MyWork(official=official, today=today, readable=readable_office_ids(user))
    items = with_details(
        items_for_official(official).filter(
            status__in=Occurrence.PENDING_STATUSES,
        )
    ).order_by("due_date", "pk")
    for item in items:
        # A decision of minutes not issued never has items; this keeps it so if one slipped in.
        if item.decision_id and item.decision.agenda_item.meeting.state not in Meeting.ISSUED_STATES:
            continue
        if item.status == Occurrence.Status.DONE:
            work.awaiting.append(item)
        elif item.due_date < today:
            work.overdue.append(item)
        elif item.due_date < today + WEEK:
            work.this_week.append(item)
        else:
            work.later.append(item)
    waiting = with_details(_pending_for_approver(user)).order_by("due_date", "pk")
    work.to_confirm = list(waiting[:MAX_WAITING])
    return work


def get_occurrence_for_user_or_404(user, pk) -> Occurrence:
    occurrence = get_object_or_404(with_details(Occurrence.objects.all()), pk=pk)
    require_readable(user, occurrence)
    return occurrence


def _history() -> QuerySet[ProgressReport]:
    """History entries, oldest first, with their evidence files."""
    return ProgressReport.objects.order_by("created_at", "id").prefetch_related(
        Prefetch("evidence", queryset=ProgressEvidence.objects.order_by("pk"))
    )


def occurrence_history(occurrence: Occurrence) -> list[ProgressReport]:
    """The item's history, oldest first, with each entry's evidence files (two queries)."""
    return list(_history().filter(occurrence=occurrence))


def get_evidence_for_user_or_404(user, pk) -> ProgressEvidence:
    evidence = get_object_or_404(ProgressEvidence.objects.select_related("report__occurrence__office"), pk=pk)
    require_readable(user, evidence.report.occurrence)
    return evidence


def meeting_followup_section(meeting: Meeting, user) -> dict | None:
    """For the meeting's staff page (minutes/sections.py): its decisions' items, each with its
    history; None for minutes not issued or without items. Three queries."""
    if meeting.state not in Meeting.ISSUED_STATES:
        return None
    items = list(
        Occurrence.objects.filter(decision__agenda_item__meeting=meeting)
        .select_related("decision__agenda_item")
        .prefetch_related(Prefetch("reports", queryset=_history()))
        .order_by("decision__agenda_item__order", "decision__order", "decision_id", "due_date")
    )
    if not items:
        return None
    return {"meeting": meeting, "items": items}
