"""The innovation bank's forms: an entry, a status move, the filter of the list, an uploaded sheet."""

from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from actionplan.ideas import columns
from actionplan.importing.files import MAX_BYTES
from actionplan.models import Idea, IdeaKind, IdeaStatus, Indicator
from bangla.digits import to_ascii_digits
from bangla.forms import DateField, NumberInput, digits_formfield, shown_digits

# The entry's fields as the full sheet lists them; the status moves by its own form, publishing by its
# own button.
ENTRY_FIELDS = [key for key in columns.FULL if key not in ("status", "is_published")]


class AmountInput(NumberInput):
    def __init__(self, attrs=None):
        super().__init__({"inputmode": "decimal", "pattern": "[0-9০-৯.,]*", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, Decimal):
            value = format(value.normalize(), "f") if value != value.to_integral() else int(value)
        return super().format_value(value)


class AmountField(forms.DecimalField):
    """Days or taka, in Bangla or ASCII digits."""

    widget = AmountInput
    default_error_messages = {"invalid": _("Type a number, in Bangla or English digits.")}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return Decimal(to_ascii_digits(str(value)).replace(",", "").strip())
        except InvalidOperation:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


def _formfield(model_field, **kwargs):
    if isinstance(model_field, type(Idea._meta.get_field("days_before"))):
        kwargs.setdefault("form_class", AmountField)
    return digits_formfield(model_field, **kwargs)


class IdeaForm(forms.ModelForm):
    class Meta:
        model = Idea
        fields = ENTRY_FIELDS
        formfield_callback = _formfield
        widgets = {key: forms.Textarea(attrs={"rows": 3}) for key in ("summary", "problem", "root_cause")} | {
            key: forms.Textarea(attrs={"rows": 3})
            for key in ("solution", "innovators", "not_running_reason", "remarks", "showcase_result")
        }

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.office = office
        self.fields["indicator"].queryset = (
            Indicator.objects.filter(plan__office=office)
            .select_related("plan")
            .order_by("-plan__fiscal_year", "order")
        )
        self.fields["indicator"].label_from_instance = lambda i: (
            f"{i.plan.fiscal_year_label}: {shown_digits(i)}"
        )
        if self.instance.pk is None:  # an earlier innovation is recorded where it stands
            self.fields["status"] = forms.ChoiceField(
                label=pgettext_lazy("innovation idea", "status"), choices=IdeaStatus.choices
            )

    def save(self, commit=True):
        if "status" in self.cleaned_data:
            self.instance.status = self.cleaned_data["status"]
        return super().save(commit)


class IdeaStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("new status"))
    on = DateField(label=_("date"), required=False, help_text=_("Today if left empty."))

    def __init__(self, *args, idea, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [(s, IdeaStatus(s).label) for s in idea.next_statuses()]


class IdeaFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("type"), required=False, choices=[("", _("all"))] + IdeaKind.choices)
    status = forms.ChoiceField(
        label=pgettext_lazy("innovation idea", "status"),
        required=False,
        choices=[("", _("all"))] + IdeaStatus.choices,
    )


class IdeaImportForm(forms.Form):
    sheet = forms.FileField(
        label=_("sheet"),
        help_text=_("A CSV file (UTF-8) or an Excel workbook (.xlsx): the full sheet or the 7-column sheet."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
    )

    def clean_sheet(self):
        upload = self.cleaned_data["sheet"]
        if upload.size > MAX_BYTES:  # refused before it is read
            raise forms.ValidationError(
                gettext("The file is too large: a sheet may be at most %(limit)s KB.")
                % {"limit": shown_digits(MAX_BYTES // 1024)}
            )
        return upload
