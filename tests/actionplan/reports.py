"""Achievement reports for the tests and the benchmark, written in bulk (what years of use leave)."""

from decimal import Decimal

from django.utils import timezone

from actionplan.models import AchievementReport, Plan


def four_quarters_of_reports(plan: Plan, by, state=AchievementReport.State.CONFIRMED) -> int:
    """A report for each quarter of each indicator of the plan: a count of 1, 25% more each quarter,
    or the target date."""
    now = timezone.now()
    reports = []
    for indicator in plan.indicators.all():
        for quarter in range(1, 5):
            dated = indicator.is_dated
            reports.append(
                AchievementReport(
                    indicator=indicator,
                    quarter=quarter,
                    achieved_date=indicator.target_date if dated else None,
                    achieved_value=None
                    if dated
                    else Decimal(1 if indicator.unit == "count" else 25 * quarter),
                    state=state,
                    reported_by=by,
                    reported_at=now,
                )
            )
    AchievementReport.objects.bulk_create(reports)
    return len(reports)
