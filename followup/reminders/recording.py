"""Recording the day's reminders, before anything is sent.

In batches, each one transaction: lock a batch of due items (skipping those another sweep holds),
work out who is told of each and how (schedule.py, recipients.py), add a Reminder per (official,
item, kind, day) to the official's open digest of the day, and move each item's next_reminder_on to
its next step. Either all of that is committed or none of it: an item is never advanced without its
reminders recorded, nor recorded twice (the unique constraint turns a second recording into nothing).
"""

import datetime
import time
from collections import defaultdict

from django.db import transaction

from followup.models import Digest, Occurrence, Reminder, ReminderPreference
from followup.reminders import schedule
from followup.reminders.recipients import office_heads, responsible_officials, superior_teams
from followup.reminders.selection import due_batch, policies_for

BATCH_SIZE = 500
Kind = Reminder.Kind


def reminders_record(
    *, today: datetime.date, batch_size: int | None = None, seconds: float | None = None
) -> tuple[int, bool]:
    """Record every reminder due on `today`. Returns (items handled, finished); with `seconds`, stops
    after that long (finished False) and leaves the rest to the next run."""
    deadline = None if seconds is None else time.monotonic() + seconds
    batch_size = batch_size or BATCH_SIZE
    handled = 0
    while True:
        count = _record_batch(today, batch_size)
        handled += count
        if count == 0:
            return handled, True
        if deadline is not None and time.monotonic() > deadline:
            return handled, False


@transaction.atomic
def _record_batch(today: datetime.date, size: int) -> int:
    items = list(due_batch(today, size))
    if not items:
        return 0
    policies = policies_for({item.office_id for item in items})
    reminded = [
        item
        for item in items
        if schedule.reminds(item.due_date, policies[item.office_id], item.next_reminder_on, today)
    ]
    planned = plan(reminded, policies, today)
    if planned:
        digests = open_digests({official_id for official_id, _item, _kind in planned}, today)
        Reminder.objects.bulk_create(
            [
                Reminder(
                    digest_id=digests[official_id],
                    official_id=official_id,
                    occurrence_id=item,
                    kind=kind,
                    for_date=today,
                )
                for official_id, item, kind in planned
            ],
            ignore_conflicts=True,
        )
    # One UPDATE per next date (a handful: most items' next step is within the week), not one CASE
    # over the batch, which costs more to build than to run.
    following = defaultdict(list)
    for item in items:
        following[schedule.first_step_after(item.due_date, policies[item.office_id], today)].append(item.pk)
    for day, pks in following.items():
        Occurrence.objects.filter(pk__in=pks).update(next_reminder_on=day)
    return len(items)


def plan(items: list[Occurrence], policies: dict, today: datetime.date) -> list[tuple[int, int, str]]:
    """[(official id, item id, kind)]: each item to those responsible (due soon, due today or
    overdue), and, once it escalates, to the heads of their offices and the superior offices' teams
    (escalated), each official once per item."""
    responsible = responsible_officials(items)
    escalating = [
        item for item in items if schedule.escalates(item.due_date, policies[item.office_id], today)
    ]
    # The responsible office: the office of each official responsible; the item's own office when
    # nobody in the portal is.
    offices = {
        item.pk: {o.office_id for o in responsible[item.pk]} or {item.office_id} for item in escalating
    }
    concerned = set().union(*offices.values()) if offices else set()
    heads = office_heads(concerned)
    superiors = superior_teams(
        {
            office
            for item in escalating
            if policies[item.office_id].escalate_to_superior
            for office in offices[item.pk]
        }
    )
    no_soon = set(
        ReminderPreference.objects.filter(
            official_id__in={o.pk for found in responsible.values() for o in found}, include_soon_due=False
        ).values_list("official_id", flat=True)
    )
    planned = []
    for item in items:
        kind = schedule.kind_on(item.due_date, today)
        told = set()
        for official in responsible[item.pk]:
            told.add(official.pk)
            if not (kind == Kind.SOON and official.pk in no_soon):
                planned.append((official.pk, item.pk, kind))
        if item.pk not in offices:
            continue
        also_superior = policies[item.office_id].escalate_to_superior
        upward = [
            official
            for office in offices[item.pk]
            for official in heads.get(office, []) + (superiors.get(office, []) if also_superior else [])
        ]
        for official in upward:
            if official.pk not in told:
                told.add(official.pk)
                planned.append((official.pk, item.pk, Kind.ESCALATED))
    return planned


def open_digests(official_ids: set[int], today: datetime.date) -> dict[int, int]:
    """{official id: id of their digest to add to}: the day's, locked so that it cannot be closed
    meanwhile; the next day's when the day's digest has already gone (one digest a day)."""
    result: dict[int, int] = {}
    remaining, day = sorted(official_ids), today
    while remaining:
        # In the officials' order, so that two sweeps adding to the same digests never deadlock.
        Digest.objects.bulk_create(
            [Digest(official_id=pk, for_date=day) for pk in remaining], ignore_conflicts=True
        )
        rows = (
            Digest.objects.select_for_update()
            .filter(official_id__in=remaining, for_date=day)
            .order_by("official_id")
            .values_list("official_id", "pk", "closed_at")
        )
        closed = []
        for official_id, pk, closed_at in rows:
            if closed_at is None:
                result[official_id] = pk
            else:
                closed.append(official_id)
        remaining, day = closed, day + schedule.DAY
    return result
