"""Forms of the office administration. Numbers may be typed in Bangla (০৭) or ASCII (07) digits and
are shown in Bangla digits (bangla.forms); every message is in the user's language."""

import datetime

from django import forms
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bangla.dates import format_date
from bangla.forms import DateField, IntegerField, digits_formfield
from offices.models import (
    Branch,
    GovernmentFile,
    InnovationTeam,
    Office,
    OfficeHoliday,
    OfficeRole,
    Official,
    Post,
    TeamMember,
)

# ---- An office's records -----------------------------------------------------------------------------

SERIAL_MAX = 2_147_483_647  # the database column's limit (PositiveIntegerField)


class OfficeScopedForm(forms.ModelForm):
    """A form for a record of one office: choices of branches and posts come from that office only."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        office = self.instance.office
        if "branch" in self.fields:
            self.fields["branch"].queryset = Branch.objects.filter(office=office)
        if "parent" in self.fields:
            self.fields["parent"].queryset = Branch.objects.filter(office=office).exclude(pk=self.instance.pk)
        if "post" in self.fields:
            self.fields["post"].queryset = Post.objects.filter(office=office).select_related("branch")


class BranchForm(OfficeScopedForm):
    class Meta:
        model = Branch
        fields = ["name", "name_en", "kind", "parent"]


class OfficialForm(OfficeScopedForm):
    class Meta:
        model = Official
        fields = ["name", "name_en", "designation", "branch", "post", "email", "mobile", "is_active"]


class PostForm(OfficeScopedForm):
    class Meta:
        model = Post
        fields = ["title", "title_en", "branch"]


class GovernmentFileForm(OfficeScopedForm):
    """A file's number, subject and branch. Its serial moves only when a letter is issued from it;
    the serial of a file already used on paper is set once, on its own page or when it is recorded."""

    class Meta:
        model = GovernmentFile
        fields = ["number", "subject", "branch", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.has_issued:
            self.fields["number"].disabled = True
            self.fields["number"].help_text = GovernmentFile.NUMBER_FIXED


class GovernmentFileCreateForm(GovernmentFileForm):
    starting_serial = IntegerField(
        label=_("Serial of the last letter issued on paper"),
        min_value=1,
        max_value=SERIAL_MAX,
        required=False,
        help_text=_(
            "For a file already in use on paper: the portal's first letter from it takes the next serial. "
            "Leave empty for a new file."
        ),
    )


class StartingSerialForm(forms.Form):
    serial = IntegerField(
        label=_("Serial of the last letter issued on paper"),
        min_value=1,
        max_value=SERIAL_MAX,
        help_text=_(
            "The portal's first letter from this file takes the next serial. This can be set only once."
        ),
    )


class InnovationTeamForm(forms.ModelForm):
    class Meta:
        model = InnovationTeam
        fields = ["name", "covers_subordinates"]
        labels = {"name": _("name of the team or committee")}


class OfficeSettingsForm(forms.ModelForm):
    """The office's policies and what its documents print about it."""

    class Meta:
        model = Office
        fields = [
            "separate_submit_and_approve",
            "publish_on_issue",
            "publish_decision_status",
            "address",
            "phone",
            "email",
            "website",
            "letterhead",
            "slogan",
        ]
        widgets = {"letterhead": forms.Textarea(attrs={"rows": 3})}


# ---- Holidays -------------------------------------------------------------------------------------------

FIRST_YEAR, LAST_YEAR = OfficeHoliday.FIRST_YEAR, OfficeHoliday.LAST_YEAR


class HolidayYearForm(forms.Form):
    """The year the holiday page shows (?year=২০২৪); anything else shows the current year."""

    year = IntegerField(label=_("year"), min_value=FIRST_YEAR, max_value=LAST_YEAR)


class OfficeHolidayForm(forms.ModelForm):
    """A day the office announces: a holiday, or a working day (a public holiday cancelled)."""

    class Meta:
        model = OfficeHoliday
        fields = ["date", "kind", "name"]
        formfield_callback = digits_formfield


