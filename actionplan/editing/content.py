"""A stored plan as plain data (actionplan/drafts.py), with its rows' ids: what the editor opens
with, what a save is compared with, and its fingerprint, which tells whether the plan changed
since the editor was opened."""

import dataclasses
import hashlib
import json
from decimal import Decimal

from django.db.models import Prefetch

from actionplan.drafts import ActivityDraft, AreaDraft, IndicatorDraft, PlanDraft
from actionplan.models import Activity, Indicator, Plan
from actionplan.rules import plain


def stored_draft(plan: Plan) -> PlanDraft:
    """The plan's areas, activities and indicators (with their tiers and quarterly targets) in the
    plan's order: five queries, however many rows."""
    indicators = Indicator.objects.order_by("order", "pk").prefetch_related("tiers", "quarter_targets")
    activities = Activity.objects.order_by("order", "pk").prefetch_related(
        Prefetch("indicators", queryset=indicators)
    )
    areas = plan.areas.order_by("order", "pk").prefetch_related(Prefetch("activities", queryset=activities))
    return PlanDraft(
        fiscal_year=plan.fiscal_year,
        numbers_in_brackets=plan.numbers_in_brackets,
        total_marks=plan.total_marks,
        areas=[
            AreaDraft(
                pk=area.pk,
                number=area.number,
                title=area.title,
                marks=area.marks,
                activities=[
                    ActivityDraft(
                        pk=activity.pk,
                        number=activity.number,
                        title=activity.title,
                        indicators=[_indicator(indicator) for indicator in activity.indicators.all()],
                    )
                    for activity in area.activities.all()
                ],
            )
            for area in areas
        ],
    )


def _indicator(indicator: Indicator) -> IndicatorDraft:
    return IndicatorDraft(
        pk=indicator.pk,
        number=indicator.number,
        title=indicator.title,
        unit=indicator.unit,
        weight=indicator.weight,
        target=indicator.target,
        responsible=indicator.responsible,
        responsible_branch_id=indicator.responsible_branch_id,
        responsible_post_id=indicator.responsible_post_id,
        tiers={tier.level: tier.target for tier in indicator.tiers.all()},
        quarters={q.quarter: q.target for q in indicator.quarter_targets.all()},
        evidence_kinds=list(indicator.evidence_kinds),
    )


def fingerprint(draft: PlanDraft) -> str:
    """A short digest of everything the editor shows of the plan, ids and order included."""
    text = json.dumps(dataclasses.asdict(draft), default=_plain, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _plain(value) -> str:
    """Decimal("50.00") and Decimal("50") alike: a plan read back and one just written agree."""
    return plain(value) if isinstance(value, Decimal) else str(value)
