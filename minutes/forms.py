"""The minutes editor's forms: the header, and formsets for agenda items (each with its decisions),
attendees and recipients. `MeetingEditor` binds them all to one POST and turns them into
`MeetingContent` for `services.meeting_save`.
"""

from django import forms
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from bangla.digits import to_ascii_digits
from minutes.content import (
    AttendeeContent,
    DecisionContent,
    RecipientContent,
)
from minutes.models import Decision, Meeting
from minutes.responsibility import join_responsible, split_responsible
from minutes.richtext import normalize_text, sanitize_rich_text
from offices.models import InnovationTeam, Office, Official

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%d-%m-%Y"]


class BanglaDigitsMixin:
    """Accepts ২৫/০৭/২০২৪ as well as 25/07/2024."""

    def to_python(self, value):
        return super().to_python(to_ascii_digits(value) if isinstance(value, str) else value)


class DateField(BanglaDigitsMixin, forms.DateField):
    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

    def __init__(self, **kwargs):
        super().__init__(input_formats=DATE_INPUT_FORMATS, **kwargs)


class TimeField(BanglaDigitsMixin, forms.TimeField):
    widget = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class IntegerField(BanglaDigitsMixin, forms.IntegerField):
    pass


class NormalizedCharField(forms.CharField):
    """Unicode NFC, keeping ZWJ/ZWNJ; Windows line endings unified."""

    def to_python(self, value):
        return normalize_text(super().to_python(value))


class HeaderForm(forms.ModelForm):
    """The meeting's header: what is printed above the agenda, and the signature blocks."""

    date = DateField(label=_("meeting date"))
    start_time = TimeField(label=_("start time"))
    fiscal_year = IntegerField(label=_("fiscal year"), required=False, min_value=1971, max_value=2200)
    ordinal = IntegerField(label=_("meeting number in the year"), required=False, min_value=1, max_value=100)
    quarter = IntegerField(label=_("quarter"), required=False, min_value=1, max_value=4)
    online_link = forms.URLField(label=_("online meeting link"), required=False, assume_scheme="https")

    class Meta:
        model = Meeting
        fields = [
            "title", "team", "fiscal_year", "ordinal", "quarter", "layout", "date", "start_time", "venue",
            "online_link", "chair", "chair_name", "chair_designation", "chair_contact", "attendance_note",
            "opening", "closing", "issuer", "issuer_name", "issuer_designation", "show_letterhead",
            "participating_offices",
        ]  # fmt: skip
        widgets = {
            "opening": forms.Textarea(attrs={"rows": 3}),
            "closing": forms.Textarea(attrs={"rows": 2}),
            "participating_offices": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, office: Office, **kwargs):
        super().__init__(*args, **kwargs)
        officials = Official.objects.filter(office=office, is_active=True).order_by("name")
        self.fields["chair"].queryset = officials
        self.fields["issuer"].queryset = officials
        self.fields["team"].queryset = InnovationTeam.objects.filter(office=office)
        self.fields["participating_offices"].queryset = Office.objects.filter(parent=office)
        self.fields["chair_name"].required = False
        self.fields["chair_designation"].required = False

    def clean(self):
        data = super().clean()
        for name in (
            "title",
            "chair_name",
            "chair_designation",
            "chair_contact",
            "venue",
            "opening",
            "closing",
        ):
            if isinstance(data.get(name), str):
                data[name] = normalize_text(data[name]).strip()
        chair = data.get("chair")
        if not chair and not data.get("chair_name"):
            self.add_error("chair_name", _("Name the chair: pick an official or type the name."))
        return data


class MeetingCreateForm(forms.ModelForm):
    """The few facts needed to start a draft; the rest is typed in the editor."""

    date = DateField(label=_("meeting date"))
    start_time = TimeField(label=_("start time"))
    fiscal_year = IntegerField(label=_("fiscal year"), required=False, min_value=1971, max_value=2200)
    ordinal = IntegerField(label=_("meeting number in the year"), required=False, min_value=1, max_value=100)

    class Meta:
        model = Meeting
        fields = ["team", "fiscal_year", "ordinal", "layout", "date", "start_time", "venue"]

    def __init__(self, *args, office: Office, **kwargs):
        super().__init__(*args, **kwargs)
        teams = InnovationTeam.objects.filter(office=office)
        self.fields["team"].queryset = teams
        if len(teams) == 1 and not self.instance.team_id:
            self.initial["team"] = teams[0].pk


