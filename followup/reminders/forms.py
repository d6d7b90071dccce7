"""The reminders' forms: numbers in Bangla or ASCII digits, messages in Bangla."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from bangla.digits import parse_integer
from bangla.forms import digits_formfield, shown_digits
from bangla.times import format_time
from followup.models import ReminderPolicy, ReminderPreference

MAX_DAYS_BEFORE = 90
MAX_REMINDERS_BEFORE = 5


class DaysField(forms.CharField):
    """Days before the due date, typed as "৭, ১" (or "7,1", "৩০ ৭ ১"): each from 1 to 90, at most five."""

    def __init__(self, **kwargs):
        super().__init__(max_length=60, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, (list, tuple)):
            return shown_digits(", ".join(str(n) for n in value))
        return value

    def to_python(self, value):
        text = super().to_python(value).replace("،", ",").replace(";", ",")
        parts = [part for chunk in text.split(",") for part in chunk.split()]
        days = []
        for part in parts:
            try:
                number = parse_integer(part)
            except ValueError:
                raise ValidationError(
                    _("Type whole numbers of days separated by commas, for example ৭, ১."), code="invalid"
                ) from None
            if not 1 <= number <= MAX_DAYS_BEFORE:
                raise ValidationError(
                    _("Each number of days must be from %(min)s to %(max)s.")
                    % {"min": shown_digits(1), "max": shown_digits(MAX_DAYS_BEFORE)},
                    code="range",
                )
            days.append(number)
        days = sorted(set(days), reverse=True)
        if len(days) > MAX_REMINDERS_BEFORE:
            raise ValidationError(
                _("At most %(n)s reminders before the due date.") % {"n": shown_digits(MAX_REMINDERS_BEFORE)},
                code="too_many",
            )
        return days


class ReminderPolicyForm(forms.ModelForm):
    days_before = DaysField(
        label=gettext_lazy("Remind this many days before the due date"),
        required=False,
        help_text=gettext_lazy(
            "Separated by commas, for example ৭, ১. Leave empty for no reminder before the due date. "
            "Everyone responsible is also reminded on the due date itself."
        ),
    )

    class Meta:
        model = ReminderPolicy
        fields = ["days_before", "overdue_every_days", "escalate_after_days", "escalate_to_superior"]
        formfield_callback = digits_formfield


def hour_choices() -> list[tuple[int, str]]:
    """The hours of the day as the page's language writes them: সকাল ০৯.০০টা, or 09:00."""
    english = (get_language() or "").startswith("en")
    return [(hour, f"{hour:02d}:00" if english else format_time(datetime.time(hour))) for hour in range(24)]


class ReminderPreferenceForm(forms.ModelForm):
    digest_hour = forms.TypedChoiceField(
        label=gettext_lazy("Send my daily digest at"), coerce=int, choices=()
    )

    class Meta:
        model = ReminderPreference
        fields = ["digest_hour", "include_soon_due", "by_sms"]

    def __init__(self, *args, sms_available: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["digest_hour"].choices = hour_choices()
        if not sms_available:
            del self.fields["by_sms"]
