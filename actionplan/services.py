"""The writes of the action plan, each in one transaction: importing a template, copying last year's."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from actionplan.importing.files import read_rows
from actionplan.importing.template import PlanDraft, parse_template
from actionplan.models import Activity, Area, Indicator, Plan, QuarterTarget, TierTarget, Unit
from actionplan.rules import shown_fiscal_year
from offices.models import Branch, Office, Post


def _refuse_second_plan(office: Office, fiscal_year: int):
    if Plan.objects.filter(office=office, fiscal_year=fiscal_year).exists():
        raise ValidationError(
            _("The office already has a plan for %(year)s.") % {"year": shown_fiscal_year(fiscal_year)}
        )


@transaction.atomic
def plan_import(
    *,
    office: Office,
    fiscal_year: int,
    data: bytes,
    by,
    file_name: str = "",
    total_marks: Decimal | None = None,
) -> Plan:
    """Read and check the whole template first; write only a plan with nothing wrong in it."""
    _refuse_second_plan(office, fiscal_year)
    draft = parse_template(read_rows(data), fiscal_year=fiscal_year, total_marks=total_marks)
    plan = Plan(
        office=office,
        fiscal_year=fiscal_year,
        total_marks=draft.total_marks,
        numbers_in_brackets=draft.numbers_in_brackets,
        origin=Plan.Origin.IMPORTED,
        source_name=file_name[:255],
        created_by=by,
    )
    plan.full_clean()
    plan.save()
    _write(plan, draft, by)
    return plan


def _write(plan: Plan, draft: PlanDraft, by):
    branches = {branch.name: branch for branch in Branch.objects.filter(office=plan.office)}
    posts = {post.title: post for post in Post.objects.filter(office=plan.office)}
    areas = [
        Area(plan=plan, number=area.number, title=area.title, marks=area.weights, order=order)
        for order, area in enumerate(draft.areas)
    ]
    bulk_create_with_history(areas, Area, default_user=by)
    activities, pending = [], []
    for area, area_draft in zip(areas, draft.areas, strict=True):
        for activity_draft in area_draft.activities:
            activity = Activity(area=area, number=activity_draft.number, title=activity_draft.title)
            activity.order = len(activities)
            activities.append(activity)
            pending.append((activity, activity_draft.indicators))
    bulk_create_with_history(activities, Activity, default_user=by)
    indicators, tiers, quarters = [], [], []
    for activity, indicator_drafts in pending:
        for item in indicator_drafts:
            dated = item.unit == Unit.DATE
            indicator = Indicator(
                plan=plan,
                activity=activity,
                number=item.number,
                title=item.title,
                unit=item.unit,
                weight=item.weight,
                target_date=item.target if dated else None,
                target_value=None if dated else item.target,
                responsible=item.responsible,
                responsible_branch=branches.get(item.responsible),
                responsible_post=posts.get(item.responsible),
                evidence_kinds=item.evidence_kinds,
                order=len(indicators),
            )
            indicators.append(indicator)
            tiers += [
                _dated(TierTarget(indicator=indicator, level=level), value)
                for level, value in item.tiers.items()
            ]
            quarters += [
                _dated(QuarterTarget(indicator=indicator, quarter=quarter), value)
                for quarter, value in item.quarters.items()
            ]
    bulk_create_with_history(indicators, Indicator, default_user=by)
    for row in tiers + quarters:
        row.indicator_id = row.indicator.pk  # the indicators have their ids only now
    bulk_create_with_history(tiers, TierTarget, default_user=by)
    bulk_create_with_history(quarters, QuarterTarget, default_user=by)


def _dated(row, value):
    if isinstance(value, datetime.date):
        row.date = value
    else:
        row.value = value
    return row


def _next_year(day: datetime.date | None) -> datetime.date | None:
    if day is None:
        return None
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


@transaction.atomic
def plan_copy_last_year(*, office: Office, fiscal_year: int, by) -> Plan:
    """This year's plan as a copy of last year's: the same rows, weights and targets, dates a year on."""
    _refuse_second_plan(office, fiscal_year)
    source = (
        Plan.objects.filter(office=office, fiscal_year=fiscal_year - 1)
        .prefetch_related(
            "areas__activities__indicators__tiers", "areas__activities__indicators__quarter_targets"
        )
        .first()
    )
    if source is None:
        raise ValidationError(
            _("There is no plan for %(year)s to copy.") % {"year": shown_fiscal_year(fiscal_year - 1)}
        )
    plan = Plan(
        office=office,
        fiscal_year=fiscal_year,
        total_marks=source.total_marks,
        numbers_in_brackets=source.numbers_in_brackets,
        origin=Plan.Origin.COPIED,
        copied_from=source,
        created_by=by,
    )
    plan.full_clean()
    plan.save()
    areas, activities, indicators, tiers, quarters = [], [], [], [], []
    for old_area in source.areas.all():
        area = Area(
            plan=plan,
            number=old_area.number,
            title=old_area.title,
            marks=old_area.marks,
            order=old_area.order,
        )
        areas.append(area)
        for old_activity in old_area.activities.all():
            activity = Activity(
                area=area, number=old_activity.number, title=old_activity.title, order=old_activity.order
            )
            activities.append(activity)
            for old in old_activity.indicators.all():
                indicator = Indicator(
                    plan=plan,
                    activity=activity,
                    number=old.number,
                    title=old.title,
                    unit=old.unit,
                    weight=old.weight,
                    target_date=_next_year(old.target_date),
                    target_value=old.target_value,
                    responsible=old.responsible,
                    responsible_branch_id=old.responsible_branch_id,
                    responsible_post_id=old.responsible_post_id,
                    evidence_kinds=list(old.evidence_kinds),
                    order=old.order,
                )
                indicators.append(indicator)
                tiers += [
                    TierTarget(indicator=indicator, level=t.level, value=t.value, date=_next_year(t.date))
                    for t in old.tiers.all()
                ]
                quarters += [
                    QuarterTarget(
                        indicator=indicator, quarter=q.quarter, value=q.value, date=_next_year(q.date)
                    )
                    for q in old.quarter_targets.all()
                ]
    bulk_create_with_history(areas, Area, default_user=by)
    for activity in activities:
        activity.area_id = activity.area.pk
    bulk_create_with_history(activities, Activity, default_user=by)
    for indicator in indicators:
        indicator.activity_id = indicator.activity.pk
    bulk_create_with_history(indicators, Indicator, default_user=by)
    for row in tiers + quarters:
        row.indicator_id = row.indicator.pk
    bulk_create_with_history(tiers, TierTarget, default_user=by)
    bulk_create_with_history(quarters, QuarterTarget, default_user=by)
    return plan
