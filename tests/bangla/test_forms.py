"""The number, date and time fields (bangla/forms.py): Bangla or ASCII digits in, Bangla digits out,
Bangla messages with Bangla digits."""

import datetime

import pytest
from django import forms
from django.utils import translation

from bangla.forms import (
    DateField,
    DateInput,
    IntegerField,
    NumberInput,
    TimeField,
    TimeInput,
    datepicker_strings,
    digits_formfield,
)
from minutes.models import Decision, Meeting
from offices.models import GovernmentFile


@pytest.fixture(autouse=True)
def bangla():
    with translation.override("bn"):
        yield


class NumbersForm(forms.Form):
    year = IntegerField(min_value=1971, max_value=2200, required=False)
    serial = IntegerField(min_value=0, max_value=2147483647, required=False)
    count = IntegerField(max_value=10, required=False)
    day = DateField(required=False)
    time = TimeField(required=False)


def errors(**data):
    form = NumbersForm(data)
    assert not form.is_valid()
    return {name: " ".join(messages) for name, messages in form.errors.items()}


def test_it_takes_bangla_and_ascii_digits():
    form = NumbersForm({"year": "২০২০", "serial": "07", "day": "২৫/১০/২০২২", "time": "১৪:৩০"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {
        "year": 2020,
        "serial": 7,
        "count": None,
        "day": datetime.date(2022, 10, 25),
        "time": datetime.time(14, 30),
    }


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"year": "১৯৫০"}, "১৯৭১ থেকে ২২০০-এর মধ্যে একটি সংখ্যা লিখুন।"),
        ({"year": str(10**30)}, "১৯৭১ থেকে ২২০০-এর মধ্যে একটি সংখ্যা লিখুন।"),
        ({"serial": "-১"}, "০ বা তার বেশি একটি সংখ্যা লিখুন।"),
        ({"serial": "৯৯৯৯৯৯৯৯৯৯৯"}, "সংখ্যাটি অনেক বড়।"),
        ({"count": "১১"}, "১০ বা তার কম একটি সংখ্যা লিখুন।"),
        ({"year": "abc"}, "পূর্ণসংখ্যা লিখুন, বাংলা বা ইংরেজি অঙ্কে।"),
        ({"year": "২০২০.৫"}, "পূর্ণসংখ্যা লিখুন, বাংলা বা ইংরেজি অঙ্কে।"),
        ({"year": "①"}, "পূর্ণসংখ্যা লিখুন, বাংলা বা ইংরেজি অঙ্কে।"),
        ({"day": "৩০.০২.২০২৪"}, "৩০.০২.২০২৪ তারিখ নেই: ওই মাসে ২৯ দিন।"),
        ({"day": "২৫/১৩/২০২৪"}, "১৩ নম্বর মাস নেই: মাস ১ থেকে ১২ পর্যন্ত।"),
        ({"day": "কাল"}, "তারিখ দিন.মাস.বছর আকারে লিখুন, যেমন ২৫.১০.২০২২।"),
        ({"time": "২৫:০০"}, "এমন সময় নেই: ঘণ্টা ২৩ পর্যন্ত, মিনিট ৫৯ পর্যন্ত।"),
        ({"time": "বিকালে"}, "সময় ০৩:০০ আকারে লিখুন, অথবা ২৪ ঘণ্টার হিসাবে ১৫:০০।"),
    ],
)
def test_bad_input_gets_a_bangla_message_with_bangla_digits(data, message):
    assert errors(**data) == {next(iter(data)): message}


def test_messages_and_values_use_ascii_digits_for_a_user_who_chose_english():
    with translation.override("en"):
        assert errors(year="1950") == {"year": "Give a number from 1971 to 2200."}
        assert errors(day="30.02.2024") == {"day": "There is no 30.02.2024: that month has 29 days."}
        assert DateInput().format_value(datetime.date(2022, 10, 25)) == "25.10.2022"
        assert NumberInput().format_value(2020) == "2020"


def test_values_are_shown_in_bangla_digits_and_what_was_typed_too():
    assert NumberInput().format_value(2020) == "২০২০"
    assert NumberInput().format_value("07") == "০৭"
    assert NumberInput().format_value(None) is None
    assert DateInput().format_value(datetime.date(2022, 10, 5)) == "০৫.১০.২০২২"
    assert DateInput().format_value("25/13/2024") == "২৫/১৩/২০২৪"  # a refused value, shown again as typed
    assert TimeInput().format_value(datetime.time(15, 0)) == "১৫:০০"
    assert TimeInput().format_value("") is None


def test_the_inputs_are_text_boxes_with_a_numeric_keypad_not_the_browsers_english_ones():
    html = str(NumbersForm()["year"])
    assert 'type="text"' in html and 'inputmode="numeric"' in html and 'pattern="[0-9০-৯]*"' in html
    date = str(NumbersForm({"day": "2022-10-25"})["day"])
    assert 'type="text"' in date and "data-datepicker" in date and 'value="২০২২-১০-২৫"' in date
    assert 'type="date"' not in date and 'type="number"' not in html


def test_model_forms_get_these_fields_with_the_models_range():
    fiscal_year = digits_formfield(Meeting._meta.get_field("fiscal_year"))
    assert isinstance(fiscal_year, IntegerField)
    assert (fiscal_year.min_value, fiscal_year.max_value) == (1971, 2200)
    quarter = digits_formfield(Meeting._meta.get_field("quarter"))
    assert (quarter.min_value, quarter.max_value) == (1, 4)
    days = digits_formfield(Decision._meta.get_field("deadline_working_days"))
    assert (days.min_value, days.max_value) == (1, 365)
    serial = digits_formfield(GovernmentFile._meta.get_field("last_serial"))
    assert isinstance(serial, IntegerField) and serial.min_value == 0 and serial.max_value >= 2**31 - 1
    assert isinstance(digits_formfield(Meeting._meta.get_field("date")), DateField)
    assert isinstance(digits_formfield(Meeting._meta.get_field("start_time")), TimeField)
    assert not isinstance(digits_formfield(Meeting._meta.get_field("created_at")), DateField)  # a datetime
    assert isinstance(digits_formfield(Meeting._meta.get_field("day_part")), forms.TypedChoiceField)


def test_the_date_picker_speaks_the_users_language_and_starts_the_week_on_saturday():
    strings = datepicker_strings()
    assert strings["months"][0] == "জানুয়ারি" and strings["months"][11] == "ডিসেম্বর"
    assert strings["weekdays"][0] == "শনি" and strings["weekdaysLong"][6] == "শুক্রবার"
    assert (strings["digits"], strings["choose"], strings["today"]) == ("beng", "তারিখ বাছুন", "আজ")
    with translation.override("en"):
        strings = datepicker_strings()
        assert (strings["months"][0], strings["weekdays"][0], strings["digits"]) == ("January", "Sat", "latn")
