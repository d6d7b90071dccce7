"""The conventions' forms: the office's (administration) and one meeting's (the editor), and the
presets an administrator starts from."""

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import construct_instance
from django.utils.translation import gettext_lazy as _

from minutes.models import ConventionFields, Meeting, OfficeConventions
from minutes.models.conventions import AgendaNumbering, DateForm, IssueDateForm, MemoLayout, NumberForm

# Suggestions for the typed conventions (the inputs' datalists); any other wording may be typed.
SUGGESTIONS = {
    "agenda_heading": ["আলোচ্য সূচি-#:", "আলোচ্য বিষয়-#:", "আলোচ্য বিষয়:", "আলোচ্যসূচি #:"],
    "discussion_label": ["আলোচনা:", "আলোচনা :"],
    "decisions_label": ["সিদ্ধান্ত:", "সিদ্ধান্তসমূহ:", "সিদ্ধান্ত :"],
    "distribution_heading": [
        "বিতরণ (জ্যেষ্ঠতার ক্রমানুসারে নয়):",
        "বিতরণ (জ্যেষ্ঠতার ক্রমানুসারে নয়) :",
        "বিতরণ (জ্যেষ্ঠতার ভিত্তিতে নয়):",
        "বিতরণ:",
    ],
    "memo_label": ["স্মারক নম্বর:", "নম্বর:", "স্মারক নং:"],
    "running_header": ["সভার কার্যবিবরণী", "ইনোভেশন টিমের সভার কার্যবিবরণী"],
}

# Whole sets of conventions as offices commonly write them: (label, {field: value}).
PRESETS = {
    "sections": (
        _("Numbered sections: ১৭.০২.২০২১ খ্রিস্টাব্দ, বিকাল ০৩.০০টা, ১.০ আলোচ্য সূচি-১:, ক), ১)"),
        {},
    ),
    "ministry": (
        _("Ministry letter: ২৮ আগস্ট, ২০২২, ১২.০০ ঘটিকা।, ক), ১), no letterhead"),
        {
            "date_form": DateForm.COMMA,
            "time_suffix": "ঘটিকা",
            "time_suffix_spaced": True,
            "time_full_stop": True,
            "agenda_heading": "আলোচ্য বিষয়:",
            "agenda_numbering": AgendaNumbering.DARI,
            "distribution_heading": "বিতরণ (জ্যেষ্ঠতার ক্রমানুসারে নয়) :",
            "show_letterhead": False,
            "issue_date_form": IssueDateForm.PADDED,
        },
    ),
    "directorate": (
        _("Directorate with letterhead: ২৫/০৭/২০২৪ খ্রি:, বেলা ১২.০০ ঘটিকা, (ক), ১।, নম্বর:, dates first"),
        {
            "date_form": DateForm.SLASHED_ERA_SHORT,
            "time_suffix": "ঘটিকা",
            "time_suffix_spaced": True,
            "letter_form": NumberForm.PARENS,
            "recipient_number_form": NumberForm.DARI,
            "memo_label": "নম্বর:",
            "memo_layout": MemoLayout.DATES_FIRST,
            "issue_date_form": IssueDateForm.PADDED_ERA,
            "signature_date_form": DateForm.DASHED,
        },
    ),
}


def preset_values(name: str) -> dict:
    """A preset's full set of values: the defaults, then what the preset changes."""
    defaults = OfficeConventions().conventions()
    return {**defaults, **PRESETS[name][1]}


def _with_suggestions(form: forms.ModelForm) -> None:
    """Datalists for the typed conventions; "none" for the optional choices."""
    form.fields["signature_date_form"].choices = [("", _("none")), *DateForm.choices]
    for name, field in form.fields.items():
        if name in SUGGESTIONS:
            field.widget.attrs["list"] = f"suggest-{name}"
        if isinstance(field.widget, forms.Select):
            field.widget.attrs.setdefault("class", "form-select")


class OfficeConventionsForm(forms.ModelForm):
    """The office's conventions, set by its administrator."""

    class Meta:
        model = OfficeConventions
        fields = ConventionFields.FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _with_suggestions(self)


class MeetingConventionsForm(forms.ModelForm):
    """This meeting's conventions (a copy of the office's when the draft was started), in the editor.
    Bound only when the editor posted its fieldset (`conventions-shown`): a POST without it keeps them."""

    class Meta:
        model = Meeting
        fields = Meeting.CONVENTION_FIELDS
        widgets = {"attendance_heading": forms.TextInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, prefix="conventions", **kwargs)
        _with_suggestions(self)

    def _post_clean(self):
        """Only these fields' own rules: the meeting's (its date, its time) are the header form's."""
        self.instance = construct_instance(self, self.instance, self._meta.fields)
        others = [f.name for f in Meeting._meta.fields if f.name not in self._meta.fields]
        try:
            self.instance.clean_fields(exclude=others)
        except ValidationError as error:
            self._update_errors(error)
