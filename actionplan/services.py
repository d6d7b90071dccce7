"""The writes of the action plan, each in one transaction: importing a template, copying a plan
(last year's, or the superior office's template: actionplan/subordinates/)."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from actionplan.drafts import IndicatorDraft
from actionplan.importing.files import read_rows
from actionplan.importing.template import PlanDraft, parse_template
from actionplan.models import Activity, Area, Indicator, Plan, QuarterTarget, TierTarget, Unit
from actionplan.rules import shown_fiscal_year
from actionplan.signals import plan_changed_on_commit
from offices.models import Branch, Office, Post


def refuse_second_plan(office: Office, fiscal_year: int):
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
    refuse_second_plan(office, fiscal_year)
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
    plan_changed_on_commit(plan.pk)
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
            indicator = Indicator(
                plan=plan,
                activity=activity,
                **indicator_fields(item),
                responsible_branch=branches.get(item.responsible),
                responsible_post=posts.get(item.responsible),
                order=len(indicators),
            )
            indicators.append(indicator)
            tiers += [
                with_target(TierTarget(indicator=indicator, level=level), value)
                for level, value in item.tiers.items()
            ]
            quarters += [
                with_target(QuarterTarget(indicator=indicator, quarter=quarter), value)
                for quarter, value in item.quarters.items()
            ]
    bulk_create_with_history(indicators, Indicator, default_user=by)
    for row in tiers + quarters:
        row.indicator_id = row.indicator.pk  # the indicators have their ids only now
    bulk_create_with_history(tiers, TierTarget, default_user=by)
    bulk_create_with_history(quarters, QuarterTarget, default_user=by)


def indicator_fields(item: IndicatorDraft) -> dict:
    """An indicator's own fields from its draft, the target in its column (a date or a number)."""
    dated = item.unit == Unit.DATE
    return {
        "number": item.number,
        "title": item.title,
        "unit": item.unit,
        "weight": item.weight,
        "target_date": item.target if dated else None,
        "target_value": None if dated else item.target,
        "responsible": item.responsible,
        "evidence_kinds": list(item.evidence_kinds),
    }


def with_target(row, value):
    """A tier or a quarter's target row with its value: a date, or a number."""
    if isinstance(value, datetime.date):
        row.date = value
    else:
        row.value = value
    return row


def _next_year(day: datetime.date) -> datetime.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


@transaction.atomic
def plan_copy_last_year(*, office: Office, fiscal_year: int, by) -> Plan:
    """This year's plan as a copy of last year's: the same rows, weights and targets, dates a year on."""
    refuse_second_plan(office, fiscal_year)
    source = Plan.objects.filter(office=office, fiscal_year=fiscal_year - 1).first()
    if source is None:
        raise ValidationError(
            _("There is no plan for %(year)s to copy.") % {"year": shown_fiscal_year(fiscal_year - 1)}
        )
    return plan_copy(
        source=source,
        office=office,
        fiscal_year=fiscal_year,
        origin=Plan.Origin.COPIED,
        move_date=_next_year,
        by=by,
    )


def plan_copy(*, source: Plan, office: Office, fiscal_year: int, origin: str, by, move_date=None) -> Plan:
    """A new plan of `office` with `source`'s areas, activities and indicators, their weights, targets,
    tiers, quarterly targets, responsible and evidence; `move_date` moves each date (to the next year),
    and an indicator's responsible branch and post are the office's own of the same name. The caller
    holds the transaction and has refused a second plan for the year."""
    move_date = move_date or (lambda day: day)
    indicators = Indicator.objects.select_related("responsible_branch", "responsible_post").prefetch_related(
        "tiers", "quarter_targets"
    )
    activities = Activity.objects.prefetch_related(Prefetch("indicators", queryset=indicators))
    source_areas = source.areas.prefetch_related(Prefetch("activities", queryset=activities))
    plan = Plan(
        office=office,
        fiscal_year=fiscal_year,
        total_marks=source.total_marks,
        numbers_in_brackets=source.numbers_in_brackets,
        origin=origin,
        copied_from=source,
        created_by=by,
    )
    plan.full_clean()
    plan.save()
    branches = {branch.name: branch.pk for branch in Branch.objects.filter(office=office)}
    posts = {post.title: post.pk for post in Post.objects.filter(office=office)}
    areas, activities, indicators, tiers, quarters = [], [], [], [], []
    for old_area in source_areas:
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
                branch, post = old.responsible_branch, old.responsible_post
                indicator = Indicator(
                    plan=plan,
                    activity=activity,
                    number=old.number,
                    title=old.title,
                    unit=old.unit,
                    weight=old.weight,
                    target_date=old.target_date and move_date(old.target_date),
                    target_value=old.target_value,
                    responsible=old.responsible,
                    responsible_branch_id=_own(branch, office, branches, "name", old.responsible),
                    responsible_post_id=_own(post, office, posts, "title", old.responsible),
                    evidence_kinds=list(old.evidence_kinds),
                    order=old.order,
                )
                indicators.append(indicator)
                tiers += [
                    TierTarget(
                        indicator=indicator, level=t.level, value=t.value, date=t.date and move_date(t.date)
                    )
                    for t in old.tiers.all()
                ]
                quarters += [
                    QuarterTarget(
                        indicator=indicator,
                        quarter=q.quarter,
                        value=q.value,
                        date=q.date and move_date(q.date),
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
    plan_changed_on_commit(plan.pk)
    return plan


def _own(record, office: Office, by_name: dict, field: str, responsible: str) -> int | None:
    """The office's own branch (or post) for a copied indicator: the same one within an office; else
    the office's one of the same name as the source's, or as the indicator's responsible text."""
    if record is not None and record.office_id == office.pk:
        return record.pk
    return by_name.get(getattr(record, field) if record is not None else responsible)