class HolidayMoveForm(forms.Form):
    """A public holiday of the year kept on another day (Eid as the moon was sighted)."""

    public_date = forms.TypedChoiceField(
        label=_("public holiday"),
        coerce=datetime.date.fromisoformat,
        error_messages={"invalid_choice": _("Pick one of the year's public holidays.")},
    )
    to_date = DateField(label=_("kept on"))

    def __init__(self, *args, public: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.public = public
        self.fields["public_date"].choices = [
            ("", "—"),
            *((day.isoformat(), f"{format_date(day, 'dotted')} {name}") for day, name in public.items()),
        ]

    def public_name(self) -> str:
        return self.public[self.cleaned_data["public_date"]]


# ---- Teams and committees: members ------------------------------------------------------------------


def _member_candidates(team: InnovationTeam):
    """Officials in office of the team's office and, for a joint team, of the offices just below it."""
    offices = Q(office=team.office)
    if team.covers_subordinates:
        offices |= Q(office__parent=team.office)
    return (
        Official.objects.filter(offices, is_active=True)
        .exclude(team_memberships__team=team)
        .select_related("office")
        .order_by("office__name", "name")
    )


class OfficialChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name}, {obj.designation} ({obj.office.name})"


class TeamMemberAddForm(forms.Form):
    official = OfficialChoiceField(label=_("official"), queryset=Official.objects.none())
    role = forms.ChoiceField(label=_("role"), choices=TeamMember.Role.choices, initial=TeamMember.Role.MEMBER)

    def __init__(self, *args, team: InnovationTeam, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["official"].queryset = _member_candidates(team)


class TeamMemberForm(forms.ModelForm):
    order = IntegerField(label=_("order"), min_value=0, max_value=32767)

    class Meta:
        model = TeamMember
        fields = ["role", "order"]


# ---- Posts: transfers ----------------------------------------------------------------------------------


class PostTransferForm(forms.Form):
    """Who holds the post from now on: an official of the office, or a new one typed in."""

    LEAVES, STAYS = "leaves", "stays"
    official = forms.ModelChoiceField(
        label=_("an official of this office"), queryset=Official.objects.none(), required=False
    )
    name = forms.CharField(label=_("or a new official: name"), max_length=200, required=False)
    email = forms.EmailField(label=_("e-mail"), required=False)
    mobile = forms.CharField(label=_("mobile"), max_length=30, required=False)
    previous = forms.ChoiceField(
        label=_("the previous holder"),
        widget=forms.RadioSelect,
        initial=LEAVES,
        choices=[
            (LEAVES, _("has left the office (transferred): no longer in office, loses their roles here")),
            (STAYS, _("stays in the office, without this post")),
        ],
    )

    def __init__(self, *args, post: Post, **kwargs):
        super().__init__(*args, **kwargs)
        self.post = post
        self.fields["official"].queryset = (
            Official.objects.filter(office=post.office).exclude(post=post, is_active=True).order_by("name")
        )

    def clean(self):
        data = super().clean()
        if bool(data.get("official")) == bool(data.get("name", "").strip()):
            raise forms.ValidationError(
                _("Pick an official of the office or type the name of a new one, not both.")
            )
        return data

    def new_holder(self) -> Official:
        """The official who will hold the post: picked, or new (saved by the service)."""
        data = self.cleaned_data
        if data["official"]:
            return data["official"]
        return Official(
            office=self.post.office, name=data["name"].strip(), email=data["email"], mobile=data["mobile"]
        )


# ---- Users -------------------------------------------------------------------------------------------

ROLE_CHOICES = OfficeRole.Role.choices


class RolesForm(forms.Form):
    roles = forms.MultipleChoiceField(
        label=_("roles in this office"),
        choices=ROLE_CHOICES,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        required=False,
    )


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("e-mail"), max_length=254)
    name = forms.CharField(label=_("name"), max_length=150, required=False)
    username = forms.CharField(
        label=_("user name"),
        max_length=150,
        required=False,
        validators=[UnicodeUsernameValidator()],
        help_text=_("Leave empty to use the e-mail address."),
    )
    official = forms.ModelChoiceField(
        label=_("official"),
        queryset=Official.objects.none(),
        required=False,
        help_text=_("The official this user is, if recorded; their name is then shown."),
    )
    roles = forms.MultipleChoiceField(
        label=_("roles in this office"),
        choices=ROLE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Give the user at least one role.")},
    )

    def __init__(self, *args, office: Office, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["official"].queryset = Official.objects.filter(
            office=office, is_active=True, user__isnull=True
        ).order_by("name")

    def clean(self):
        data = super().clean()
        if not data.get("name") and not data.get("official") and "name" not in self.errors:
            self.add_error("name", _("Give the name, or pick the official this user is."))
        return data


def add_errors(form: forms.Form, error: forms.ValidationError) -> None:
    """A service's refusal shown on the form: next to the field it names, else above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)
