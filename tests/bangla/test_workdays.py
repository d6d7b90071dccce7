"""Working-day deadlines skip Friday, Saturday and Bangladesh's public holidays."""

import datetime

import pytest

from bangla.workdays import add_working_days, is_working_day


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
