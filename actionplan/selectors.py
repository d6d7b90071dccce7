"""Scoped reads of plans: a plan is internal to its office, read by its staff and by those of the
offices above it (offices/access.py), by nobody else."""

import datetime

from django.db.models import Prefetch, QuerySet, prefetch_related_objects
from django.shortcuts import get_object_or_404
from django.utils import timezone

from actionplan.links.selectors import quarter_bounds
from actionplan.models import AchievementReport, Activity, Area, Evidence, Indicator, Plan, TierTarget
from actionplan.scores import indicator_result, minutes_prefetch, score_plan
from actionplan.scoring import quarters_elapsed
from offices.access import readable_office_ids, require_admin, require_readable
from offices.models import Office


def plans_for_user(user) -> QuerySet[Plan]:
    readable = readable_office_ids(user)
    plans = Plan.objects.select_related("office").order_by("-fiscal_year", "office__name")
    return plans if readable is None else plans.filter(office_id__in=readable)


def office_plans(office: Office) -> QuerySet[Plan]:
    return Plan.objects.filter(office=office).select_related("created_by").order_by("-fiscal_year")


def get_plan_for_user_or_404(user, pk) -> Plan:
    """404 for a plan the user may not read, so guessing ids reveals nothing."""
    plan = get_object_or_404(Plan.objects.select_related("office", "created_by", "copied_from"), pk=pk)
    require_readable(user, plan.office)
    return plan


def get_plan_to_administer_or_404(user, pk) -> Plan:
    """A plan of an office the user administers (its own, or one below it): 404 for a plan the user
    may not read, 403 for one they may read but not administer."""
    plan = get_object_or_404(Plan.objects.select_related("office"), pk=pk)
    require_admin(user, plan.office)
    return plan


def plan_areas(plan: Plan) -> list[Area]:
    """The plan's rows, nested: areas → activities → indicators with their tiers and quarterly targets.
    Seven queries, however many indicators (areas, activities, indicators, tiers, quarters, reports,
    attached minutes)."""
    indicators = Indicator.objects.select_related("responsible_branch", "responsible_post").prefetch_related(
        "tiers", "quarter_targets", "reports", minutes_prefetch()
    )
    activities = Activity.objects.prefetch_related(Prefetch("indicators", queryset=indicators))
    return list(plan.areas.prefetch_related(Prefetch("activities", queryset=activities)))


def plan_page(plan: Plan, today: datetime.date | None = None) -> dict:
    """What the plan's page shows: the nested rows, each indicator's tiers and quarterly targets in
    column order (`tier_cells`, `quarter_cells`, None where the plan gives none), its score
    (`result`), and the totals with the areas' and the plan's scores."""
    areas = plan_areas(plan)
    scores = score_plan(plan, areas, today=today or timezone.localdate())
    levels = TierTarget.Level.values
    has_tiers = has_quarters = False
    for area in areas:
        for activity in area.activities.all():
            for indicator in activity.indicators.all():
                tiers = {tier.level: tier.target for tier in indicator.tiers.all()}
                quarters = {q.quarter: q.target for q in indicator.quarter_targets.all()}
                indicator.tier_cells = [tiers.get(level) for level in levels]
                indicator.quarter_cells = [quarters.get(quarter) for quarter in range(1, 5)]
                has_tiers, has_quarters = has_tiers or bool(tiers), has_quarters or bool(quarters)
    return {
        "areas": areas,
        "tier_levels": TierTarget.Level.choices,
        "has_tiers": has_tiers,
        "has_quarters": has_quarters,
        "total_weights": sum((area.marks for area in areas), 0),
        "scores": scores,
    }


def quarters_begun(plan: Plan, today: datetime.date) -> list[int]:
    """The plan's quarters that have begun by `today` (1 = July-September): those a progress sheet is for."""
    return [q for q in range(1, 5) if quarter_bounds(plan.fiscal_year, q)[0] <= today]


def get_indicator_for_user_or_404(user, pk) -> Indicator:
    """404 for an indicator of a plan the user may not read."""
    indicator = get_object_or_404(
        Indicator.objects.select_related(
            "plan__office", "activity__area", "responsible_branch", "responsible_post"
        ).prefetch_related("tiers", "quarter_targets"),
        pk=pk,
    )
    require_readable(user, indicator.plan.office)
    return indicator


