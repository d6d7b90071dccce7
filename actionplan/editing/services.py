"""Saving the editor's plan: checked whole by the importer's rules and the rules of a reported plan,
then written in one transaction, each area, activity and indicator created, changed or removed
written to the office's audit log (offices/audit.py)."""

import dataclasses
import datetime
from decimal import Decimal
from itertools import count

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from actionplan import rules
from actionplan.drafts import PlanDraft
from actionplan.editing.content import fingerprint, stored_draft
from actionplan.editing.locks import indicator_locks, lock_problems
from actionplan.models import Activity, Area, EvidenceKind, Indicator, Plan, QuarterTarget, TierTarget
from actionplan.numbering import show_number
from actionplan.services import indicator_fields, with_target
from actionplan.signals import plan_changed_on_commit
from bangla.forms import shown_digits
from offices.access import require_admin
from offices.audit import Action, audit_record, changes_between
from offices.models import Branch, Post


@transaction.atomic
def plan_edit(*, plan: Plan, draft: PlanDraft, seen: str, by) -> Plan:
    """Write the edited plan, or refuse it whole with every problem listed. `seen` is the fingerprint
    of the plan as the editor opened it: a plan changed since is refused, not overwritten."""
    require_admin(by, plan.office)
    plan = Plan.objects.select_for_update().select_related("office").get(pk=plan.pk)
    stored = stored_draft(plan)
    if fingerprint(stored) != seen:
        raise ValidationError(
            _(
                "The plan was changed by someone else after you opened the editor. Nothing was saved: "
                "open the editor again to see the plan as it is now."
            )
        )
    draft = dataclasses.replace(draft, fiscal_year=plan.fiscal_year)
    office = _OfficeNames(plan.office_id)
    problems = rules.draft_problems(draft) + _row_problems(stored, draft) + office.problems(draft)
    problems += lock_problems(stored, draft, indicator_locks(plan))
    if problems:
        raise ValidationError(problems)
    _Writer(plan, stored, draft, office, by).write()
    plan_changed_on_commit(plan.pk)
    return plan


def _row_problems(stored: PlanDraft, draft: PlanDraft) -> list[str]:
    """Each stored row the draft names must be of this plan, named once, under the parent it had
    (the editor moves rows only among their siblings)."""
    parents = {}
    for area in stored.areas:
        parents[("area", area.pk)] = None
        for activity in area.activities:
            parents[("activity", activity.pk)] = area.pk
            for indicator in activity.indicators:
                parents[("indicator", indicator.pk)] = activity.pk
    named = []
    for area in draft.areas:
        named.append(("area", area.pk, None))
        for activity in area.activities:
            named.append(("activity", activity.pk, area.pk))
            named += [("indicator", indicator.pk, activity.pk) for indicator in activity.indicators]
    seen = set()
    for kind, pk, parent in named:
        if pk is None:
            continue
        if (kind, pk) in seen or (kind, pk) not in parents or parents[(kind, pk)] != parent:
            return [_("The plan's rows are not as they were stored: open the editor again.")]
        seen.add((kind, pk))
    return []


class _OfficeNames:
    """The office's branches and posts: those an indicator may name as responsible (two queries)."""

    def __init__(self, office_id: int):
        self.branches = dict(Branch.objects.filter(office_id=office_id).values_list("pk", "name"))
        self.posts = {
            post.pk: str(post) for post in Post.objects.filter(office_id=office_id).select_related("branch")
        }

    def problems(self, draft: PlanDraft) -> list[str]:
        return [
            _("%(number)s: the responsible branch or post is not one of the office's.")
            % {"number": shown_digits(show_number(indicator.number, draft.numbers_in_brackets, bangla=False))}
            for indicator in draft.indicators()
            if (indicator.responsible_branch_id and indicator.responsible_branch_id not in self.branches)
            or (indicator.responsible_post_id and indicator.responsible_post_id not in self.posts)
        ]


# ---- What the audit log keeps: plain values, numbers and dates in ASCII digits ------------------------


