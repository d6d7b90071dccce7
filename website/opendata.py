"""Decisions of published minutes as open data: the one reading and the one flat record behind the
bulk exports (website/exports.py) and the API's decisions (website/api/).

A decision's status is shown only where its office publishes the follow-up status of its decisions
(Office.publish_decision_status, the setting the public pages obey); elsewhere it is None.
"""

import datetime

from django.db.models import Prefetch, QuerySet

from minutes.deadlines import due_dates
from minutes.document.context import deadline_text
from minutes.models import Decision, Responsibility
from website.addresses import fiscal_year_of, fiscal_year_segment, minutes_url
from website.following import Criteria, site_url

DECISION_FIELDS = (
    "id", "order", "text", "deadline_kind", "deadline_date", "deadline_working_days", "deadline_rule", "status",
    "agenda_item__id", "agenda_item__order", "agenda_item__title",
    "agenda_item__meeting__id", "agenda_item__meeting__title", "agenda_item__meeting__date",
    "agenda_item__meeting__fiscal_year", "agenda_item__meeting__memo_number", "agenda_item__meeting__issue_date",
    "agenda_item__meeting__office__id", "agenda_item__meeting__office__name",
    "agenda_item__meeting__office__slug", "agenda_item__meeting__office__publish_decision_status",
)  # fmt: skip
# The columns of the exports, in order (docs/api.md says what each holds).
COLUMNS = (
    "office", "office_id", "meeting", "meeting_id", "meeting_date", "fiscal_year", "memo_number", "issue_date",
    "minutes_url", "agenda_item", "decision_id", "decision", "responsible", "deadline", "due_date", "status",
)  # fmt: skip


def published_decisions(minutes: QuerySet) -> QuerySet[Decision]:
    """The decisions of these (published) minutes, newest minutes first, each in the document's order,
    with what a record needs: a fixed number of queries per chunk of an iterator."""
    return (
        Decision.objects.filter(agenda_item__meeting__in=minutes.order_by().values("pk"))
        .select_related("agenda_item__meeting__office")
        .only(*DECISION_FIELDS)
        .prefetch_related(
            Prefetch(
                "responsibilities",
                queryset=Responsibility.objects.only("id", "decision_id", "label", "order").order_by(
                    "order", "id"
                ),
            )
        )
        .order_by(
            "-agenda_item__meeting__issue_date",
            "-agenda_item__meeting_id",
            "agenda_item__order",
            "agenda_item_id",
            "order",
            "id",
        )  # fmt: skip
    )


def criteria_decisions(criteria: Criteria) -> QuerySet[Decision]:
    return published_decisions(criteria.minutes())


def shown_status(decision: Decision) -> str | None:
    return decision.status if decision.agenda_item.meeting.office.publish_decision_status else None


def due_date(decision: Decision) -> datetime.date | None:
    dates = due_dates(decision, decision.agenda_item.meeting.issue_date)
    return dates[0] if dates else None


def responsible(decision: Decision) -> list[str]:
    return [r.label for r in decision.responsibilities.all()]


def decision_record(decision: Decision) -> dict:
    """One row of the exports: plain values (text, ISO dates, ids), in COLUMNS' order."""
    meeting = decision.agenda_item.meeting
    due = due_date(decision)
    return {
        "office": meeting.office.name,
        "office_id": meeting.office.pk,
        "meeting": meeting.title,
        "meeting_id": meeting.pk,
        "meeting_date": meeting.date.isoformat(),
        "fiscal_year": fiscal_year_segment(fiscal_year_of(meeting)),
        "memo_number": meeting.memo_number,
        "issue_date": meeting.issue_date.isoformat() if meeting.issue_date else "",
        "minutes_url": site_url(minutes_url(meeting)),
        "agenda_item": decision.agenda_item.title,
        "decision_id": decision.pk,
        "decision": decision.plain_text(),
        "responsible": "; ".join(responsible(decision)),
        "deadline": deadline_text(decision, meeting.issue_date),
        "due_date": due.isoformat() if due else "",
        "status": shown_status(decision) or "",
    }
