"""The plan's forms: importing a template, copying last year's plan."""

from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from actionplan.evidence import ACCEPTED_EXTENSIONS, check_size
from actionplan.importing.files import MAX_BYTES
from actionplan.scoring import parse_achievement
from actionplan.subordinates.selectors import SORTS
from bangla.fiscal import fiscal_year_start, format_fiscal_year
from bangla.forms import DateField, IntegerField, shown_digits

FIRST_YEAR = 2019


def _fiscal_year_choices() -> list[tuple[int, str]]:
    """Next year's back to 2019-20, when offices began keeping these plans."""
    this_year = fiscal_year_start(timezone.localdate())
    return [(year, format_fiscal_year(year)) for year in range(this_year + 1, FIRST_YEAR - 1, -1)]


def this_fiscal_year() -> int:
    return fiscal_year_start(timezone.localdate())


class FiscalYearField(forms.TypedChoiceField):
    def __init__(self, **kwargs):
        super().__init__(choices=_fiscal_year_choices, coerce=int, label=_("fiscal year"), **kwargs)


class PlanImportForm(forms.Form):
    fiscal_year = FiscalYearField(initial=this_fiscal_year)
    total_marks = IntegerField(
        label=_("total marks"),
        required=False,
        min_value=1,
        max_value=1000,
        help_text=_(
            "The plan's total, e.g. 50 or 100. Leave it empty to take the sum of the indicators' marks."
        ),
    )
    template = forms.FileField(
        label=_("template file"),
        help_text=_("A CSV file (UTF-8) or an Excel workbook (.xlsx) with the template's columns."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
    )

    def clean_template(self):
        upload = self.cleaned_data["template"]
        if upload.size > MAX_BYTES:  # refused before it is read
            raise forms.ValidationError(
                gettext("The file is too large: a template may be at most %(limit)s KB.")
                % {"limit": shown_digits(MAX_BYTES // 1024)}
            )
        return upload


class PlanCopyForm(forms.Form):
    fiscal_year = FiscalYearField(initial=this_fiscal_year)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class EvidenceFilesField(forms.FileField):
    """Several evidence files in one input; each refused before it is read if it is too large."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        cleaned = [super(EvidenceFilesField, self).clean(item, initial) for item in files]
        errors = []
        for upload in cleaned:
            try:
                check_size(upload.name, upload.size)
            except forms.ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise forms.ValidationError(errors)
        return cleaned


class AchievementReportForm(forms.Form):
    """A quarter's achievement: a date for a date indicator (২৫.১০.২০২২), else a number (৮৫, ৮৫%)."""

    note = forms.CharField(
        label=_("note"), required=False, max_length=2000, widget=forms.Textarea({"rows": 3})
    )
    files = EvidenceFilesField(
        label=_("evidence files"),
        required=False,
        help_text=_("PDF, JPEG, PNG, Word (.docx), Excel (.xlsx) or text; several files may be chosen."),
        widget=MultipleFileInput(attrs={"accept": ",".join(ACCEPTED_EXTENSIONS)}),
    )

    def __init__(self, *args, indicator, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        if indicator.is_dated:
            achieved = DateField(label=_("date it was done"))
        else:
            achieved = forms.CharField(
                label=_("achievement (%)") if indicator.unit == "percent" else _("achievement (count)"),
                max_length=30,
                widget=forms.TextInput({"inputmode": "decimal"}),
            )
        self.fields = {"achieved": achieved, **self.fields}

    def clean_achieved(self):
        value = self.cleaned_data["achieved"]
        if self.indicator.is_dated:
            return value
        try:
            return parse_achievement(value)
        except ValueError:
            raise forms.ValidationError(
                gettext("Type the achievement as a number from 0 up, for example %(example)s.")
                % {"example": shown_digits("85")}
            ) from None


def shown_achievement(value):
    """A reported achievement as the form shows it again: a date as it is (the date input shows
    it), a number without trailing zeros in the reader's digits (৮৫.৫, not 85.50)."""
    if isinstance(value, Decimal):
        return shown_digits(format(value.normalize(), "f"))
    return value


class ReportReturnForm(forms.Form):
    comment = forms.CharField(label=_("comment"), max_length=2000, widget=forms.Textarea({"rows": 2}))


class OverviewForm(forms.Form):
    """The subordinates' overview's GET parameters; a value that is none of these is ignored."""

    year = FiscalYearField(required=False, widget=forms.Select({"class": "form-select"}))
    sort = forms.ChoiceField(
        required=False, choices=[(value, value) for key in SORTS for value in (key, f"-{key}")]
    )
