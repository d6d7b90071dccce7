"""A plan's scores from its models: each indicator's, each area's and the plan's, so far and projected.

The rules are actionplan/scoring.py's; this module only feeds them: the terms from Indicator.terms(),
the year's achievement from the CONFIRMED quarterly reports (achievement_so_far), and the quarters
the achievement covers (quarters_elapsed, or more if a later quarter was already confirmed). Reads
only what was prefetched (`indicator.tiers.all()`, `indicator.reports.all()`,
`indicator.meeting_evidence.all()` by `minutes_prefetch()`): no query per indicator.

A meeting indicator ("[২.২.৩] … সভা আয়োজিত") with issued minutes attached is scored from them: the
meetings held per quarter for a count, the first meeting's date for a date indicator (the minutes
are issued documents: nothing to confirm). Without attached minutes its reports count, as for any
indicator.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import F, Prefetch

from actionplan import scoring
from actionplan.links.services import is_meeting_indicator
from actionplan.models import AchievementReport, Area, Indicator, MeetingEvidence, Plan, Unit
from minutes.models import Meeting


@dataclass(frozen=True)
class IndicatorResult:
    so_far: scoring.IndicatorScore | None  # None: the plan's terms for it are inconsistent
    projected: scoring.IndicatorScore | None
    achieved: object = None  # the year's confirmed achievement (a date or a number), None if none
    awaiting: int = 0  # reports waiting for the approver
    returned: int = 0  # reports returned to be corrected


@dataclass
class PlanScores:
    so_far: scoring.Total
    projected: scoring.Total
    total_marks: object
    areas: dict[int, tuple[scoring.Total, scoring.Total]] = field(default_factory=dict)


def minutes_prefetch() -> Prefetch:
    """Each indicator's attached issued minutes (their dates), a correction counted once: one query."""
    attached = (
        MeetingEvidence.objects.filter(meeting__state__in=Meeting.ISSUED_STATES)
        .exclude(meeting__corrected_by__indicator_evidence__indicator=F("indicator"))
        .select_related("meeting")
        .only("indicator_id", "meeting_id", "meeting__date")
    )
    return Prefetch("meeting_evidence", queryset=attached)


def quarter_of(day: datetime.date, fiscal_year: int) -> int | None:
    """1 (July-September) … 4 (April-June) of the fiscal year starting in July `fiscal_year`; None outside."""
    first, last = datetime.date(fiscal_year, 7, 1), datetime.date(fiscal_year + 1, 6, 30)
    return (day.month - 7) % 12 // 3 + 1 if first <= day <= last else None


def meetings_by_quarter(indicator: Indicator, fiscal_year: int) -> dict[int, object]:
    """The attached minutes as the quarters' achievements: how many meetings (a count), or the
    earliest meeting's date (a date indicator); {} if none are attached or it is no meeting indicator."""
    if not is_meeting_indicator(indicator) or indicator.unit == Unit.PERCENT:
        return {}
    by_quarter: dict[int, list[datetime.date]] = {}
    for evidence in indicator.meeting_evidence.all():
        quarter = quarter_of(evidence.meeting.date, fiscal_year)
        if quarter:
            by_quarter.setdefault(quarter, []).append(evidence.meeting.date)
    if indicator.unit == Unit.DATE:
        return {quarter: min(days) for quarter, days in by_quarter.items()}
    return {quarter: len(days) for quarter, days in by_quarter.items()}


def counted_by_quarter(indicator: Indicator, fiscal_year: int) -> dict[int, object]:
    """The quarters' achievements that count: the attached minutes' meetings for a meeting indicator
    with minutes attached, else the confirmed reports ({quarter: a date or a number})."""
    return meetings_by_quarter(indicator, fiscal_year) or {
        r.quarter: r.achieved for r in indicator.reports.all() if r.state == AchievementReport.State.CONFIRMED
    }


def indicator_result(
    indicator: Indicator, *, fiscal_year: int, quarters: int, today: datetime.date, through: int = 4
) -> IndicatorResult:
    """The indicator's scores from what counts in quarters 1 to `through` (a quarterly progress sheet
    stops at its quarter; the pages take the whole year)."""
    reports = [r for r in indicator.reports.all() if r.quarter <= through]
    confirmed = {q: v for q, v in counted_by_quarter(indicator, fiscal_year).items() if q <= through}
    awaiting = sum(r.state == AchievementReport.State.REPORTED for r in reports)
    returned = sum(r.state == AchievementReport.State.RETURNED for r in reports)
    try:
        terms = indicator.terms()
        achieved = scoring.achievement_so_far(indicator.unit, confirmed)
        covered = max([quarters, *confirmed])
        so_far = scoring.indicator_score(terms, achieved)
        projected = scoring.projected_score(terms, achieved, quarters=covered, today=today)
    except ValueError:
        return IndicatorResult(None, None, awaiting=awaiting, returned=returned)
    return IndicatorResult(so_far, projected, achieved, awaiting, returned)


def score_plan(plan: Plan, areas: list[Area], *, today: datetime.date) -> PlanScores:
    """Sets `indicator.result` on each indicator of the nested `areas` (selectors.plan_areas) and
    returns the areas' and the plan's totals, so far and projected."""
    quarters = scoring.quarters_elapsed(today, plan.fiscal_year)
    area_totals = {}
    for area in areas:
        so_far, projected = [], []
        for activity in area.activities.all():
            for indicator in activity.indicators.all():
                indicator.result = indicator_result(
                    indicator, fiscal_year=plan.fiscal_year, quarters=quarters, today=today
                )
                if indicator.result.so_far is not None:
                    so_far.append(indicator.result.so_far)
                    projected.append(indicator.result.projected)
        area_totals[area.pk] = (scoring.area_score(so_far), scoring.area_score(projected))
        area.score_so_far, area.score_projected = area_totals[area.pk]
    return PlanScores(
        so_far=scoring.plan_score(total[0] for total in area_totals.values()),
        projected=scoring.plan_score(total[1] for total in area_totals.values()),
        total_marks=plan.total_marks,
        areas=area_totals,
    )
