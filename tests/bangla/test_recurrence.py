"""Recurring deadlines (bangla/recurrence.py): one occurrence per month or per quarter of the fiscal
year (July–September, October–December, January–March, April–June)."""

import datetime

import pytest

from bangla.recurrence import MONTH, QUARTER, Recurrence, quarter_end, quarter_start

D = datetime.date
FISCAL_2023 = (D(2023, 7, 1), D(2024, 6, 30))


def test_by_the_first_week_of_each_quarters_third_month_across_a_fiscal_year():
    rule = Recurrence(QUARTER, month=3, day=7)
    assert rule.occurrences(*FISCAL_2023) == [D(2023, 9, 7), D(2023, 12, 7), D(2024, 3, 7), D(2024, 6, 7)]


def test_each_month_of_the_quarter_can_be_chosen():
    assert Recurrence(QUARTER, month=1, day=15).occurrences(*FISCAL_2023) == [
        D(2023, 7, 15), D(2023, 10, 15), D(2024, 1, 15), D(2024, 4, 15),
    ]  # fmt: skip
    assert Recurrence(QUARTER, month=2).occurrences(*FISCAL_2023) == [
        D(2023, 8, 31), D(2023, 11, 30), D(2024, 2, 29), D(2024, 5, 31),
    ]  # fmt: skip


def test_monthly_by_the_tenth_twelve_times_a_year():
    dates = Recurrence(MONTH, day=10).occurrences(*FISCAL_2023)
    assert len(dates) == 12 and dates[0] == D(2023, 7, 10) and dates[-1] == D(2024, 6, 10)


def test_a_day_past_the_months_end_falls_on_its_last_day_leap_years_included():
    rule = Recurrence(MONTH, day=31)
    assert rule.occurrences(D(2024, 1, 1), D(2024, 4, 30)) == [
        D(2024, 1, 31), D(2024, 2, 29), D(2024, 3, 31), D(2024, 4, 30),
    ]  # fmt: skip
    assert Recurrence(MONTH, day=29).occurrences(D(2023, 2, 1), D(2023, 2, 28)) == [D(2023, 2, 28)]
    assert Recurrence(MONTH).occurrences(D(2100, 2, 1), D(2100, 2, 28)) == [
        D(2100, 2, 28)
    ]  # 2100: no leap year


def test_occurrences_start_on_the_start_date_and_end_on_the_last_included():
    rule = Recurrence(MONTH, day=10)
    assert rule.occurrences(D(2024, 3, 10), D(2024, 5, 10)) == [
        D(2024, 3, 10),
        D(2024, 4, 10),
        D(2024, 5, 10),
    ]
    assert rule.occurrences(D(2024, 3, 11), D(2024, 5, 9)) == [D(2024, 4, 10)]
    assert rule.occurrences(D(2024, 5, 1), D(2024, 4, 1)) == []


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        (Recurrence(QUARTER, month=3, day=7), "প্রতি ত্রৈমাসিকের তৃতীয় মাসের প্রথম সপ্তাহের মধ্যে"),
        (Recurrence(MONTH, day=10), "প্রতি মাসের ১০ তারিখের মধ্যে"),
        (Recurrence(MONTH, day=14), "প্রতি মাসের দ্বিতীয় সপ্তাহের মধ্যে"),
        (Recurrence(MONTH), "প্রতি মাসের শেষ তারিখের মধ্যে"),
        (Recurrence(QUARTER, month=1, day=15), "প্রতি ত্রৈমাসিকের প্রথম মাসের ১৫ তারিখের মধ্যে"),
    ],
)
def test_the_rule_in_words(rule, words):
    assert rule.words() == words


@pytest.mark.parametrize(
    "fields",
    [{"every": "year"}, {"every": QUARTER}, {"every": QUARTER, "month": 4}, {"every": MONTH, "month": 1},
     {"every": MONTH, "day": 0}, {"every": MONTH, "day": 32}],
)  # fmt: skip
def test_a_rule_that_cannot_be_is_refused(fields):
    with pytest.raises(ValueError):
        Recurrence(**fields)


def test_the_fiscal_quarters():
    assert [quarter_start(D(2024, m, 15)) for m in (7, 9, 10, 1, 3, 4, 6)] == [
        D(2024, 7, 1), D(2024, 7, 1), D(2024, 10, 1), D(2024, 1, 1), D(2024, 1, 1), D(2024, 4, 1), D(2024, 4, 1),
    ]  # fmt: skip
    assert quarter_end(D(2024, 2, 1)) == D(2024, 3, 31)
    assert quarter_end(D(2024, 11, 30)) == D(2024, 12, 31)