class RowForm(forms.Form):
    """A row of a list the drafter can add to, remove from and reorder."""

    id = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if not isinstance(field.widget, forms.HiddenInput | forms.CheckboxInput):
                field.widget.attrs.setdefault("class", "form-control form-control-sm")

    def is_blank(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return not any(
            v for k, v in data.items() if k not in {"id", "ORDER", "DELETE", *self.defaults_ignored}
        )

    defaults_ignored: tuple = ()


class DecisionForm(RowForm):
    text = NormalizedCharField(label=_("decision"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    responsible = NormalizedCharField(
        label=_("responsible (বাস্তবায়নকারী)"),
        required=False,
        max_length=2000,
        help_text=_("Offices, branches, designations or officials, separated by commas."),
    )
    deadline_kind = forms.ChoiceField(
        label=_("deadline"), choices=Decision.Deadline.choices, initial=Decision.Deadline.NONE
    )
    deadline_date = DateField(label=_("deadline date"), required=False)
    deadline_working_days = IntegerField(label=_("working days"), required=False, min_value=1, max_value=365)
    deadline_rule = NormalizedCharField(label=_("deadline rule"), required=False, max_length=300)
    status = forms.ChoiceField(
        label=_("status"), choices=Decision.Status.choices, initial=Decision.Status.PENDING
    )
    progress_note = NormalizedCharField(
        label=_("progress notes"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    defaults_ignored = ("deadline_kind", "status")

    def clean(self):
        data = super().clean()
        if self.is_blank():
            return data
        if not data.get("text"):
            self.add_error("text", _("Write the decision."))
        kind = data.get("deadline_kind")
        needed = {
            Decision.Deadline.DATE: ("deadline_date", _("Give the deadline date.")),
            Decision.Deadline.WORKING_DAYS: ("deadline_working_days", _("Give the number of working days.")),
            Decision.Deadline.RULE: ("deadline_rule", _("Write the deadline rule.")),
        }
        if kind in needed and not data.get(needed[kind][0]):
            self.add_error(needed[kind][0], needed[kind][1])
        meeting_date = self.meeting_date
        deadline = data.get("deadline_date")
        if kind == Decision.Deadline.DATE and deadline and meeting_date and deadline < meeting_date:
            self.add_error("deadline_date", _("The deadline cannot be before the meeting."))
        return data

    meeting_date = None

    def content(self) -> DecisionContent:
        d = self.cleaned_data
        return DecisionContent(
            id=d.get("id"),
            text=d["text"],
            responsible=split_responsible(d.get("responsible", "")),
            deadline_kind=d["deadline_kind"],
            deadline_date=d.get("deadline_date"),
            deadline_working_days=d.get("deadline_working_days"),
            deadline_rule=d.get("deadline_rule", ""),
            status=d["status"],
            progress_note=d.get("progress_note", ""),
        )


class AgendaItemForm(RowForm):
    title_missing = _("Give the agenda item a title.")
    title = NormalizedCharField(label=_("agenda item"), required=False, max_length=1000)
    discussion = forms.CharField(
        label=_("discussion"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5, "class": "form-control rich-text"}),
    )

    def clean_discussion(self):
        return sanitize_rich_text(self.cleaned_data.get("discussion", ""))

    def clean(self):
        data = super().clean()
        if not self.is_blank() and not data.get("title"):
            self.add_error("title", self.title_missing)
        return data


class AttendeeForm(RowForm):
    name = NormalizedCharField(label=_("name"), required=False, max_length=200)
    designation = NormalizedCharField(label=_("designation"), required=False, max_length=300)
    workplace = NormalizedCharField(label=_("workplace"), required=False, max_length=300)
    mobile = NormalizedCharField(label=_("mobile"), required=False, max_length=50)
    email = forms.EmailField(label=_("e-mail"), required=False)
    is_present = forms.BooleanField(label=_("present"), required=False, initial=True)
    official = forms.IntegerField(required=False, widget=forms.HiddenInput)
    defaults_ignored = ("is_present", "official")

    def clean(self):
        data = super().clean()
        if not self.is_blank() and not data.get("name"):
            self.add_error("name", _("Give the attendee's name."))
        return data

    def content(self) -> AttendeeContent:
        d = self.cleaned_data
        return AttendeeContent(
            id=d.get("id"),
            name=d["name"],
            designation=d["designation"],
            workplace=d["workplace"],
            mobile=to_ascii_digits(d["mobile"]),
            email=d["email"],
            is_present=d["is_present"],
            official_id=d.get("official"),
        )


class RecipientForm(RowForm):
    designation = NormalizedCharField(label=_("designation"), required=False, max_length=300)
    name = NormalizedCharField(label=_("name"), required=False, max_length=200)
    branch = NormalizedCharField(label=_("branch / wing"), required=False, max_length=300)
    office_name = NormalizedCharField(label=_("office"), required=False, max_length=300)
    request = NormalizedCharField(label=_("request"), required=False, max_length=300)
    email = forms.EmailField(label=_("e-mail"), required=False)

    def clean(self):
        data = super().clean()
        if not self.is_blank() and not (
            data.get("designation") or data.get("name") or data.get("office_name")
        ):
            self.add_error("designation", _("Give the recipient's designation, name or office."))
        return data

    def content(self) -> RecipientContent:
        d = self.cleaned_data
        return RecipientContent(**{k: d[k] for k in vars(RecipientContent()) if k in d and k != "office_id"})


def _formset(form):
    return formset_factory(form, extra=0, can_order=True, can_delete=True, max_num=1000, absolute_max=1000)


DecisionFormSet = _formset(DecisionForm)
AgendaItemFormSet = _formset(AgendaItemForm)
AttendeeFormSet = _formset(AttendeeForm)
RecipientFormSet = _formset(RecipientForm)


def decision_initial(decision: Decision) -> dict:
    return {
        "id": decision.id,
        "text": decision.text,
        "responsible": join_responsible([r.label for r in decision.responsibilities.all()]),
        "deadline_kind": decision.deadline_kind,
        "deadline_date": decision.deadline_date,
        "deadline_working_days": decision.deadline_working_days,
        "deadline_rule": decision.deadline_rule,
        "status": decision.status,
        "progress_note": decision.progress_note,
        "outside_portal": [r.label for r in decision.responsibilities.all() if r.is_outside_portal],
    }
