"""Digits, dates, fiscal years, ordinals, letters, times and working days as documents write them."""

import datetime

import pytest
from django.template import Context, Template

from bangla.dates import format_date
from bangla.digits import to_ascii_digits, to_bangla_digits
from bangla.fiscal import fiscal_quarter, fiscal_year_start, format_fiscal_year
from bangla.letters import decision_letter
from bangla.ordinals import ordinal_digits, ordinal_word
from bangla.times import format_time
from bangla.workdays import add_working_days, is_working_day


def test_digits_both_ways():
    assert to_bangla_digits("58.00.0000.018.31.006.17.26") == "৫৮.০০.০০০০.০১৮.৩১.০০৬.১৭.২৬"
    assert to_bangla_digits("92%") == "৯২%"
    assert to_ascii_digits("০১৭১০৭৬৫১৩৩") == "01710765133"


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        ("long", "২২ ফেব্রুয়ারি ২০২১"),
        ("dotted", "২২.০২.২০২১"),
        ("slashed", "২২/০২/২০২১"),
        ("dashed", "২২-০২-২০২১"),
    ],
)
def test_gregorian_dates_with_bangla_months(style, expected):
    assert format_date(datetime.date(2021, 2, 22), style) == expected


def test_fiscal_years_run_from_july():
    assert fiscal_year_start(datetime.date(2021, 2, 17)) == 2020
    assert fiscal_year_start(datetime.date(2024, 7, 1)) == 2024
    assert format_fiscal_year(2020) == "২০২০-২১"
    assert format_fiscal_year(2022, long=True) == "২০২২-২০২৩"
    assert format_fiscal_year(1999) == "১৯৯৯-০০"
    assert [fiscal_quarter(datetime.date(2024, m, 1)) for m in (7, 9, 10, 12, 1, 3, 4, 6)] == [
        1,
        1,
        2,
        2,
        3,
        3,
        4,
        4,
    ]


def test_ordinals_in_digits_and_words():
    assert [ordinal_digits(n) for n in (1, 2, 3, 4, 5, 6, 9, 10, 11, 21)] == [
        "১ম", "২য়", "৩য়", "৪র্থ", "৫ম", "৬ষ্ঠ", "৯ম", "১০ম", "১১তম", "২১তম",
    ]  # fmt: skip
    assert [ordinal_word(n) for n in (1, 4, 10, 11, 20)] == ["প্রথম", "চতুর্থ", "দশম", "একাদশ", "বিংশ"]
    assert ordinal_word(45) == "৪৫তম"


def test_decision_letters_follow_the_consonants_and_go_on_in_pairs():
    assert [decision_letter(i) for i in range(6)] == ["ক", "খ", "গ", "ঘ", "ঙ", "চ"]
    assert decision_letter(19) == "ন"
    assert decision_letter(31) == "হ"
    assert decision_letter(32) == "কক"
    assert decision_letter(33) == "কখ"
    assert len({decision_letter(i) for i in range(500)}) == 500


@pytest.mark.parametrize(
    ("time", "suffix", "expected"),
    [
        (datetime.time(15, 0), "টা", "বিকাল ০৩.০০টা"),
        (datetime.time(12, 0), " ঘটিকা", "দুপুর ১২.০০ ঘটিকা"),
        (datetime.time(10, 30), "টা", "সকাল ১০.৩০টা"),
        (datetime.time(18, 15), "টা", "সন্ধ্যা ০৬.১৫টা"),
        (datetime.time(21, 0), "টা", "রাত ০৯.০০টা"),
        (datetime.time(0, 5), "টা", "রাত ১২.০৫টা"),
    ],
)
def test_times_carry_a_day_part_word(time, suffix, expected):
    assert format_time(time, suffix) == expected


def test_working_days_skip_friday_saturday_and_public_holidays():
    assert not is_working_day(datetime.date(2024, 8, 2))  # Friday
    assert not is_working_day(datetime.date(2024, 3, 26))  # Independence Day
    assert not is_working_day(datetime.date(2024, 12, 16))  # Victory Day
    # Thursday 14 March 2024 + 7 working days: skips Fri-Sat twice, 17 March and 26 March.
    assert add_working_days(datetime.date(2024, 3, 14), 7) == datetime.date(2024, 3, 27)


def test_template_filters_are_safe_on_empty_values():
    rendered = Template(
        "{% load bangla %}[{{ none|bn_date }}][{{ d|bn_dual_date }}][{{ 0|bn_decision_letter }}][{{ 2020|bn_fiscal_year }}]"
    ).render(Context({"none": None, "d": datetime.date(2024, 8, 4)}))
    assert rendered == "[][২০ শ্রাবণ ১৪৩১ / ৪ আগস্ট ২০২৪][ক][২০২০-২১]"
