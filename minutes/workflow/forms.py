"""The forms of the workflow's steps: a comment (return, approve), and the issue facts (issue)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bangla import forms as bangla_forms
from bangla.dates import format_dual_date
from bangla.forms import shown_digits
from minutes.content.richtext import normalize_text
from minutes.models import Meeting
from minutes.workflow.issue import issue_date_refusal, signers
from offices.models import GovernmentFile

AS_TYPED = "typed"  # the signer's choice that keeps the memo block's officer as typed in the editor


class StepForm(forms.Form):
    """What a step may carry besides the issue facts: a comment (return, approve)."""

    comment = forms.CharField(required=False, max_length=5000)

    def clean_comment(self):
        return normalize_text(self.cleaned_data["comment"]).strip()


class FileChoiceField(forms.ModelChoiceField):
    """An office's file, shown with the memo number the minutes would get from it."""

    def label_from_instance(self, obj: GovernmentFile) -> str:
        return _("%(number)s — %(subject)s (memo number: %(memo_number)s)") % {
            "number": shown_digits(obj.number),
            "subject": obj.subject,
            "memo_number": shown_digits(obj.next_memo_number),
        }


class IssueForm(forms.Form):
    """The facts the issuing officer chooses: the file (none chosen for them), the issue date (today
    unless they change it) and who signs the memo block (as typed in the editor, or an issuing
    officer of the office). Shown for review first (GET), then confirmed (POST)."""

    government_file = FileChoiceField(
        label=gettext_lazy("file (নথি)"),
        queryset=GovernmentFile.objects.none(),
        empty_label=gettext_lazy("Pick a file"),
        error_messages={
            "required": gettext_lazy("Pick the file to issue from."),
            "invalid_choice": gettext_lazy("Pick one of this office's files in use."),
        },
    )
    issue_date = bangla_forms.DateField(
        label=gettext_lazy("issue date"), error_messages={"required": gettext_lazy("Give the issue date.")}
    )
    signer = forms.ChoiceField(
        label=gettext_lazy("signing officer of the memo block"),
        error_messages={
            "required": gettext_lazy("Choose who signs the memo block."),
            "invalid_choice": gettext_lazy(
                "The memo block is signed by an issuing officer of this office: choose one from the list."
            ),
        },
    )
    # The memo number the issuer saw when reviewing: if another letter takes it first, nothing is issued.
    expected_memo_number = forms.CharField(required=False, max_length=100, widget=forms.HiddenInput)

    def __init__(self, data=None, *, meeting: Meeting, user):
        super().__init__(data)
        self.meeting = meeting
        self.fields["government_file"].queryset = GovernmentFile.objects.filter(
            office=meeting.office, is_active=True
        ).order_by("number")
        self.officials = {str(o.pk): o for o in signers(meeting)}
        typed = self.typed_signer()
        typed_label = (
            _("As typed in the editor: %(signer)s") % {"signer": ", ".join(typed)}
            if typed
            else _("As typed in the editor: nobody (the memo block is left unsigned)")
        )
        self.fields["signer"].choices = [(AS_TYPED, typed_label)] + [
            (pk, f"{o.name}, {o.designation}") for pk, o in self.officials.items()
        ]
        own = str(user.official_id)
        self.initial = {
            "issue_date": timezone.localdate(),
            "signer": own if not typed and own in self.officials else AS_TYPED,
        }

    def typed_signer(self) -> list[str]:
        """The memo block's officer as typed in the editor: [name, designation], or [] if none."""
        return [p for p in (self.meeting.issuer_name, self.meeting.issuer_designation) if p]

    def clean_issue_date(self):
        day = self.cleaned_data["issue_date"]
        refused = issue_date_refusal(self.meeting, day)
        if refused:
            raise forms.ValidationError(refused)
        return day

    def clean_signer(self):
        """None: as typed in the editor; otherwise the chosen issuing officer (an Official)."""
        chosen = self.cleaned_data["signer"]
        return None if chosen == AS_TYPED else self.officials[chosen]

    def clean_expected_memo_number(self):
        return self.cleaned_data["expected_memo_number"].strip()

    def issue_facts(self) -> dict:
        """minutes_issue's keyword arguments, once the form is valid."""
        return {name: self.cleaned_data[name] for name in self.fields}

    def review(self) -> dict:
        """What the issuer checks before confirming, as the document will print it."""
        data = self.cleaned_data
        signer = data["signer"]
        return {
            "file": data["government_file"],
            "memo_number": data["government_file"].next_memo_number,
            "issue_date": format_dual_date(data["issue_date"]),
            "signer": [signer.name, signer.designation] if signer else self.typed_signer(),
            # What the confirming form sends again, unchanged.
            "confirm": {
                "government_file": data["government_file"].pk,
                "issue_date": data["issue_date"].strftime("%d.%m.%Y"),
                "signer": self.data.get("signer"),
                "expected_memo_number": data["government_file"].next_memo_number,
            },
        }
