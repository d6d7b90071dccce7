"""The minutes editor's forms: the header, and rows for agenda items (each with its decisions),
attendees and recipients. Their fields come from each model's one field list (HEADER_FIELDS,
CONTENT_FIELDS); `MeetingEditor` binds them all to one POST.

Every numeric, date and time field accepts Bangla digits (২৫.০৭.২০২৪, ০৭) as well as ASCII and shows
its value in Bangla digits (bangla/forms.py, through each Meta's `formfield_callback`); the start time
is typed next to a day-part word (বিকাল ০৩:০০), which is stored as chosen.
"""

from django import forms
from django.forms import formset_factory
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from bangla.digits import bn_number, to_ascii_digits
from bangla.forms import DayPartTimeMixin, IntegerField, digits_formfield
from minutes.content.responsibility import split_responsible
from minutes.content.richtext import sanitize_rich_text, visible_text
from minutes.limits import (
    MAX_AGENDA_ITEMS,
    MAX_ATTENDEES,
    MAX_DECISIONS_PER_ITEM,
    MAX_DISCUSSION,
    MAX_PASTED_HTML,
    MAX_RECIPIENTS,
    MAX_TEXT,
    MaxTextLengthValidator,
    validate_word_lengths,
)
from minutes.models import AgendaItem, Attendee, Decision, Meeting, Recipient, RecipientFields, Responsibility
from offices.models import InnovationTeam, Office, Official

BIGGEST_ID = 2**63 - 1


class HeaderForm(DayPartTimeMixin, forms.ModelForm):
    """The meeting's header: what is printed above the agenda, and the signature blocks."""

    online_link = forms.URLField(label=_("online meeting link"), required=False, assume_scheme="https")

    class Meta:
        model = Meeting
        fields = [*Meeting.HEADER_FIELDS, "participating_offices"]
        formfield_callback = digits_formfield
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

    def clean(self):
        data = super().clean()
        for name, value in data.items():
            if isinstance(value, str):
                data[name] = value.strip()
        if not data.get("chair") and not data.get("chair_name"):
            self.add_error("chair_name", _("Name the chair: pick an official or type the name."))
        return data


class MeetingCreateForm(DayPartTimeMixin, forms.ModelForm):
    """The few facts needed to start a draft; the rest is typed in the editor."""

    class Meta:
        model = Meeting
        fields = ["team", "fiscal_year", "ordinal", "layout", "date", "day_part", "start_time", "venue"]
        formfield_callback = digits_formfield

    def __init__(self, *args, office: Office, **kwargs):
        super().__init__(*args, **kwargs)
        teams = InnovationTeam.objects.filter(office=office)
        self.fields["team"].queryset = teams
        if len(teams) == 1 and not self.instance.team_id:
            self.initial["team"] = teams[0].pk


