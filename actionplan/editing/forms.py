"""The plan editor's forms: the plan's own facts, and rows for areas, activities and indicators.

Every value is typed as the plans write it and checked by actionplan/rules.py, the importer's rules:
numbers ([১.১.১]), weights, targets and tiers in Bangla or ASCII digits, dates day-month-year
inside the plan's fiscal year. A target, a tier or a quarter's target is a date or a number by the
indicator's unit, so it is read in the form's clean(), once the unit is known.

Every field of a row is optional: a row left blank is dropped (a new row comes with its number filled
in, which alone does not count); a row with anything else in it must be complete.
"""

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from actionplan import rules
from actionplan.drafts import ActivityDraft, AreaDraft, IndicatorDraft
from actionplan.importing.columns import QUARTERS, TIERS
from actionplan.models import EvidenceKind, Unit
from actionplan.rules import MAX_TOTAL, MAX_WEIGHT, RuleError
from bangla.forms import shown_digits
from minutes.content.forms import row_formset

BIGGEST_ID = 2**63 - 1
MAX_AREAS, MAX_ACTIVITIES, MAX_INDICATORS = 30, 60, 30  # per plan, per area, per activity
TIER_FIELDS = [(f"tier_{level}", level) for level in rules.TIER_LEVELS]
QUARTER_FIELDS = [(f"q{quarter}", quarter) for quarter in QUARTERS]
TERM_FIELDS = (
    "number",
    "unit",
    "weight",
    "target",
    *(n for n, _l in TIER_FIELDS),
    *(n for n, _q in QUARTER_FIELDS),
)
SMALL = "form-control form-control-sm"


def _checked(check, *args, **kwargs):
    try:
        return check(*args, **kwargs)
    except RuleError as error:
        raise forms.ValidationError(error.message) from None


class PlanNumberField(forms.CharField):
    """[১.১.১] or 1.1.1 at its level, stored normalised ("1.1.1")."""

    def __init__(self, *, depth: int, **kwargs):
        self.depth = depth
        super().__init__(
            max_length=30, widget=forms.TextInput({"class": SMALL, "inputmode": "decimal"}), **kwargs
        )

    def clean(self, value):
        value = super().clean(value)
        return _checked(rules.plan_number, value, self.depth)[0] if value else ""


class PlanDecimalField(forms.CharField):
    """Marks and weights: ৫, ২.৫, 29 (at most two decimal places)."""

    def __init__(self, *, maximum, **kwargs):
        self.maximum = maximum
        super().__init__(
            max_length=30, widget=forms.TextInput({"class": SMALL, "inputmode": "decimal"}), **kwargs
        )

    def clean(self, value):
        value = super().clean(value)
        return _checked(rules.decimal, value, positive=True, maximum=self.maximum) if value else None


class PlanTextField(forms.CharField):
    """A title or the responsible as the plan writes it; too long, a message with Bangla digits."""

    def __init__(self, *, limit: int, **kwargs):
        self.limit = limit
        super().__init__(widget=forms.TextInput({"class": SMALL, "maxlength": limit}), **kwargs)

    def clean(self, value):
        return _checked(rules.text, super().clean(value), self.limit)


def _text(label, limit):
    return PlanTextField(label=label, limit=limit, required=False)


def _tier_label(level: int):
    """অসাধারণ (১০০%), with the digits of the reader's language."""
    return lazy(lambda: f"{TIERS[level]} ({shown_digits(level)}%)", str)()


def _target(label):
    """A target, tier or quarter's target, read by the form once the unit is known."""
    return forms.CharField(
        label=label,
        max_length=30,
        required=False,
        widget=forms.TextInput({"class": SMALL, "inputmode": "decimal"}),
    )


def _office_choice(label):
    """One of the office's branches or posts (their choices are set per editor), or none."""
    return forms.TypedChoiceField(
        label=label,
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.Select({"class": "form-select form-select-sm"}),
    )


class PlanHeaderForm(forms.Form):
    total_marks = PlanDecimalField(label=_("total marks"), maximum=MAX_TOTAL)
    numbers_in_brackets = forms.BooleanField(
        label=_("numbers written in brackets: [১.১.১]"),
        required=False,
        widget=forms.CheckboxInput({"class": "form-check-input"}),
    )
    seen = forms.CharField(widget=forms.HiddenInput, max_length=64)


