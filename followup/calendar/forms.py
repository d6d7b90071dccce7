from django import forms
from django.utils.translation import gettext_lazy as _

from bangla.forms import IntegerField
from followup.models import CalendarFeed


class FeedForm(forms.Form):
    """Which calendar to make a secret address for (the page's buttons post it)."""

    scope = forms.ChoiceField(choices=CalendarFeed.Scope.choices)
    office = IntegerField(required=False, min_value=1)
    with_alarm = forms.BooleanField(label=_("a reminder at 9 am the day before"), required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("scope") == CalendarFeed.Scope.OFFICE and not cleaned.get("office"):
            raise forms.ValidationError(_("Choose the office."))
        return cleaned
