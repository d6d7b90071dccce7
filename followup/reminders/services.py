"""Writes of the reminders' settings: an office's policy (its administrators), an official's
preferences (the official), and sending a failed digest again (the office's administrators)."""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from followup.models import DigestDelivery, Occurrence, ReminderPolicy, ReminderPreference
from followup.reminders import schedule
from followup.reminders.selection import policy_of
from offices.access import require_admin
from offices.audit import Action, audit_record, changes_between, snapshot
from offices.models import Office, Official, User

POLICY_FIELDS = ["days_before", "overdue_every_days", "escalate_after_days", "escalate_to_superior"]
PREFERENCE_FIELDS = ["digest_hour", "include_soon_due", "by_sms"]


def policy_for(office: Office) -> ReminderPolicy:
    """The office's policy; the defaults (unsaved) if its administrator has not set one."""
    return ReminderPolicy.objects.filter(office=office).first() or ReminderPolicy(office=office)


@transaction.atomic
def reminder_policy_save(*, office: Office, values: dict, by: User) -> ReminderPolicy:
    """Set the office's policy and move its open items' next reminder to the new policy's next step
    from today (a step already reminded today is not reminded twice: Reminder's unique constraint)."""
    require_admin(by, office)
    policy = policy_for(office)
    created = policy.pk is None
    before = snapshot(policy, POLICY_FIELDS)
    for name in POLICY_FIELDS:
        setattr(policy, name, values[name])
    policy.full_clean()
    policy.save()
    changes = changes_between(before, snapshot(policy, POLICY_FIELDS))
    if changes or created:
        audit_record(
            office=office,
            by=by,
            action=Action.CREATED if created else Action.CHANGED,
            record=policy,
            changes=changes,
        )
    _reschedule(office, schedule_policy=policy_of(policy))
    return policy


def _reschedule(office: Office, *, schedule_policy: schedule.Policy) -> None:
    today = timezone.localdate()
    moved = []
    for item in (
        Occurrence.objects.filter(
            office=office, status=Occurrence.Status.OPEN, next_reminder_on__isnull=False
        )
        .only("id", "due_date", "next_reminder_on")
        .iterator(chunk_size=2000)
    ):
        wanted = schedule.first_step_on_or_after(item.due_date, schedule_policy, today)
        if wanted != item.next_reminder_on:
            item.next_reminder_on = wanted
            moved.append(item)
    Occurrence.objects.bulk_update(moved, ["next_reminder_on"], batch_size=1000)


def preference_for(official: Official) -> ReminderPreference:
    return ReminderPreference.objects.filter(official=official).first() or ReminderPreference(
        official=official, digest_hour=settings.SOBHA_REMINDER_DIGEST_HOUR
    )


@transaction.atomic
def reminder_preference_save(*, official: Official, values: dict, by: User) -> ReminderPreference:
    """An official sets their own preferences (nobody else does)."""
    if by.official_id != official.pk:
        raise PermissionDenied
    preference = preference_for(official)
    for name in PREFERENCE_FIELDS:
        if name in values:  # "by_sms" is asked only while the portal sends SMS
            setattr(preference, name, values[name])
    preference.full_clean()
    preference.save()
    return preference


@transaction.atomic
def delivery_send_again(*, delivery: DigestDelivery, by: User) -> bool:
    """An administrator of the official's office asks for a failed send to be tried again (from the
    start of its attempts). False if it is not failed any more."""
    from followup.reminders.tasks import digest_delivery_send  # tasks call the services: import when needed

    require_admin(by, delivery.digest.official.office)
    now = timezone.now()
    again = DigestDelivery.objects.filter(pk=delivery.pk, status=DigestDelivery.Status.FAILED).update(
        status=DigestDelivery.Status.PENDING,
        attempts=0,
        recover_after=now + datetime.timedelta(seconds=settings.SOBHA_REMINDER_REQUEUE_AFTER),
    )
    if again:
        transaction.on_commit(lambda: digest_delivery_send.delay(delivery.pk))
    return bool(again)
