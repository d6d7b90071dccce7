"""The whole-plan editor: one page, one POST, one transaction, as the minutes editor
(minutes/content/editor.py) works.

The plan's own facts and nested formsets are bound to one POST: areas ("areas"), each area's
activities ("areas-0-activities") and each activity's indicators ("areas-0-activities-1-indicators").
Adding, removing and moving rows are POSTs too ("action" button values such as "add:areas",
"add:areas-0-activities-1-indicators", "remove:areas-1", "up:areas-0-activities-2"): the editor edits
the posted data and renders it again, unsaved; htmx swaps it in place, or the browser reloads the page
without JavaScript. A new row comes with the next number under its parent filled in.

Posted text is normalised (NFC) once, here, before any form sees it.
"""

import re
from decimal import Decimal

from django.core.exceptions import BadRequest, ValidationError
from django.http import QueryDict

from actionplan import numbering, rules
from actionplan.drafts import IndicatorDraft, PlanDraft
from actionplan.editing.content import fingerprint, stored_draft
from actionplan.editing.forms import (
    MAX_ACTIVITIES,
    MAX_AREAS,
    MAX_INDICATORS,
    QUARTER_FIELDS,
    TIER_FIELDS,
    ActivityFormSet,
    AreaFormSet,
    IndicatorFormSet,
    PlanHeaderForm,
)
from actionplan.editing.locks import indicator_locks
from actionplan.models import Plan
from actionplan.rules import RuleError, shown_value
from bangla.forms import shown_digits
from minutes.content import rows
from minutes.content.richtext import normalize_text
from offices.models import Branch, Post

LIMITS = {"areas": MAX_AREAS, "activities": MAX_ACTIVITIES, "indicators": MAX_INDICATORS}
MAX_PLAN_ACTIVITIES, MAX_PLAN_INDICATORS = 300, 500  # a plan's whole: far beyond any real one
_LIST = r"areas(?:-\d{1,3}-activities(?:-\d{1,3}-indicators)?)?"
_ACTION = re.compile(rf"(add):({_LIST})|(remove|up|down):({_LIST}-\d{{1,3}})")
_CHILDREN = {"areas": "activities", "activities": "indicators"}


def row_limit(prefix: str) -> int:
    return LIMITS[prefix.rpartition("-")[2]]


def total_forms(data: QueryDict, prefix: str) -> int:
    return rows.total_forms(data, prefix, row_limit(prefix))


def _normalized(data: QueryDict) -> QueryDict:
    copy = QueryDict(mutable=True)
    for key, values in data.lists():
        copy.setlist(key, [normalize_text(v) for v in values])
    return copy


def _shown_number(number: str, brackets: bool) -> str:
    return shown_digits(numbering.show_number(number, brackets, bangla=False))


def _indicator_initial(indicator: IndicatorDraft, brackets: bool) -> dict:
    return {
        "id": indicator.pk,
        "number": _shown_number(indicator.number, brackets),
        "title": indicator.title,
        "unit": indicator.unit,
        "weight": shown_value(indicator.weight),
        "target": shown_value(indicator.target),
        **{name: shown_value(indicator.tiers.get(level)) for name, level in TIER_FIELDS},
        **{name: shown_value(indicator.quarters.get(quarter)) for name, quarter in QUARTER_FIELDS},
        "responsible": indicator.responsible,
        "responsible_branch": indicator.responsible_branch_id,
        "responsible_post": indicator.responsible_post_id,
        "evidence_kinds": list(indicator.evidence_kinds),
    }


