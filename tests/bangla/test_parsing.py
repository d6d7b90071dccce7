"""What users type into number, date and time fields, in Bangla or ASCII digits (bangla/digits.py,
dates.py, times.py): read as meant, or refused with the reason."""

import datetime

import pytest

from bangla.dates import DateInputError, parse_date
from bangla.digits import parse_integer
from bangla.times import (
    DAY_PART_HOURS,
    TimeInputError,
    apply_day_part,
    fits_day_part,
    format_time,
    parse_time,
    twelve_hour,
)

T = datetime.time


@pytest.mark.parametrize(
    ("typed", "number"),
    [("০৭", 7), ("7", 7), (" ১২ ", 12), ("২০২০", 2020), ("2০2০", 2020), ("-১", -1), ("+5", 5), ("০", 0)],
)
def test_it_reads_whole_numbers_in_either_digits(typed, number):
    assert parse_integer(typed) == number


@pytest.mark.parametrize(
    "typed", ["", " ", "abc", "৭ক", "1.5", "১,২৩৪", "²", "①", "١٢", "१२", "１２", "1" * 51]
)
def test_it_refuses_what_is_not_a_whole_number_in_bangla_or_ascii_digits(typed):
    with pytest.raises(ValueError):
        parse_integer(typed)


@pytest.mark.parametrize(
    "typed",
    [
        "২৫.১০.২০২২", "25.10.2022", "২৫/১০/২০২২", "25/10/2022", "২৫-১০-২০২২", "25-10-2022",
        "২০২২-১০-২৫", "2022-10-25", " ২৫ . ১০ . ২০২২ ", "২৫/10/২০২২",
    ],
)  # fmt: skip
def test_it_reads_dates_in_every_form_and_both_digits(typed):
    assert parse_date(typed) == datetime.date(2022, 10, 25)


def test_leading_zeros_may_be_left_out():
    assert parse_date("৫.৭.২০২৪") == datetime.date(2024, 7, 5)
    assert parse_date("2024-7-5") == datetime.date(2024, 7, 5)


@pytest.mark.parametrize(
    ("typed", "code", "parts"),
    [
        ("৩০.০২.২০২৪", "day", (30, 2, 2024)),
        ("29.02.2023", "day", (29, 2, 2023)),
        ("৩১/০৪/২০২৪", "day", (31, 4, 2024)),
        ("০০.০১.২০২৪", "day", (0, 1, 2024)),
        ("২৫/১৩/২০২৪", "month", (25, 13, 2024)),
        ("০০.০০.০০০০", "format", (None, None, None)),
        ("25.10.22", "format", (None, None, None)),
        ("25.10/2022", "format", (None, None, None)),
        ("২৫ অক্টোবর ২০২২", "format", (None, None, None)),
        ("abc", "format", (None, None, None)),
        ("", "format", (None, None, None)),
        ("१२.१०.२०२२", "format", (None, None, None)),  # Devanagari digits
        ("01.01.0000", "format", (None, None, None)),
    ],
)
def test_it_says_why_a_date_is_refused(typed, code, parts):
    with pytest.raises(DateInputError) as refused:
        parse_date(typed)
    error = refused.value
    assert error.code == code
    if code != "format":
        assert (error.day, error.month, error.year) == parts


def test_a_refused_day_knows_how_long_its_month_is():
    with pytest.raises(DateInputError) as refused:
        parse_date("৩০.০২.২০২৪")
    assert refused.value.days_in_month == 29


@pytest.mark.parametrize(
    ("typed", "time", "word"),
    [
        ("০২:০০", T(2, 0), ""),
        ("14:00", T(14, 0), ""),
        ("২.০০", T(2, 0), ""),
        ("১৫:৩০", T(15, 30), ""),
        ("৩", T(3, 0), ""),
        ("15:00:00", T(15, 0), ""),
        ("৩টা", T(3, 0), ""),
        ("বেলা ১২.০০ ঘটিকা", T(12, 0), "বেলা"),
        ("বিকাল ০৩.০০টা", T(3, 0), "বিকাল"),
        ("বিকেল ৩টা", T(3, 0), "বিকাল"),
        ("রাত্রি ৮.৩০", T(8, 30), "রাত"),
        ("সকাল ১০:৩০ ঘটিকায়", T(10, 30), "সকাল"),
    ],
)
def test_it_reads_times_as_typed_with_any_day_part_word_before_them(typed, time, word):
    assert parse_time(typed) == (time, word)


@pytest.mark.parametrize(
    ("typed", "code"),
    [("২৫:০০", "range"), ("২৫:৬১", "range"), ("10:60", "range"), ("abc", "format"), ("", "format"),
     ("১০:৫", "format"), ("2:00 PM", "format"), ("১০:০০ বিকাল", "format")],
)  # fmt: skip
def test_it_says_why_a_time_is_refused(typed, code):
    with pytest.raises(TimeInputError) as refused:
        parse_time(typed)
    assert refused.value.code == code


@pytest.mark.parametrize(
    ("typed", "word", "meant"),
    [
        (T(3, 0), "বিকাল", T(15, 0)),
        (T(12, 0), "বেলা", T(12, 0)),
        (T(11, 0), "বেলা", T(11, 0)),
        (T(2, 30), "বেলা", T(14, 30)),
        (T(10, 0), "সকাল", T(10, 0)),
        (T(12, 30), "দুপুর", T(12, 30)),
        (T(2, 0), "দুপুর", T(14, 0)),
        (T(6, 30), "সন্ধ্যা", T(18, 30)),
        (T(8, 0), "রাত", T(20, 0)),
        (T(12, 30), "রাত", T(0, 30)),
        (T(15, 0), "বিকাল", T(15, 0)),  # already on the 24-hour clock
        (T(0, 15), "রাত", T(0, 15)),
    ],
)
def test_a_day_part_turns_a_12_hour_time_into_the_24_hour_time_it_means(typed, word, meant):
    assert apply_day_part(typed, word) == meant
    assert fits_day_part(meant, word)


@pytest.mark.parametrize(
    ("typed", "word"), [(T(10, 0), "বিকাল"), (T(21, 0), "সকাল"), (T(3, 0), "সকাল"), (T(14, 0), "রাত")]
)
def test_a_time_outside_its_day_part_is_refused(typed, word):
    with pytest.raises(ValueError):
        apply_day_part(typed, word)


def test_every_day_part_covers_less_than_twelve_hours_so_a_time_means_one_thing():
    for word, hours in DAY_PART_HOURS.items():
        assert not any(hour + 12 in hours for hour in hours), word


def test_a_stored_time_is_shown_on_the_12_hour_clock():
    assert twelve_hour(T(15, 0)) == T(3, 0)
    assert twelve_hour(T(0, 30)) == T(12, 30)
    assert twelve_hour(T(12, 0)) == T(12, 0)
    assert twelve_hour(T(10, 0)) == T(10, 0)


def test_a_chosen_day_part_word_can_be_printed_instead_of_the_one_the_hour_suggests():
    assert format_time(T(12, 0), " ঘটিকা") == "দুপুর ১২.০০ ঘটিকা"
    assert format_time(T(12, 0), " ঘটিকা", word="বেলা") == "বেলা ১২.০০ ঘটিকা"
