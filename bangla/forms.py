"""Form fields for numbers, dates and times that take Bangla or ASCII digits and show Bangla digits.

Browsers' own inputs fail Bangla users: type=number silently empties itself when ০৭ is typed, and
type=date/time show English formats (mm/dd/yyyy, 02:00 PM) inside Bangla pages. These are text
inputs instead: numbers with a numeric keyboard on phones, dates typed as ২৫.১০.২০২২ (also
25/10/2022, 25-10-2022, 2022-10-25; static/js/datepicker.js adds a Bangla calendar to pick from),
times as ০৩:০০ or 15:00 next to a day-part word (DayPartTimeMixin). Values are shown in Bangla
digits (ASCII once the user has chosen English), and so are the numbers in the messages: Django's
own range messages write them in ASCII, so these fields have their own.

ModelForms get these fields for every date, time and integer field of their model, with the model's
range, through `Meta.formfield_callback = digits_formfield`.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import dates as django_dates
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from bangla import dates, times
from bangla.digits import parse_integer, to_bangla_digits

DIGIT = "[0-9০-৯]"  # for the inputs' pattern hints (the forms are novalidate: only a hint)
LARGE = 10**9  # a limit this big is the database's, not one a user needs to be told
SATURDAY_FIRST = (5, 6, 0, 1, 2, 3, 4)  # Python's weekday numbers, as Bangladesh calendars order them


def shown_digits(value) -> str:
    """Bangla digits, or ASCII ones when the user has chosen English."""
    text = "" if value is None else str(value)
    return text if (get_language() or "").startswith("en") else to_bangla_digits(text)


def _dotted(day: int, month: int, year: int) -> str:
    return shown_digits(f"{day:02d}.{month:02d}.{year:04d}")


# -- widgets: text inputs; format_value shows the value (or what was typed) in Bangla digits ------------
class NumberInput(forms.TextInput):
    """A whole number. inputmode="numeric" gives phones a digit pad; type=number would drop ০৭."""

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "numeric", "pattern": f"{DIGIT}*", **(attrs or {})})

    def format_value(self, value):
        return None if value is None or value == "" else shown_digits(value)


class DateInput(forms.DateInput):
    """A date typed as ২৫.১০.২০২২; static/js/datepicker.js adds a calendar to inputs with data-datepicker."""

    input_type = "text"

    def __init__(self, attrs=None):
        defaults = {
            "inputmode": "decimal",  # digits and "." on a phone's keypad
            "pattern": rf"{DIGIT}{{1,4}}[.\/\-]{DIGIT}{{1,2}}[.\/\-]{DIGIT}{{1,4}}",
            "placeholder": _("dd.mm.yyyy"),
            "autocomplete": "off",
            "data-datepicker": True,
        }
        super().__init__({**defaults, **(attrs or {})}, format="%d.%m.%Y")

    def format_value(self, value):
        if isinstance(value, datetime.date):
            return _dotted(value.day, value.month, value.year)
        return None if value is None or value == "" else shown_digits(value)


class TimeInput(forms.TimeInput):
    """A time typed as ০৩:০০ (with a day-part chosen next to it) or 15:00."""

    input_type = "text"

    def __init__(self, attrs=None):
        defaults = {"inputmode": "decimal", "placeholder": _("hh:mm"), "autocomplete": "off"}
        super().__init__({**defaults, **(attrs or {})}, format="%H:%M")

    def format_value(self, value):
        if isinstance(value, datetime.time):
            return shown_digits(f"{value.hour:02d}:{value.minute:02d}")
        return None if value is None or value == "" else shown_digits(value)


# -- fields ----------------------------------------------------------------------------------------------
class IntegerField(forms.IntegerField):
    """A whole number in Bangla or ASCII digits; out of range, a message with the range in Bangla digits."""

    widget = NumberInput
    default_error_messages = {"invalid": _("Type a whole number, in Bangla or English digits.")}

    def __init__(self, *, min_value=None, max_value=None, step_size=None, **kwargs):
        super().__init__(**kwargs)  # without Django's range validators: their messages have ASCII digits
        self.min_value, self.max_value = min_value, max_value

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        try:
            return parse_integer(str(value))
        except ValueError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None

    def validate(self, value):
        super().validate(value)
        low, high = self.min_value, self.max_value
        if value is None or ((low is None or value >= low) and (high is None or value <= high)):
            return
        small_range = low is not None and high is not None and high < LARGE
        if small_range:
            message = gettext("Give a number from %(min)s to %(max)s.")
        elif low is not None and value < low:
            message = gettext("Give a number of at least %(min)s.")
        elif high < LARGE:
            message = gettext("Give a number of at most %(max)s.")
        else:
            message = gettext("This number is too big.")
        raise ValidationError(message % {"min": shown_digits(low), "max": shown_digits(high)}, code="range")


class DateField(forms.DateField):
    """A date typed as ২৫.১০.২০২২, 25/10/2022, 25-10-2022 or 2022-10-25 (bangla.dates.parse_date)."""

    widget = DateInput

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        try:
            return dates.parse_date(str(value))
        except dates.DateInputError as error:
            raise ValidationError(_date_message(error), code="invalid") from None


def _date_message(error: dates.DateInputError) -> str:
    if error.code == "month":
        return gettext("There is no month %(month)s: months go from %(first)s to %(last)s.") % {
            "month": shown_digits(error.month),
            "first": shown_digits(1),
            "last": shown_digits(12),
        }
    if error.code == "day":
        return gettext("There is no %(date)s: that month has %(days)s days.") % {
            "date": _dotted(error.day, error.month, error.year),
            "days": shown_digits(error.days_in_month),
        }
    return gettext("Type the date as day.month.year, for example %(example)s.") % {
        "example": shown_digits("25.10.2022")
    }


class TimeField(forms.TimeField):
    """A time typed as ০৩:০০, 15:00, ২.০০ or "বিকাল ৩টা" (bangla.times.parse_time). On its own the time
    is taken as typed; DayPartTimeMixin turns it into the 24-hour time its day-part word means."""

    widget = TimeInput

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.time):
            return value
        try:
            return times.parse_time(str(value))[0]
        except times.TimeInputError as error:
            if error.code == "range":
                message = gettext(
                    "There is no such time: hours go up to %(hours)s, minutes up to %(minutes)s."
                )
                message %= {"hours": shown_digits(23), "minutes": shown_digits(59)}
            else:
                message = gettext("Type the time as %(example)s, or on the 24-hour clock as %(example24)s.")
                message %= {"example": shown_digits("03:00"), "example24": shown_digits("15:00")}
            raise ValidationError(message, code="invalid") from None


def digits_formfield(model_field, **kwargs):
    """A ModelForm's `Meta.formfield_callback`: the model's date, time and integer fields become the
    fields above, with the model's range (its validators' and the database column's limits)."""
    if isinstance(model_field, models.DateTimeField) or model_field.choices:
        return model_field.formfield(**kwargs)
    if isinstance(model_field, models.DateField):
        kwargs.setdefault("form_class", DateField)
    elif isinstance(model_field, models.TimeField):
        kwargs.setdefault("form_class", TimeField)
    elif isinstance(model_field, models.IntegerField) and not isinstance(model_field, models.AutoField):
        kwargs.setdefault("form_class", IntegerField)
        lows = [v.limit_value for v in model_field.validators if isinstance(v, MinValueValidator)]
        highs = [v.limit_value for v in model_field.validators if isinstance(v, MaxValueValidator)]
        if lows:
            kwargs.setdefault("min_value", max(lows))
        if highs:
            kwargs.setdefault("max_value", min(highs))
    return model_field.formfield(**kwargs)


