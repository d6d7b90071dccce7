"""The revised Bangla calendar, checked day by day against an independent walk of its rules."""

import datetime

import pytest

from bangla.calendar import BanglaDate, from_bangla, month_lengths, to_bangla
from bangla.dates import format_bangla_date, format_dual_date


def walk_the_rules(start: datetime.date, end: datetime.date):
    """Independent of bangla.calendar: step one day at a time from 1 বৈশাখ 1377 (14 April 1970)."""
    year, month, day = 1377, 1, 1
    today = datetime.date(1970, 4, 14)
    while today <= end:
        if today >= start:
            yield today, (year, month, day)
        if month <= 6:
            length = 31
        elif month <= 10 or month == 12:
            length = 30
        else:  # ফাল্গুন: its February is in Gregorian year today.year
            leap = today.year % 4 == 0 and (today.year % 100 != 0 or today.year % 400 == 0)
            length = 30 if leap else 29
        day += 1
        if day > length:
            day, month = 1, month + 1
            if month > 12:
                month, year = 1, year + 1
        today += datetime.timedelta(days=1)


def test_every_day_from_1971_to_2100_matches_the_rules_and_round_trips():
    checked = 0
    for gregorian, expected in walk_the_rules(datetime.date(1971, 1, 1), datetime.date(2100, 12, 31)):
        found = to_bangla(gregorian)
        assert (found.year, found.month, found.day) == expected, gregorian
        assert from_bangla(*expected) == gregorian
        checked += 1
    assert checked == (datetime.date(2100, 12, 31) - datetime.date(1971, 1, 1)).days + 1


@pytest.mark.parametrize(
    ("gregorian", "bangla"),
    [
        (datetime.date(2021, 2, 22), "৯ ফাল্গুন ১৪২৭"),
        (datetime.date(2022, 9, 5), "২১ ভাদ্র ১৪২৯"),
        (datetime.date(2022, 11, 23), "৮ অগ্রহায়ণ ১৪২৯"),
        (datetime.date(2024, 3, 3), "১৯ ফাল্গুন ১৪৩০"),
        (datetime.date(2024, 8, 4), "২০ শ্রাবণ ১৪৩১"),
        (datetime.date(2024, 4, 14), "১ বৈশাখ ১৪৩১"),
        (datetime.date(2024, 4, 13), "৩০ চৈত্র ১৪৩০"),
    ],
)
def test_the_dates_of_the_reference_minutes(gregorian, bangla):
    assert format_bangla_date(gregorian) == bangla


def test_falgun_has_30_days_only_when_its_february_is_in_a_leap_year():
    assert month_lengths(1430)[10] == 30  # ফাল্গুন 1430 falls in February 2024
    assert month_lengths(1427)[10] == 29  # February 2021
    assert month_lengths(1506)[10] == 29  # February 2100 is not a leap year
    assert to_bangla(datetime.date(2024, 3, 14)) == BanglaDate(1430, 11, 30)
    assert to_bangla(datetime.date(2024, 3, 15)) == BanglaDate(1430, 12, 1)
    assert to_bangla(datetime.date(2023, 3, 15)) == BanglaDate(1429, 12, 1)
    assert to_bangla(datetime.date(2023, 3, 14)) == BanglaDate(1429, 11, 29)


@pytest.mark.parametrize(
    ("year", "month", "day"), [(1429, 11, 30), (1430, 1, 32), (1430, 13, 1), (1430, 0, 1), (1430, 1, 0)]
)
def test_an_impossible_bangla_date_is_refused(year, month, day):
    with pytest.raises(ValueError):
        from_bangla(year, month, day)


def test_the_new_year_and_the_last_day_of_chaitra():
    assert from_bangla(1431, 1, 1) == datetime.date(2024, 4, 14)
    assert from_bangla(1430, 12, 30) == datetime.date(2024, 4, 13)
    assert to_bangla(datetime.date(2024, 4, 14)).month_name == "বৈশাখ"


def test_a_datetime_counts_as_its_date():
    assert to_bangla(datetime.datetime(2024, 8, 4, 23, 59)) == BanglaDate(1431, 4, 20)


def test_the_memo_line_gives_both_calendars_bangla_first():
    assert format_dual_date(datetime.date(2021, 2, 22)) == "৯ ফাল্গুন ১৪২৭ / ২২ ফেব্রুয়ারি ২০২১"
    assert format_dual_date(datetime.date(2024, 8, 4), era=True) == "২০ শ্রাবণ ১৪৩১ বঙ্গাব্দ / ৪ আগস্ট ২০২৪ খ্রিস্টাব্দ"