def get_report_for_user_or_404(user, pk) -> AchievementReport:
    report = get_object_or_404(AchievementReport.objects.select_related("indicator__plan__office"), pk=pk)
    require_readable(user, report.indicator.plan.office)
    return report


def get_evidence_for_user_or_404(user, pk) -> Evidence:
    evidence = get_object_or_404(Evidence.objects.select_related("report__indicator__plan__office"), pk=pk)
    require_readable(user, evidence.report.indicator.plan.office)
    return evidence


def indicator_page(indicator: Indicator, today: datetime.date | None = None) -> dict:
    """The indicator's four quarters, each with its report (or None) and the report's evidence, and
    the indicator's score so far and projected."""
    today = today or timezone.localdate()
    reports = list(
        indicator.reports.select_related("reported_by__official", "reviewed_by__official").prefetch_related(
            "evidence"
        )
    )
    indicator._prefetched_objects_cache["reports"] = reports  # scored from these, no second query
    prefetch_related_objects([indicator], minutes_prefetch())
    by_quarter = {report.quarter: report for report in reports}
    quarters = quarters_elapsed(today, indicator.plan.fiscal_year)
    history = AchievementReport.history.filter(indicator_id=indicator.pk).select_related(
        "history_user__official"
    )
    steps: dict[int, list] = {}
    for step in history.order_by("history_date", "history_id"):
        steps.setdefault(step.quarter, []).append(step)
    for report in reports:
        report.steps = steps.get(report.quarter, [])
    return {
        "quarters": [(quarter, by_quarter.get(quarter)) for quarter in range(1, 5)],
        "result": indicator_result(
            indicator, fiscal_year=indicator.plan.fiscal_year, quarters=quarters, today=today
        ),
    }


def plans_with_scores(plans: QuerySet[Plan], today: datetime.date | None = None) -> list[tuple[Plan, object]]:
    """[(plan, its PlanScores)] for many plans at once (a superior office's overview, the benchmark):
    seven queries however many plans (plans, areas, activities, indicators, attached minutes, tiers,
    reports), only the columns the scores need. The rows are handed to their parents as prefetched
    lists (what prefetch_related leaves, read through `.all()`), without the query set that
    prefetch_related clones for each of thousands of rows (most of the time for 500 plans)."""
    today = today or timezone.localdate()
    plans = list(plans)
    areas = _attach(plans, "areas", Area.objects.only("plan_id", "number", "marks", "order"), "plan_id")
    activities = _attach(areas, "activities", Activity.objects.only("area_id", "order"), "area_id")
    indicators = _attach(
        activities,
        "indicators",
        Indicator.objects.only(
            "plan_id",
            "activity_id",
            "number",
            "unit",
            "weight",
            "target_date",
            "target_value",
            "order",
            "evidence_kinds",
        ),
        "activity_id",
    )
    _attach(indicators, "meeting_evidence", minutes_prefetch().queryset, "indicator_id")
    _attach(
        indicators, "tiers", TierTarget.objects.only("indicator_id", "level", "value", "date"), "indicator_id"
    )
    _attach(
        indicators,
        "reports",
        AchievementReport.objects.only("indicator_id", "quarter", "state", "achieved_value", "achieved_date"),
        "indicator_id",
    )
    return [(plan, score_plan(plan, list(plan.areas.all()), today=today)) for plan in plans]


def _attach(parents: list, name: str, children: QuerySet, parent_field: str) -> list:
    """Fetches the children of all `parents` in one query (in the children's own order) and keeps
    each parent's as its prefetched `name`; returns all the children."""
    found = list(children.filter(**{f"{parent_field}__in": [parent.pk for parent in parents]}))
    by_parent: dict[int, list] = {parent.pk: [] for parent in parents}
    for child in found:
        by_parent[getattr(child, parent_field)].append(child)
    for parent in parents:
        cache = parent.__dict__.setdefault("_prefetched_objects_cache", {})
        cache[name] = by_parent[parent.pk]
    return found
