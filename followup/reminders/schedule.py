"""When an item is reminded: pure date arithmetic over its due date and its office's policy.

The steps of an item due on D, with the defaults (7 and 1 days before, every 7 days overdue, the head
of office told from 14 days overdue):

    D-7 (due soon)   D-1 (due soon)   D (due today)   D+7 (overdue)   D+14 (overdue, escalated)   D+21 …

An item's `next_reminder_on` holds its next step. A sweep that finds it on or before today reminds
once, as of today (a step missed while nothing ran is reminded late rather than never, and only
once however many steps were missed), and moves `next_reminder_on` to the first step after today.
"""

import datetime
from dataclasses import dataclass

DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class Policy:
    days_before: tuple[int, ...] = (7, 1)
    overdue_every_days: int = 7
    escalate_after_days: int = 14
    escalate_to_superior: bool = True

    def __post_init__(self):
        if (
            self.overdue_every_days < 1
            or self.escalate_after_days < 1
            or any(n < 1 for n in self.days_before)
        ):
            raise ValueError("a reminder policy counts whole days from 1")


DEFAULT = Policy()

SOON, DUE, OVERDUE = "soon", "due", "overdue"  # Reminder.Kind's values for the responsible officials


def first_step_on_or_after(due: datetime.date, policy: Policy, day: datetime.date) -> datetime.date:
    """The first day on or after `day` on which the item is reminded (there always is one: overdue
    items are reminded every `overdue_every_days` for as long as they stay open)."""
    before = sorted({due - n * DAY for n in policy.days_before} | {due})
    for step in before:
        if step >= day:
            return step
    every = policy.overdue_every_days
    late = (day - due).days
    periodic = due + ((late + every - 1) // every) * every * DAY
    escalation = due + policy.escalate_after_days * DAY
    return escalation if day <= escalation < periodic else periodic


def first_step_after(due: datetime.date, policy: Policy, day: datetime.date) -> datetime.date:
    return first_step_on_or_after(due, policy, day + DAY)


def reminds(due: datetime.date, policy: Policy, since: datetime.date, today: datetime.date) -> bool:
    """Is a step due between `since` (the item's next_reminder_on) and today? False when `since` was
    set by another rule (the materialiser's first reminder, an older policy) and no step of this
    policy has come yet."""
    return first_step_on_or_after(due, policy, since) <= today


def kind_on(due: datetime.date, today: datetime.date) -> str:
    if today < due:
        return SOON
    return DUE if today == due else OVERDUE


def escalates(due: datetime.date, policy: Policy, today: datetime.date) -> bool:
    """From `escalate_after_days` overdue on, each reminder also goes to the head of the office."""
    return (today - due).days >= policy.escalate_after_days
