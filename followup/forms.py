"""The follow-up's forms: reporting progress (note, status, evidence files), the approver's review."""

from django import forms
from django.utils.translation import gettext_lazy as _

from actionplan.evidence import ACCEPTED_EXTENSIONS
from actionplan.forms import EvidenceFilesField, MultipleFileInput
from followup.services.progress import MAX_NOTE


class ProgressForm(forms.Form):
    """The note is required by the service (followup/services/progress.py), which says why in Bangla."""

    PROGRESS, DONE = "progress", "done"

    note = forms.CharField(
        label=_("what has been done"),
        required=False,
        max_length=MAX_NOTE,
        widget=forms.Textarea({"rows": 3}),
    )
    status = forms.ChoiceField(
        label=_("status"),
        choices=[(PROGRESS, _("in progress")), (DONE, _("done: ask the approver to confirm"))],
        initial=PROGRESS,
        widget=forms.RadioSelect,
    )
    files = EvidenceFilesField(
        label=_("evidence files"),
        required=False,
        help_text=_("PDF, JPEG, PNG, Word (.docx), Excel (.xlsx) or text; several files may be chosen."),
        widget=MultipleFileInput(attrs={"accept": ",".join(ACCEPTED_EXTENSIONS)}),
    )


class ReviewForm(forms.Form):
    comment = forms.CharField(
        label=_("comment"), required=False, max_length=MAX_NOTE, widget=forms.Textarea({"rows": 2})
    )
