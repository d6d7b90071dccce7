"""When an item is reminded: the steps of the default policy and of others, late sweeps, escalation."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup.reminders import schedule
from followup.reminders.schedule import DEFAULT, Policy

D = datetime.date(2026, 3, 10)
DAY = datetime.timedelta(days=1)


def steps(due, policy, start, end):
    """Every reminder day from start to end, walking the schedule as the sweep does."""
    found, day = [], schedule.first_step_on_or_after(due, policy, start)
    while day <= end:
        found.append((day - due).days)
        day = schedule.first_step_after(due, policy, day)
    return found


def test_it_reminds_7_and_1_days_before_on_the_day_then_weekly_by_default():
    assert steps(D, DEFAULT, D - 30 * DAY, D + 30 * DAY) == [-7, -1, 0, 7, 14, 21, 28]


def test_an_office_policy_sets_the_days_before_the_overdue_rhythm_and_the_escalation_day():
    policy = Policy(days_before=(10, 3), overdue_every_days=3, escalate_after_days=10)
    assert steps(D, policy, D - 30 * DAY, D + 13 * DAY) == [-10, -3, 0, 3, 6, 9, 10, 12]
    assert not schedule.escalates(D, policy, D + 9 * DAY)
    assert schedule.escalates(D, policy, D + 10 * DAY)


def test_no_reminder_before_the_due_date_when_the_office_wants_none():
    assert steps(D, Policy(days_before=()), D - 30 * DAY, D + 7 * DAY) == [0, 7]


def test_a_late_sweep_reminds_once_as_of_today_then_moves_to_the_next_step():
    # Made today, 3 days after its due date: its first reminder date (7 days before) is long past.
    today = D + 3 * DAY
    assert schedule.reminds(D, DEFAULT, D - 7 * DAY, today)
    assert schedule.kind_on(D, today) == "overdue"
    assert schedule.first_step_after(D, DEFAULT, today) == D + 7 * DAY


def test_a_next_reminder_set_by_another_rule_waits_for_this_policys_step():
    policy = Policy(days_before=(3,))
    assert not schedule.reminds(D, policy, D - 7 * DAY, D - 5 * DAY)  # 7 days before: not a step here
    assert schedule.first_step_after(D, policy, D - 5 * DAY) == D - 3 * DAY


def test_the_kind_follows_the_day():
    assert [schedule.kind_on(D, D + n * DAY) for n in (-1, 0, 1)] == ["soon", "due", "overdue"]


def test_a_policy_counts_whole_days_from_one():
    with pytest.raises(ValueError):
        Policy(overdue_every_days=0)


@given(
    days_before=st.lists(st.integers(1, 90), max_size=5),
    every=st.integers(1, 30),
    escalate=st.integers(1, 365),
    start=st.integers(-200, 400),
)
def test_the_next_step_is_always_after_today_and_no_step_is_skipped(days_before, every, escalate, start):
    policy = Policy(days_before=tuple(days_before), overdue_every_days=every, escalate_after_days=escalate)
    today = D + start * DAY
    following = schedule.first_step_after(D, policy, today)
    assert following > today
    # Nothing between today and the next step is a step of its own.
    assert schedule.first_step_on_or_after(D, policy, today + DAY) == following
    if today > D:
        assert (following - D).days % every == 0 or following == D + escalate * DAY
