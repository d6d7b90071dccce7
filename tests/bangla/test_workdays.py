"""Working-day deadlines skip Friday, Saturday and Bangladesh's public holidays."""

import datetime

import pytest

from bangla.workdays import add_working_days, is_working_day, public_holidays, working_days_span


def test_weekends_and_public_holidays_are_not_working_days():
    assert is_working_day(datetime.date(2024, 8, 1))  # Thursday
    assert not is_working_day(datetime.date(2024, 8, 2))  # Friday
    assert not is_working_day(datetime.date(2024, 8, 3))  # Saturday
    assert not is_working_day(datetime.date(2024, 2, 21))  # International Mother Language Day
    assert not is_working_day(datetime.date(2024, 3, 26))  # Independence Day
    assert not is_working_day(datetime.date(2024, 12, 16))  # Victory Day


def test_a_deadline_in_working_days_skips_weekends_and_holidays():
    # Thursday 14 March 2024 + 7: skips two weekends, 17 March and 26 March.
    assert add_working_days(datetime.date(2024, 3, 14), 7) == datetime.date(2024, 3, 27)
    # Monday 8 April 2024 + 3: Eid al-Fitr (10-12 April), the weekend and Pohela Boishakh (14 April).
    assert add_working_days(datetime.date(2024, 4, 8), 3) == datetime.date(2024, 4, 16)


def test_a_deadline_across_the_new_year_uses_the_next_years_holidays():
    # Thursday 28 Dec 2023 + 6: 31 Dec, 1-4 Jan, then Fri-Sat and the election holiday of 7 Jan 2024.
    assert add_working_days(datetime.date(2023, 12, 28), 6) == datetime.date(2024, 1, 8)


def test_a_deadline_set_on_a_friday_starts_counting_on_sunday():
    assert add_working_days(datetime.date(2024, 8, 30), 1) == datetime.date(2024, 9, 1)
    assert add_working_days(datetime.date(2024, 8, 30), 0) == datetime.date(2024, 8, 30)
    with pytest.raises(ValueError):
        add_working_days(datetime.date(2024, 8, 30), -1)


def test_an_office_announced_holiday_moves_a_deadline_and_a_cancelled_one_brings_it_back():
    # Sunday 1 Sept 2024 + 7 working days: Tuesday 10 September.
    start = datetime.date(2024, 9, 1)
    assert add_working_days(start, 7) == datetime.date(2024, 9, 10)
    # An executive-order holiday on Wednesday 4 September: one more day.
    announced = {datetime.date(2024, 9, 4)}
    assert add_working_days(start, 7, extra_holidays=announced) == datetime.date(2024, 9, 11)
    assert not is_working_day(datetime.date(2024, 9, 4), extra_holidays=announced)


def test_an_extra_working_day_opens_a_computed_holiday_or_a_saturday():
    # The package computes Eid al-Fitr on 10-12 April 2024; an office that worked on the 10th:
    eid = datetime.date(2024, 4, 10)
    assert not is_working_day(eid)
    assert is_working_day(eid, extra_working_days={eid})
    assert add_working_days(datetime.date(2024, 4, 9), 1, extra_working_days={eid}) == eid
    # A Saturday declared a working day (to make up for a holiday) counts.
    saturday = datetime.date(2024, 8, 31)
    assert add_working_days(datetime.date(2024, 8, 29), 1, extra_working_days={saturday}) == saturday


def test_public_holidays_are_named_in_bangla_or_english():
    named = public_holidays(2024)
    assert named[datetime.date(2024, 2, 21)] == "শহীদ দিবস ও আন্তর্জাতিক মাতৃভাষা দিবস"
    assert public_holidays(2024, "en_US")[datetime.date(2024, 12, 16)] == "Victory Day"
    assert list(named) == sorted(named)


def test_the_years_a_working_day_deadline_can_reach():
    assert list(working_days_span(datetime.date(2024, 3, 1), 7)) == [2024]
    assert list(working_days_span(datetime.date(2024, 12, 20), 7)) == [2024, 2025]
    assert list(working_days_span(datetime.date(2024, 3, 1), 365)) == [2024, 2025, 2026]
