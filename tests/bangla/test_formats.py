"""Digits, dates, fiscal years, ordinals, letters and times as the reference minutes write them."""

import datetime

import pytest

from bangla.dates import format_date, format_gregorian, weekday_name
from bangla.digits import bn_number, to_ascii_digits, to_bangla_digits
from bangla.fiscal import (
    fiscal_quarter,
    fiscal_year_bounds,
    fiscal_year_of,
    fiscal_year_start,
    format_fiscal_year,
)
from bangla.letters import decision_letter
from bangla.ordinals import ordinal_digits, ordinal_word
from bangla.times import format_time


def test_digits_both_ways():
    assert to_bangla_digits("58.00.0000.018.31.006.17.26") == "৫৮.০০.০০০০.০১৮.৩১.০০৬.১৭.২৬"
    assert to_bangla_digits("92%") == "৯২%"
    assert to_bangla_digits(None) == ""
    assert to_ascii_digits("০১৭১০৭৬৫১৩৩") == "01710765133"
    assert to_ascii_digits(None) == ""


def test_numbers_are_grouped_in_lakhs_and_crores():
    assert bn_number(50) == "৫০"
    assert bn_number(1250) == "১,২৫০"
    assert bn_number(125000) == "১,২৫,০০০"
    assert bn_number(12345678) == "১,২৩,৪৫,৬৭৮"
    assert bn_number(-1250000) == "-১২,৫০,০০০"
    assert bn_number(125000, grouping=False) == "১২৫০০০"


@pytest.mark.parametrize(
    ("day", "style", "era", "expected"),
    [
        (datetime.date(2021, 2, 22), "long", False, "২২ ফেব্রুয়ারি ২০২১"),
        (datetime.date(2022, 8, 28), "comma", False, "২৮ আগস্ট, ২০২২"),
        (datetime.date(2021, 2, 17), "dotted", True, "১৭.০২.২০২১ খ্রিস্টাব্দ"),
        (datetime.date(2024, 7, 25), "slashed", False, "২৫/০৭/২০২৪"),
        (datetime.date(2024, 8, 4), "dashed", False, "০৪-০৮-২০২৪"),
        (datetime.date(2023, 5, 4), "long", False, "৪ মে ২০২৩"),
    ],
)
def test_gregorian_dates_in_the_forms_of_the_reference_minutes(day, style, era, expected):
    assert format_date(day, style, era=era) == expected


def test_every_month_and_weekday_has_its_bangla_name():
    months = [format_gregorian(datetime.date(2024, m, 1)).split()[1] for m in range(1, 13)]
    assert months == [
        "জানুয়ারি", "ফেব্রুয়ারি", "মার্চ", "এপ্রিল", "মে", "জুন",
        "জুলাই", "আগস্ট", "সেপ্টেম্বর", "অক্টোবর", "নভেম্বর", "ডিসেম্বর",
    ]  # fmt: skip
    assert weekday_name(datetime.date(2021, 2, 22)) == "সোমবার"
    assert weekday_name(datetime.date(2024, 8, 2)) == "শুক্রবার"
    assert weekday_name(datetime.date(2024, 8, 3)) == "শনিবার"


def test_an_unknown_date_style_is_refused():
    with pytest.raises(ValueError):
        format_date(datetime.date(2024, 1, 1), "roman")


def test_fiscal_years_run_from_july_to_june():
    assert fiscal_year_start(datetime.date(2021, 2, 17)) == 2020
    assert fiscal_year_of(datetime.date(2021, 2, 17)) == "২০২০-২১"
    assert fiscal_year_of(datetime.date(2022, 8, 28), long=True) == "২০২২-২০২৩"
    assert fiscal_year_of(datetime.date(2024, 6, 30)) == "২০২৩-২৪"
    assert fiscal_year_of(datetime.date(2024, 7, 1)) == "২০২৪-২৫"
    assert format_fiscal_year(1999) == "১৯৯৯-০০"
    assert fiscal_year_bounds(2023) == (datetime.date(2023, 7, 1), datetime.date(2024, 6, 30))