class RowForm(forms.ModelForm):
    """A row of a list the drafter can add to, remove from and reorder. Every field is optional:
    a row left blank is dropped; a row with something in it must be complete."""

    id = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1, max_value=BIGGEST_ID)
    ignored_when_blank: tuple = ()

    def is_blank(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        ignored = {"id", "ORDER", "DELETE", *self.ignored_when_blank}
        return not any(value for name, value in data.items() if name not in ignored)

    def row(self):
        """The unsaved model row, with the id it had when the editor was opened (None if new)."""
        self.instance.id = self.cleaned_data.get("id")
        return self.instance


class RichTextField(forms.CharField):
    """Rich text typed in the editor's rich-text box (a discussion, a decision): the pasted HTML, at most
    MAX_PASTED_HTML characters, is normalised and sanitised (minutes/content/richtext.py); then what a
    reader will see is held to `max_text` characters and to words of reasonable length."""

    def __init__(self, *, max_text: int, rows: int, **kwargs):
        self.max_text = max_text
        widget = forms.Textarea(attrs={"rows": rows, "class": "form-control rich-text"})
        super().__init__(validators=[MaxTextLengthValidator(MAX_PASTED_HTML)], widget=widget, **kwargs)

    def clean(self, value):
        html = sanitize_rich_text(super().clean(value))
        text, errors = visible_text(html), []
        for validate in (validate_word_lengths, MaxTextLengthValidator(self.max_text)):
            try:
                validate(text)
            except forms.ValidationError as error:
                errors.extend(error.error_list)
        if errors:
            raise forms.ValidationError(errors)
        return html


class DecisionForm(RowForm):
    text = RichTextField(label=_("decision"), required=False, max_text=MAX_TEXT, rows=3)
    responsible = forms.CharField(
        label=_("implementer"),
        required=False,
        max_length=2000,
        help_text=_("Offices, branches, designations or officials, separated by commas."),
    )
    ignored_when_blank = ("deadline_kind", "deadline_every", "deadline_month", "status")
    meeting_date = None  # set by the editor, to check the deadline against it

    class Meta:
        model = Decision
        fields = Decision.CONTENT_FIELDS
        formfield_callback = digits_formfield
        widgets = {
            "progress_note": forms.Textarea(attrs={"rows": 2}),
        }

    def clean(self):
        data = super().clean()
        if self.is_blank():
            return data
        if not data.get("text"):
            self.add_error("text", _("Write the decision."))
        deadline, meeting_date = data.get("deadline_date"), self.meeting_date
        if (
            data.get("deadline_kind") == Decision.Deadline.DATE
            and deadline
            and meeting_date
            and deadline < meeting_date
        ):
            self.add_error("deadline_date", _("The deadline cannot be before the meeting."))
        return data

    def clean_responsible(self):
        text, limit = (
            self.cleaned_data.get("responsible", ""),
            Responsibility._meta.get_field("label").max_length,
        )
        if any(len(label) > limit for label in split_responsible(text)):
            raise forms.ValidationError(
                _("Each name can be at most %(limit)s characters; separate names with commas."),
                params={"limit": bn_number(limit)},
            )
        return text

    def responsible_labels(self) -> list[str]:
        return split_responsible(self.cleaned_data.get("responsible", ""))


class AgendaItemForm(RowForm):
    title_missing = _("Give the agenda item a title.")
    discussion = RichTextField(label=_("discussion"), required=False, max_text=MAX_DISCUSSION, rows=5)

    class Meta:
        model = AgendaItem
        fields = AgendaItem.CONTENT_FIELDS

    def clean(self):
        data = super().clean()
        if not self.is_blank() and not data.get("title"):
            self.add_error("title", self.title_missing)
        return data


class AttendeeForm(RowForm):
    # The official picked from the office's list, by id (kept hidden); checked in clean_official.
    official = IntegerField(required=False, widget=forms.HiddenInput, min_value=1, max_value=BIGGEST_ID)
    ignored_when_blank = ("is_present", "official")

    class Meta:
        model = Attendee
        # The official is checked against the office's ids (clean_official) and set by row(), not by
        # the model's validation, which would look each one up.
        fields = [name for name in Attendee.CONTENT_FIELDS if name != "official"]

    def __init__(self, *args, office_official_ids, **kwargs):
        super().__init__(*args, **kwargs)
        self.office_official_ids = office_official_ids  # () -> ids of the meeting's office's officials

    def clean_official(self):
        """Only an official of the meeting's office (another office's, or a made-up id, is refused)."""
        pk = self.cleaned_data.get("official")
        if pk is not None and pk not in self.office_official_ids():
            raise forms.ValidationError(_("Pick an official of this office."), code="invalid_choice")
        return pk

    def row(self):
        attendee = super().row()
        attendee.official_id = self.cleaned_data.get("official")
        return attendee

    def clean_mobile(self):
        return to_ascii_digits(self.cleaned_data.get("mobile", ""))

    def clean(self):
        data = super().clean()
        if not self.is_blank() and not data.get("name"):
            self.add_error("name", _("Give the attendee's name."))
        return data


class RecipientForm(RowForm):
    class Meta:
        model = Recipient
        fields = RecipientFields.CONTENT_FIELDS  # shared with a distribution group's members

    def clean(self):
        data = super().clean()
        if not self.is_blank() and not any(data.get(f) for f in ("designation", "name", "office_name")):
            self.add_error("designation", _("Give the recipient's designation, name or office."))
        return data


class SharedFields(dict):
    """A row form's fields, shared by every form of its class instead of deep-copied for each (a
    40-item meeting builds hundreds of forms). Safe because row forms never change a field
    per form; the formset's ORDER and DELETE fields are new objects added to each form's own dict."""

    def __deepcopy__(self, memo):
        return dict(self)


def _rows_optional(*form_classes):
    """Every field of a row is optional (a blank row is dropped) and small: set once, on the classes."""
    for form_class in form_classes:
        for field in form_class.base_fields.values():
            field.required = False
            if not isinstance(field.widget, forms.HiddenInput | forms.CheckboxInput):
                field.widget.attrs.setdefault("class", "form-control form-control-sm")
        form_class.base_fields = SharedFields(form_class.base_fields)


_rows_optional(DecisionForm, AgendaItemForm, AttendeeForm, RecipientForm)
# A rule recurs every month or quarter, or is only words (no dates); the month is the quarter's.
DecisionForm.base_fields["deadline_every"].choices = [
    ("", _("no dates: as written")),
    *Decision.Every.choices,
]
DecisionForm.base_fields["deadline_month"].choices = [("", "—"), *Decision.MONTHS_OF_QUARTER]


class _AtMostRows:
    """The formset's "too many rows" message, with the number in Bangla digits (Django fills it in with %)."""

    def __mod__(self, params):
        return gettext("There are too many rows here: at most %(num)s.") % {"num": bn_number(params["num"])}


class RowFormSet(forms.BaseFormSet):
    default_error_messages = {**forms.BaseFormSet.default_error_messages, "too_many_forms": _AtMostRows()}


def row_formset(form, max_rows: int):
    """A list of rows that may be added to, removed from and reordered, of at most `max_rows`."""
    return formset_factory(
        form,
        formset=RowFormSet,
        extra=0,
        can_order=True,
        can_delete=True,
        max_num=max_rows,
        validate_max=True,
        absolute_max=max_rows + 1,  # one over: shown as "at most N rows"; more is refused before
    )


DecisionFormSet = row_formset(DecisionForm, MAX_DECISIONS_PER_ITEM)
AgendaItemFormSet = row_formset(AgendaItemForm, MAX_AGENDA_ITEMS)
AttendeeFormSet = row_formset(AttendeeForm, MAX_ATTENDEES)
RecipientFormSet = row_formset(RecipientForm, MAX_RECIPIENTS)
