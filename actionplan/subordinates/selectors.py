"""What a subordinate office sees of its superior's templates, and the superior's overview of its
subordinates' plans and scores."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, QuerySet
from django.shortcuts import get_object_or_404

from actionplan.models import Plan
from actionplan.scores import PlanScores
from actionplan.selectors import plans_with_scores
from offices.models import Office


def published_templates(office: Office) -> QuerySet[Plan]:
    """The plans the office's own superior office publishes as templates (none for a top office):
    never those of another office's superior."""
    if office.parent_id is None:
        return Plan.objects.none()
    return (
        Plan.objects.filter(office_id=office.parent_id, is_template=True)
        .select_related("office")
        .annotate(indicator_count=Count("indicators"))
        .order_by("-fiscal_year")
    )


def get_template_for_office_or_404(office: Office, pk) -> Plan:
    return get_object_or_404(published_templates(office), pk=pk)


# ---- The overview --------------------------------------------------------------------------------------

# GET ?sort= values: a column, "-" before it for the other way round. Offices without a plan come last.
SORTS = ("office", "so_far", "projected", "awaiting")
DEFAULT_SORT = "office"


@dataclass
class OverviewRow:
    office: Office
    plan: Plan | None = None
    scores: PlanScores | None = None
    awaiting: int = 0  # reports waiting for confirmation

    def share(self, which: str) -> Decimal | None:
        """The score so far or projected as a share of the plan's total (plans' totals differ)."""
        if self.scores is None:
            return None
        return getattr(self.scores, which).marks / self.plan.total_marks


def subordinates_overview(
    office: Office, fiscal_year: int, sort: str = DEFAULT_SORT, today: datetime.date | None = None
) -> list[OverviewRow]:
    """Each office directly below `office`, with its plan for the year, the plan's score so far and
    projected, and the reports awaiting confirmation; sorted by `sort` (a value of SORTS, "-" for the
    other way round). A fixed number of queries, however many offices: the offices, then the plans
    with what their scores need (selectors.plans_with_scores)."""
    rows = {child.pk: OverviewRow(child) for child in office.children.order_by("name")}
    plans = Plan.objects.filter(office_id__in=rows.keys(), fiscal_year=fiscal_year)
    for plan, scores in plans_with_scores(plans, today=today):
        row = rows[plan.office_id]
        row.plan, row.scores = plan, scores
        row.awaiting = sum(
            indicator.result.awaiting
            for area in plan.areas.all()
            for activity in area.activities.all()
            for indicator in activity.indicators.all()
        )
    return sorted_rows(list(rows.values()), sort)


def sorted_rows(rows: list[OverviewRow], sort: str) -> list[OverviewRow]:
    descending, key = sort.startswith("-"), sort.removeprefix("-")
    values = {
        "office": lambda row: row.office.name,
        "so_far": lambda row: row.share("so_far"),
        "projected": lambda row: row.share("projected"),
        "awaiting": lambda row: row.awaiting,
    }[key]
    kept = [row for row in rows if row.plan is not None or key == "office"]
    without = [row for row in rows if row.plan is None and key != "office"]
    kept.sort(key=lambda row: row.office.name)
    kept.sort(key=values, reverse=descending)  # stable: equal values stay in the offices' order
    return kept + sorted(without, key=lambda row: row.office.name)
