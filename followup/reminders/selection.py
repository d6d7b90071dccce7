"""What falls due: the open items whose next reminder is today or earlier, read through the index on
(status, next_reminder_on), so the cost follows what is due today, not how many items there are."""

import datetime

from django.db.models import QuerySet

from followup.models import Occurrence, ReminderPolicy
from followup.reminders.schedule import DEFAULT, Policy


def due_for_reminder(today: datetime.date) -> QuerySet[Occurrence]:
    """The open items due a reminder on `today` (index followup_occ_reminder), in no order: an order
    would make the database sort every item due today for each batch."""
    return Occurrence.objects.filter(status=Occurrence.Status.OPEN, next_reminder_on__lte=today).order_by()


def due_batch(today: datetime.date, size: int) -> QuerySet[Occurrence]:
    """Up to `size` due items, locked for the transaction, skipping those another sweep holds (so two
    sweeps running at once share the work instead of waiting for each other). On SQLite, whose
    writers take turns, the lock is the transaction itself. The first `size` entries of the index, in
    its order (no sort of the day's items; the items of earlier batches have moved out of it), so
    each batch costs the same however many items are due."""
    fields = ("id", "office_id", "decision_id", "indicator_id", "due_date", "next_reminder_on", "status")
    locked = due_for_reminder(today).select_for_update(skip_locked=True, of=("self",))
    return locked.order_by("next_reminder_on").only(*fields)[:size]


def policies_for(office_ids) -> dict[int, Policy]:
    """{office id: its reminder policy} for the given offices; the default for those without one."""
    found = {
        row.office_id: policy_of(row) for row in ReminderPolicy.objects.filter(office_id__in=set(office_ids))
    }
    return {office_id: found.get(office_id, DEFAULT) for office_id in office_ids}


def policy_of(row: ReminderPolicy) -> Policy:
    return Policy(
        days_before=tuple(row.days_before),
        overdue_every_days=row.overdue_every_days,
        escalate_after_days=row.escalate_after_days,
        escalate_to_superior=row.escalate_to_superior,
    )