class DayPartTimeMixin:
    """For a form with a time and a day-part word (a ChoiceField of bangla.times.DAY_PART_HOURS's
    words, "" for none): the time is typed on a 12-hour clock next to its word (বিকাল + ০৩:০০ is
    15:00), or on the 24-hour clock with none; the word may also be typed before the time
    ("বেলা ১২.০০ ঘটিকা"). A stored time is shown on the 12-hour clock when it has its word.
    The word is kept as chosen: the document prints exactly that word."""

    time_field, day_part_field = "start_time", "day_part"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        value = self.initial.get(self.time_field)
        if self.initial.get(self.day_part_field) and isinstance(value, datetime.time):
            self.initial[self.time_field] = times.twelve_hour(value)

    def clean(self):
        data = super().clean()
        value, chosen = data.get(self.time_field), data.get(self.day_part_field) or ""
        if value is None or self.day_part_field not in self.fields:
            return data
        typed = self._typed_day_part()
        if typed and chosen and typed != chosen:
            message = gettext("The time says %(typed)s, but the day-part chosen is %(chosen)s.")
            self.add_error(self.time_field, message % {"typed": typed, "chosen": chosen})
            return data
        word = data[self.day_part_field] = chosen or typed
        if word:
            try:
                data[self.time_field] = times.apply_day_part(value, word)
            except ValueError:
                message = gettext("%(time)s is not in the %(day_part)s: correct the time or the day-part.")
                shown = shown_digits(f"{value.hour:02d}:{value.minute:02d}")
                self.add_error(self.time_field, message % {"time": shown, "day_part": word})
        elif 1 <= value.hour <= 4:  # a meeting at 2 a.m. is a forgotten day-part
            message = gettext(
                "Is %(time)s at night? Choose the day-part, or type the time on the 24-hour clock, "
                "for example %(example)s."
            )
            shown = shown_digits(f"{value.hour:02d}:{value.minute:02d}")
            self.add_error(
                self.time_field, message % {"time": shown, "example": shown_digits(f"{value.hour + 12}:00")}
            )
        return data

    def _typed_day_part(self) -> str:
        try:
            return times.parse_time(str(self.data.get(self.add_prefix(self.time_field), "")))[1]
        except times.TimeInputError:
            return ""


def datepicker_strings() -> dict:
    """What static/js/datepicker.js shows, in the current language: month and weekday names
    (Saturday first, as Bangladesh calendars are), the digits, and its buttons' labels."""
    english = (get_language() or "").startswith("en")
    if english:
        months = [str(django_dates.MONTHS[m]) for m in range(1, 13)]
        short, long = django_dates.WEEKDAYS_ABBR, django_dates.WEEKDAYS
    else:
        months, short, long = list(dates.MONTHS), dates.WEEKDAYS_SHORT, dates.WEEKDAYS
    return {
        "digits": "latn" if english else "beng",
        "months": months,
        "weekdays": [str(short[d]) for d in SATURDAY_FIRST],
        "weekdaysLong": [str(long[d]) for d in SATURDAY_FIRST],
        "weekStart": 6,  # JavaScript's Saturday
        "weekend": [5, 6],  # Friday and Saturday
        "choose": gettext("Choose a date"),
        "previousMonth": gettext("Previous month"),
        "nextMonth": gettext("Next month"),
        "previousYear": gettext("Previous year"),
        "nextYear": gettext("Next year"),
        "today": gettext("Today"),
        "close": gettext("Close"),
    }
