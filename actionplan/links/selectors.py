"""Scoped reads of the links: the editor's fragment for a decision, what an indicator's page shows,
and the count of meetings held that a meeting indicator's achievement follows."""

import datetime

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from actionplan.links.services import is_meeting_indicator
from actionplan.links.suggest import suggested_indicators
from actionplan.models import DecisionLink, Indicator, MeetingEvidence
from bangla.fiscal import fiscal_year_bounds
from minutes.models import Decision, Meeting
from offices.access import Role, has_role, require_readable


def get_decision_for_user_or_404(user, pk) -> Decision:
    decision = get_object_or_404(Decision.objects.select_related("agenda_item__meeting__office"), pk=pk)
    require_readable(user, decision.agenda_item.meeting.office)
    return decision


def may_link(user, office) -> bool:
    """The office's drafters link decisions and attach minutes; its readers only read."""
    return has_role(user, office, Role.DRAFTER)


def decision_panel(decision: Decision, user) -> dict:
    """The editor's fragment under a saved decision: the indicators it is linked to, and those its
    text names that are not linked yet."""
    linked = [
        link.indicator
        for link in DecisionLink.objects.filter(decision=decision)
        .select_related("indicator__plan")
        .order_by("indicator__order")
    ]
    linked_ids = {indicator.pk for indicator in linked}
    suggested = [i for i in suggested_indicators(decision).select_related("plan") if i.pk not in linked_ids]
    return {
        "decision": decision,
        "linked": linked,
        "suggested": suggested,
        "may_link": may_link(user, decision.agenda_item.meeting.office),
    }


def quarter_bounds(fiscal_year: int, quarter: int) -> tuple[datetime.date, datetime.date]:
    """Quarter 1 is July-September of `fiscal_year`, quarter 4 April-June of the next year."""
    if quarter not in (1, 2, 3, 4):
        raise ValueError("a quarter is 1 to 4")
    month = 7 + 3 * (quarter - 1)
    year = fiscal_year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    first = datetime.date(year, month, 1)
    after = datetime.date(year + (month + 2) // 12, (month + 2) % 12 + 1, 1)
    return first, after - datetime.timedelta(days=1)


def counted_minutes(indicator: Indicator, quarter: int | None = None) -> QuerySet[MeetingEvidence]:
    """The attached minutes that count as meetings held: issued, dated in the plan's fiscal year (or
    the quarter), and not superseded by an attached correction of the same minutes."""
    fiscal_year = indicator.plan.fiscal_year
    first, last = fiscal_year_bounds(fiscal_year) if quarter is None else quarter_bounds(fiscal_year, quarter)
    return MeetingEvidence.objects.filter(
        indicator=indicator,
        meeting__state__in=Meeting.ISSUED_STATES,
        meeting__date__gte=first,
        meeting__date__lte=last,
    ).exclude(meeting__corrected_by__indicator_evidence__indicator=indicator)


def meetings_held(indicator: Indicator, quarter: int | None = None) -> int:
    """The meetings held for a meeting indicator: its attached issued minutes, counted by the
    meeting's date within the plan's fiscal year, or within `quarter` (1 = July-September).

    This is the achievement of a count indicator such as "[২.২.৩] … সভা আয়োজিত" per quarter
    (scoring.py adds the quarters' counts), and for a date indicator such as "[১.৪.১] সভা আয়োজিত"
    the earliest attached meeting's date is its achievement (`first_meeting_date`)."""
    return counted_minutes(indicator, quarter).count()


def first_meeting_date(indicator: Indicator) -> datetime.date | None:
    """The date of the earliest meeting held: a date meeting indicator's achievement."""
    first = counted_minutes(indicator).order_by("meeting__date").values_list("meeting__date", flat=True)
    return first.first()


def attachable_minutes(indicator: Indicator) -> QuerySet[Meeting]:
    """The office's issued minutes of the plan's fiscal year not attached to this indicator yet
    (corrected versions left out: their correction is the one to attach)."""
    first, last = fiscal_year_bounds(indicator.plan.fiscal_year)
    return (
        Meeting.objects.filter(
            office_id=indicator.plan.office_id,
            state__in=Meeting.ISSUED_STATES,
            date__gte=first,
            date__lte=last,
            corrected_by__isnull=True,
        )
        .exclude(indicator_evidence__indicator=indicator)
        .order_by("-date", "-id")
    )


def indicator_links(indicator: Indicator, user) -> dict:
    """The indicator page's section: the decisions linked to it with their meetings, and for a
    meeting indicator the minutes attached, those that could be, and the count of meetings held."""
    links = (
        DecisionLink.objects.filter(indicator=indicator)
        .select_related("decision__agenda_item__meeting")
        .order_by("decision__agenda_item__meeting__date", "decision__agenda_item__order", "decision__order")
    )
    may_edit = may_link(user, indicator.plan.office)
    meeting_indicator = is_meeting_indicator(indicator)
    ctx = {
        "indicator": indicator,
        "decision_links": list(links),
        "may_link": may_edit,
        "is_meeting_indicator": meeting_indicator,
    }
    if meeting_indicator:
        ctx["attached_minutes"] = list(
            MeetingEvidence.objects.filter(indicator=indicator)
            .select_related("meeting")
            .order_by("meeting__date", "meeting__id")
        )
        ctx["meetings_held"] = meetings_held(indicator)
        ctx["first_meeting_date"] = first_meeting_date(indicator) if indicator.is_dated else None
        ctx["attachable_minutes"] = list(attachable_minutes(indicator)[:100]) if may_edit else []
    return ctx