class _RowForm(forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1, max_value=BIGGEST_ID)
    required_fields: tuple = ()
    ignored_when_blank = ("id", "number", "ORDER", "DELETE")

    def own_fields_blank(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return not any(value for name, value in data.items() if name not in self.ignored_when_blank)

    def require(self):
        """The row is kept: its required fields must be filled in."""
        data = getattr(self, "cleaned_data", {})
        for name in self.required_fields:
            if not data.get(name) and name not in self.errors:
                self.add_error(name, gettext("Fill this in."))


class AreaForm(_RowForm):
    number = PlanNumberField(depth=1, label=_("area no."), required=False)
    title = _text(_("area"), 500)
    marks = PlanDecimalField(label=_("area's marks"), maximum=MAX_TOTAL, required=False)
    required_fields = ("number", "marks")

    def draft(self, activities) -> AreaDraft:
        data = self.cleaned_data
        return AreaDraft(
            pk=data["id"],
            number=data["number"],
            title=data["title"],
            marks=data["marks"],
            activities=activities,
        )


class ActivityForm(_RowForm):
    number = PlanNumberField(depth=2, label=_("activity no."), required=False)
    title = _text(_("activity"), 500)
    required_fields = ("number", "title")

    def draft(self, indicators) -> ActivityDraft:
        data = self.cleaned_data
        return ActivityDraft(pk=data["id"], number=data["number"], title=data["title"], indicators=indicators)


class IndicatorForm(_RowForm):
    number = PlanNumberField(depth=3, label=_("indicator no."), required=False)
    title = _text(_("performance indicator"), 500)
    unit = forms.ChoiceField(
        label=_("unit"),
        required=False,
        choices=[("", "—"), *Unit.choices],
        widget=forms.Select({"class": "form-select form-select-sm"}),
    )
    weight = PlanDecimalField(label=_("weight"), maximum=MAX_WEIGHT, required=False)
    target = _target(_("target"))
    tier_100 = _target(_tier_label(100))
    tier_90 = _target(_tier_label(90))
    tier_80 = _target(_tier_label(80))
    tier_70 = _target(_tier_label(70))
    tier_60 = _target(_tier_label(60))
    q1 = _target(QUARTERS[1])
    q2 = _target(QUARTERS[2])
    q3 = _target(QUARTERS[3])
    q4 = _target(QUARTERS[4])
    responsible = _text(_("responsible (as the plan writes it)"), 300)
    responsible_branch = _office_choice(_("responsible branch"))
    responsible_post = _office_choice(_("responsible post"))
    evidence_kinds = forms.MultipleChoiceField(
        label=_("evidence needed"),
        required=False,
        choices=EvidenceKind.choices,
        widget=forms.CheckboxSelectMultiple({"class": "form-check-input"}),
    )
    required_fields = ("number", "title", "unit", "weight", "target")

    def __init__(self, *args, fiscal_year: int, branches: list, posts: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.fiscal_year = fiscal_year
        self.fields["responsible_branch"].choices = [("", "—"), *branches]
        self.fields["responsible_post"].choices = [("", "—"), *posts]
        self.lock = None

    def target_cells(self):
        """The tiers' and the quarters' fields, in the columns the plans print them."""
        return [self[name] for name, _level in (*TIER_FIELDS, *QUARTER_FIELDS)]

    def set_lock(self, lock) -> None:
        """A reported indicator keeps its unit; a scored one its terms (actionplan/editing/locks.py):
        those fields are shown disabled and keep the stored values whatever is posted."""
        self.lock = lock
        for name in TERM_FIELDS if lock.scored else ("unit",):
            self.fields[name].disabled = True

    def clean(self):
        data = super().clean()
        unit = data.get("unit")
        for name in ("target", *(n for n, _l in TIER_FIELDS), *(n for n, _q in QUARTER_FIELDS)):
            if name in self.errors or not data.get(name):
                data[name] = None
                continue
            if not unit:  # kept as typed: the row is not blank, and its unit is asked for
                continue
            try:
                data[name] = rules.target(data[name], unit, self.fiscal_year)
            except RuleError as error:
                self.add_error(name, error.message)
        tiers = {level: data.get(name) for name, level in TIER_FIELDS}
        if unit and not any(name in self.errors for name, _l in (*TIER_FIELDS, ("target", 0))):
            try:
                rules.check_tiers(unit, tiers, data.get("target"))
            except RuleError as error:
                self.add_error(None, error.message)
        if not data.get("responsible"):  # as the plan would write it: the branch's or the post's name
            for name in ("responsible_branch", "responsible_post"):
                if data.get(name):
                    data["responsible"] = str(dict(self.fields[name].choices).get(data[name], ""))
                    break
        return data

    def draft(self) -> IndicatorDraft:
        data = self.cleaned_data
        return IndicatorDraft(
            pk=data["id"],
            number=data["number"],
            title=data["title"],
            unit=data["unit"],
            weight=data["weight"],
            target=data["target"],
            tiers={level: data[name] for name, level in TIER_FIELDS if data.get(name) is not None},
            quarters={quarter: data[name] for name, quarter in QUARTER_FIELDS if data.get(name) is not None},
            responsible=data["responsible"],
            responsible_branch_id=data["responsible_branch"],
            responsible_post_id=data["responsible_post"],
            evidence_kinds=list(data["evidence_kinds"]),
        )


AreaFormSet = row_formset(AreaForm, MAX_AREAS)
ActivityFormSet = row_formset(ActivityForm, MAX_ACTIVITIES)
IndicatorFormSet = row_formset(IndicatorForm, MAX_INDICATORS)