def _value(value):
    if value is None or value == "":
        return None
    if isinstance(value, datetime.date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, Decimal):
        return rules.plain(value)
    return value


def _area_facts(area, position) -> dict:
    return {"number": area.number, "title": area.title, "marks": _value(area.marks), "order": position}


def _activity_facts(activity, position) -> dict:
    return {"number": activity.number, "title": activity.title, "order": position}


def _indicator_facts(indicator, position, office: _OfficeNames) -> dict:
    labels = dict(EvidenceKind.choices)
    return {
        "number": indicator.number,
        "title": indicator.title,
        "unit": indicator.unit,
        "weight": _value(indicator.weight),
        "target": _value(indicator.target),
        "tiers": [_value(indicator.tiers.get(level)) for level in rules.TIER_LEVELS],
        "quarter_targets": [_value(indicator.quarters.get(quarter)) for quarter in range(1, 5)],
        "responsible": indicator.responsible,
        "responsible_branch": office.branches.get(indicator.responsible_branch_id),
        "responsible_post": office.posts.get(indicator.responsible_post_id),
        "evidence_kinds": [str(labels.get(kind, kind)) for kind in indicator.evidence_kinds],
        "order": position,
    }


# ---- Writing ----------------------------------------------------------------------------------------


class _Writer:
    """Removes what the draft left out, then saves each row that changed or is new, in the draft's
    order. Numbers are unique in the database: rows whose number changes first take a temporary one,
    so that two indicators may swap their numbers."""

    def __init__(self, plan: Plan, stored: PlanDraft, draft: PlanDraft, office: _OfficeNames, by):
        self.plan, self.stored, self.draft, self.office, self.by = plan, stored, draft, office, by
        self.before = {}  # (model, pk) -> the facts the audit log compares
        # (model, pk) -> its stored `order`, which runs across the plan (three queries)
        self.orders = {
            (model, pk): order
            for model in (Area, Activity, Indicator)
            for pk, order in model.objects.filter(pk__in=_pks(stored, model)).values_list("pk", "order")
        }
        for area_position, area in enumerate(stored.areas, 1):
            self.before[(Area, area.pk)] = _area_facts(area, area_position)
            for position, activity in enumerate(area.activities, 1):
                self.before[(Activity, activity.pk)] = _activity_facts(activity, position)
                for indicator_position, indicator in enumerate(activity.indicators, 1):
                    facts = _indicator_facts(indicator, indicator_position, office)
                    self.before[(Indicator, indicator.pk)] = facts

    def write(self):
        self._remove_left_out()
        self._renumber_apart()
        self._save_plan()
        activity_order, indicator_order = count(), count()  # across the plan, as the importer orders them
        for area_position, area in enumerate(self.draft.areas, 1):
            area_row = self._save(
                Area,
                area,
                _area_facts(area, area_position),
                plan=self.plan,
                number=area.number,
                title=area.title,
                marks=area.marks,
                order=area_position - 1,
            )
            for position, activity in enumerate(area.activities, 1):
                activity_row = self._save(
                    Activity,
                    activity,
                    _activity_facts(activity, position),
                    area=area_row,
                    number=activity.number,
                    title=activity.title,
                    order=next(activity_order),
                )
                for indicator_position, indicator in enumerate(activity.indicators, 1):
                    self._save_indicator(activity_row, indicator, indicator_position, next(indicator_order))

    def _name(self, number: str, title: str) -> str:
        return f"{show_number(number, self.draft.numbers_in_brackets)} {title}".strip()

    def _remove_left_out(self):
        kept = {(Indicator, i.pk) for i in self.draft.indicators()}
        kept |= {(Activity, a.pk) for area in self.draft.areas for a in area.activities}
        kept |= {(Area, area.pk) for area in self.draft.areas}
        for model in (Indicator, Activity, Area):  # the leaves first: nothing cascades unrecorded
            gone = [pk for kind, pk in self.before if kind is model and (kind, pk) not in kept]
            for row in model.objects.filter(pk__in=gone).order_by("pk"):
                audit_record(
                    office=self.plan.office,
                    by=self.by,
                    action=Action.REMOVED,
                    record=row,
                    name=self._name(row.number, getattr(row, "title", "")),
                )
                row._history_user = self.by
                row.delete()

    def _renumber_apart(self):
        stored = _numbers(self.stored)
        for (model, pk), number in _numbers(self.draft).items():
            if pk is not None and stored[(model, pk)] != number:
                model.objects.filter(pk=pk).update(number=f"~{pk}")  # written again just after

    def _save_plan(self):
        fields = {
            "total_marks": self.draft.total_marks,
            "numbers_in_brackets": self.draft.numbers_in_brackets,
        }
        before = {name: _value(getattr(self.plan, name)) for name in fields}
        changes = changes_between(before, {name: _value(value) for name, value in fields.items()})
        if changes:
            for name, value in fields.items():
                setattr(self.plan, name, value)
            self._store(self.plan)
            audit_record(
                office=self.plan.office, by=self.by, action=Action.CHANGED, record=self.plan, changes=changes
            )

    def _save(self, model, draft_row, facts: dict, **fields) -> models.Model:
        """Create the row, or change it if its facts changed; one audit entry either way."""
        before = self.before.get((model, draft_row.pk))
        changes = changes_between(before or {}, facts)
        if before is not None and not changes:
            if self.orders.get((model, draft_row.pk)) != fields["order"]:  # moved by rows before it
                model.objects.filter(pk=draft_row.pk).update(order=fields["order"])
            return model(pk=draft_row.pk, **fields)
        row = model(pk=draft_row.pk, **fields)
        if before is not None:
            row._state.adding = False
        self._store(row)
        action = Action.CHANGED if before is not None else Action.CREATED
        audit_record(
            office=self.plan.office,
            by=self.by,
            action=action,
            record=row,
            changes=changes,
            name=self._name(facts["number"], facts.get("title", "")),
        )
        return row

    def _save_indicator(self, activity: Activity, indicator, position: int, order: int):
        facts = _indicator_facts(indicator, position, self.office)
        before = self.before.get((Indicator, indicator.pk))
        row = self._save(
            Indicator,
            indicator,
            facts,
            plan=self.plan,
            activity=activity,
            **indicator_fields(indicator),
            responsible_branch_id=indicator.responsible_branch_id,
            responsible_post_id=indicator.responsible_post_id,
            order=order,
        )
        targets_changed = before is None or any(
            before[name] != facts[name] for name in ("tiers", "quarter_targets", "unit")
        )
        if targets_changed:
            TierTarget.objects.filter(indicator=row).delete()
            QuarterTarget.objects.filter(indicator=row).delete()
            tiers = [
                with_target(TierTarget(indicator=row, level=level), v) for level, v in indicator.tiers.items()
            ]
            quarters = [
                with_target(QuarterTarget(indicator=row, quarter=q), v) for q, v in indicator.quarters.items()
            ]
            bulk_create_with_history(tiers, TierTarget, default_user=self.by)
            bulk_create_with_history(quarters, QuarterTarget, default_user=self.by)

    def _store(self, row: models.Model):
        """Checked field by field (lengths, digits) and saved in the row's history with its author; the
        database keeps the constraints, which the draft's rules have already checked."""
        try:
            row.full_clean(validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            raise ValidationError(
                [f"{self._name(getattr(row, 'number', ''), '')}: {m}".strip(": ") for m in error.messages]
            ) from None
        row._history_user = self.by
        row.save()


def _pks(draft: PlanDraft, model) -> list[int]:
    return [pk for (kind, pk) in _numbers(draft) if kind is model and pk is not None]


def _numbers(draft: PlanDraft) -> dict[tuple, str]:
    """{(model, pk): number} of the draft's rows (new rows all under pk None)."""
    numbers = {}
    for area in draft.areas:
        numbers[(Area, area.pk)] = area.number
        for activity in area.activities:
            numbers[(Activity, activity.pk)] = activity.number
            numbers.update({(Indicator, i.pk): i.number for i in activity.indicators})
    return numbers