class PlanEditor:
    def __init__(self, plan: Plan, data: QueryDict | None = None):
        self.plan = plan
        self.refusals: list[str] = []
        self.stored = stored_draft(plan)
        self.locks = indicator_locks(plan)
        brackets = plan.numbers_in_brackets
        self.stored_initial = {i.pk: _indicator_initial(i, brackets) for i in self.stored.indicators()}
        branches = Branch.objects.filter(office_id=plan.office_id).order_by("name")
        posts = Post.objects.filter(office_id=plan.office_id).select_related("branch").order_by("title")
        self.indicator_kwargs = {
            "fiscal_year": plan.fiscal_year,
            "branches": list(branches.values_list("pk", "name")),
            "posts": [(post.pk, str(post)) for post in posts],
        }
        self.data = None if data is None else _normalized(data)
        if self.data is None:
            self._build_from_plan()
        else:
            self._build_from_data(self.data)

    # -- building ---------------------------------------------------------------------------------
    def _build_from_plan(self):
        stored, brackets = self.stored, self.plan.numbers_in_brackets
        self.header = PlanHeaderForm(
            prefix="plan",
            initial={
                "total_marks": shown_value(stored.total_marks),
                "numbers_in_brackets": brackets,
                "seen": fingerprint(stored),
            },
        )
        areas = [
            {
                "id": a.pk,
                "number": _shown_number(a.number, brackets),
                "title": a.title,
                "marks": shown_value(a.marks),
            }
            for a in stored.areas
        ]
        self.areas = AreaFormSet(prefix="areas", initial=rows.numbered(areas))
        for area_form, area in zip(self.areas.forms, stored.areas, strict=True):
            activities = [
                {"id": a.pk, "number": _shown_number(a.number, brackets), "title": a.title}
                for a in area.activities
            ]
            area_form.children = ActivityFormSet(
                prefix=f"{area_form.prefix}-activities", initial=rows.numbered(activities)
            )
            for activity_form, activity in zip(area_form.children.forms, area.activities, strict=True):
                indicators = [self.stored_initial[i.pk] for i in activity.indicators]
                activity_form.children = IndicatorFormSet(
                    prefix=f"{activity_form.prefix}-indicators",
                    initial=rows.numbered(indicators),
                    form_kwargs=self.indicator_kwargs,
                )
                for form in activity_form.children.forms:
                    self._lock(form, form.initial.get("id"))

    def _build_from_data(self, data: QueryDict):
        areas = total_forms(data, "areas")
        activities = indicators = 0
        for i in range(areas):
            count = total_forms(data, f"areas-{i}-activities")
            activities += count
            indicators += sum(total_forms(data, f"areas-{i}-activities-{j}-indicators") for j in range(count))
        if activities > MAX_PLAN_ACTIVITIES or indicators > MAX_PLAN_INDICATORS:
            raise BadRequest("too many rows")
        self.header = PlanHeaderForm(data, prefix="plan")
        self.areas = AreaFormSet(data, prefix="areas")
        for area_form in self.areas.forms:
            area_form.children = ActivityFormSet(data, prefix=f"{area_form.prefix}-activities")
            for activity_form in area_form.children.forms:
                activity_form.children = IndicatorFormSet(
                    data, prefix=f"{activity_form.prefix}-indicators", form_kwargs=self.indicator_kwargs
                )
                for form in activity_form.children.forms:
                    self._lock(form, rows.as_int(form["id"].value()))

    def _lock(self, form, pk):
        """A stored indicator that has been reported on keeps its stored terms (editing/locks.py)."""
        if pk in self.locks:
            form.initial = {**form.initial, **self.stored_initial[pk]}
            form.set_lock(self.locks[pk])

    # -- structural actions on the posted data ---------------------------------------------------
    @classmethod
    def apply_action(cls, plan: Plan, data: QueryDict, action: str) -> "PlanEditor":
        match = _ACTION.fullmatch(action)
        if not match:
            raise BadRequest("unknown editor action")
        verb, target = (match[1], match[2]) if match[1] else (match[3], match[4])
        data = data.copy()
        if verb == "add":
            cls._add_row(data, target, plan.numbers_in_brackets)
        elif verb == "remove":
            data[f"{target}-DELETE"] = "on"
        else:
            rows.move_row(data, target, -1 if verb == "up" else 1, row_limit(target.rpartition("-")[0]))
        return cls(plan, data)

    @classmethod
    def _add_row(cls, data: QueryDict, prefix: str, brackets: bool):
        """A new row at the end of the list `prefix`, numbered next under its parent; a new area comes
        with an activity, a new activity with an indicator."""
        index = rows.add_row(data, prefix, row_limit(prefix))
        if index is None:
            return
        parent_prefix, _sep, kind = prefix.rpartition("-")
        parent = _posted_number(data.get(f"{parent_prefix}-number")) if parent_prefix else ""
        if parent or not parent_prefix:  # under a parent whose number is not (yet) one: left empty
            siblings = [
                _posted_number(data.get(f"{prefix}-{i}-number"))
                for i in range(index)
                if not rows.is_deleted(data.get(f"{prefix}-{i}-DELETE"))
            ]
            last = max((int(n.rpartition(".")[2]) for n in siblings if n), default=0)
            number = f"{parent}.{last + 1}" if parent else str(last + 1)
            data[f"{prefix}-{index}-number"] = _shown_number(number, brackets)
        if kind in _CHILDREN:
            cls._add_row(data, f"{prefix}-{index}-{_CHILDREN[kind]}", brackets)

    # -- what the template shows -----------------------------------------------------------------
    def tree(self):
        """[(area form, [(activity form, [indicator forms], removed indicators)], removed activities)]
        in the user's order; each form knows whether it may be removed (`removable`), each area the sum
        of its indicators' weights as typed (`weights`) and whether it differs from its marks."""
        tree = []
        self.weights = Decimal(0)
        for area_form in rows.ordered(self.areas):
            activities = []
            area_form.weights = Decimal(0)
            for activity_form in rows.ordered(area_form.children):
                indicators = rows.ordered(activity_form.children)
                for form in indicators:
                    form.removable = form.lock is None
                    area_form.weights += _typed(form["weight"]) or 0
                activity_form.removable = all(form.removable for form in indicators)
                activities.append((activity_form, indicators, rows.deleted(activity_form.children)))
            area_form.removable = all(form.removable for form, _i, _r in activities)
            area_form.weights_differ = area_form.weights != _typed(area_form["marks"])
            self.weights += area_form.weights
            tree.append((area_form, activities, rows.deleted(area_form.children)))
        self.weights_differ = self.weights != _typed(self.header["total_marks"])
        return tree

    def deleted_areas(self):
        return rows.deleted(self.areas)

    def list_errors(self) -> list[str]:
        """Errors of whole lists (too many rows), and the service's refusals, shown above the editor."""
        formsets = [self.areas]
        for area_form in rows.ordered(self.areas):
            formsets.append(area_form.children)
            formsets += [form.children for form in rows.ordered(area_form.children)]
        return [*self.refusals, *(error for formset in formsets for error in formset.non_form_errors())]

    # -- validation and the plan as data ---------------------------------------------------------
    def _kept(self):
        """[(area form, [(activity form, [indicator forms])])]: the live rows not left blank (a row
        holding a kept row is kept too)."""
        kept = []
        for area_form in rows.ordered(self.areas):
            activities = []
            for activity_form in rows.ordered(area_form.children):
                indicators = [f for f in rows.ordered(activity_form.children) if not f.own_fields_blank()]
                if indicators or not activity_form.own_fields_blank():
                    activities.append((activity_form, indicators))
            if activities or not area_form.own_fields_blank():
                kept.append((area_form, activities))
        return kept

    def is_valid(self) -> bool:
        formsets = [self.areas]
        for area_form in rows.ordered(self.areas):
            formsets.append(area_form.children)
            formsets += [form.children for form in rows.ordered(area_form.children)]
        valid = all([self.header.is_valid(), *(formset.is_valid() for formset in formsets)])
        kept = self._kept()
        for area_form, activities in kept:
            area_form.require()
            for activity_form, indicators in activities:
                activity_form.require()
                for form in indicators:
                    form.require()
        forms = [form for area_form, activities in kept for form in self._forms_of(area_form, activities)]
        return valid and not any(form.errors for form in forms)

    @staticmethod
    def _forms_of(area_form, activities):
        yield area_form
        for activity_form, indicators in activities:
            yield activity_form
            yield from indicators

    def draft(self) -> PlanDraft:
        header = self.header.cleaned_data
        return PlanDraft(
            fiscal_year=self.plan.fiscal_year,
            numbers_in_brackets=header["numbers_in_brackets"],
            total_marks=header["total_marks"],
            areas=[
                area_form.draft(
                    [
                        activity_form.draft([form.draft() for form in forms])
                        for activity_form, forms in activities
                    ]
                )
                for area_form, activities in self._kept()
            ],
        )

    def seen(self) -> str:
        return self.header.cleaned_data["seen"]

    def refuse(self, error: ValidationError) -> None:
        """The service's refusal, listed above the editor."""
        self.refusals += error.messages


def _typed(field) -> Decimal | None:
    """A weight or marks field's value as typed (or stored), None if it is not a number."""
    try:
        return rules.decimal(str(field.value() or ""))
    except RuleError:
        return None


def _posted_number(value) -> str | None:
    """A posted number field as a normalised number; "" when empty, None when it is not a number."""
    if not (value or "").strip():
        return ""
    try:
        return numbering.parse_number(value)[0]
    except ValueError:
        return None