def test_quarters_count_from_july():
    months = (7, 9, 10, 12, 1, 3, 4, 6)
    assert [fiscal_quarter(datetime.date(2024, m, 1)) for m in months] == [1, 1, 2, 2, 3, 3, 4, 4]


def test_ordinals_in_digits():
    assert [ordinal_digits(n) for n in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)] == [
        "১ম", "২য়", "৩য়", "৪র্থ", "৫ম", "৬ষ্ঠ", "৭ম", "৮ম", "৯ম", "১০ম",
    ]  # fmt: skip
    assert [ordinal_digits(n) for n in (11, 19, 20, 21, 100)] == ["১১তম", "১৯তম", "২০তম", "২১তম", "১০০তম"]
    with pytest.raises(ValueError):
        ordinal_digits(0)


def test_ordinals_in_words_up_to_thirty_then_digits():
    assert [ordinal_word(n) for n in range(1, 11)] == [
        "প্রথম", "দ্বিতীয়", "তৃতীয়", "চতুর্থ", "পঞ্চম", "ষষ্ঠ", "সপ্তম", "অষ্টম", "নবম", "দশম",
    ]  # fmt: skip
    assert [ordinal_word(n) for n in (11, 12, 16, 19, 20, 21, 30)] == [
        "একাদশ", "দ্বাদশ", "ষোড়শ", "ঊনবিংশ", "বিংশ", "একবিংশ", "ত্রিংশ",
    ]  # fmt: skip
    # Spellings beyond ত্রিংশ vary between sources; offices write ৩১তম.
    assert ordinal_word(31) == "৩১তম"
    assert len({ordinal_word(n) for n in range(1, 60)}) == 59


def test_decision_letters_follow_the_consonants_and_go_on_in_pairs():
    assert [decision_letter(i) for i in range(10)] == ["ক", "খ", "গ", "ঘ", "ঙ", "চ", "ছ", "জ", "ঝ", "ঞ"]
    assert decision_letter(14) == "ণ"
    assert decision_letter(19) == "ন"
    assert decision_letter(31) == "হ"
    assert [decision_letter(i) for i in (32, 33, 63, 64)] == ["কক", "কখ", "কহ", "খক"]
    assert len({decision_letter(i) for i in range(2000)}) == 2000
    with pytest.raises(ValueError):
        decision_letter(-1)


@pytest.mark.parametrize(
    ("time", "suffix", "expected"),
    [
        (datetime.time(15, 0), "টা", "বিকাল ০৩.০০টা"),
        (datetime.time(12, 0), " ঘটিকা", "দুপুর ১২.০০ ঘটিকা"),
        (datetime.time(12, 0), " ঘটিকায়", "দুপুর ১২.০০ ঘটিকায়"),
        (datetime.time(10, 30), "টা", "সকাল ১০.৩০টা"),
        (datetime.time(21, 0), "টা", "রাত ০৯.০০টা"),
        (datetime.time(0, 5), "টা", "রাত ১২.০৫টা"),
    ],
)
def test_times_as_the_reference_minutes_write_them(time, suffix, expected):
    assert format_time(time, suffix) == expected


@pytest.mark.parametrize(
    ("hour", "minute", "word"),
    [
        (3, 59, "রাত"),
        (4, 0, "ভোর"),
        (5, 59, "ভোর"),
        (6, 0, "সকাল"),
        (11, 59, "সকাল"),
        (12, 0, "দুপুর"),
        (14, 59, "দুপুর"),
        (15, 0, "বিকাল"),
        (17, 59, "বিকাল"),
        (18, 0, "সন্ধ্যা"),
        (19, 59, "সন্ধ্যা"),
        (20, 0, "রাত"),
        (23, 59, "রাত"),
    ],
)
def test_the_day_part_word_changes_at_the_right_hour(hour, minute, word):
    assert format_time(datetime.time(hour, minute)).split()[0] == word
