"""The plan's forms: importing a template, copying last year's plan."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from actionplan.importing.files import MAX_BYTES
from bangla.fiscal import fiscal_year_start, format_fiscal_year
from bangla.forms import IntegerField, shown_digits

FIRST_YEAR = 2019


def _fiscal_year_choices() -> list[tuple[int, str]]:
    """Next year's back to 2019-20, when offices began keeping these plans."""
    this_year = fiscal_year_start(timezone.localdate())
    return [(year, format_fiscal_year(year)) for year in range(this_year + 1, FIRST_YEAR - 1, -1)]


def _this_fiscal_year() -> int:
    return fiscal_year_start(timezone.localdate())


class FiscalYearField(forms.TypedChoiceField):
    def __init__(self, **kwargs):
        super().__init__(choices=_fiscal_year_choices, coerce=int, label=_("fiscal year"), **kwargs)


class PlanImportForm(forms.Form):
    fiscal_year = FiscalYearField(initial=_this_fiscal_year)
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
    fiscal_year = FiscalYearField(initial=_this_fiscal_year)
