"""The daily sweep with a frozen clock: exactly the expected reminders, digests and escalations, once.
Sends run in the test's process here (eager Celery, Django's test mailbox); the real worker, SMTP
server and the failures of both are in test_reminders_delivery.py."""

import threading

import pytest
from django.core import mail
from django.db import connection

from followup.models import Digest, DigestDelivery, Occurrence, Reminder, ReminderPolicy, ReminderPreference
from followup.reminders import recording
from followup.reminders.services import reminder_policy_save
from followup.reminders.tasks import followup_sweep
from offices.models import OfficeRole
from tests.factories import OfficialFactory, user_with_role
from tests.followup.reminder_world import DAY, NOW, TODAY, make_world

pytestmark = pytest.mark.usefixtures("celery_eager", "reminders_clock")
K = Reminder.Kind


def told(world) -> dict[str, set[tuple[str, str]]]:
    """{official's e-mail: {(item label, kind)}} of every reminder recorded."""
    labels = {item.pk: label for label, item in world.items.items()}
    found: dict[str, set] = {}
    for r in Reminder.objects.select_related("official"):
        found.setdefault(r.official.email, set()).add((labels.get(r.occurrence_id, r.occurrence_id), r.kind))
    return found


def inbox() -> dict[str, int]:
    """{address: mails received}."""
    counts: dict[str, int] = {}
    for message in mail.outbox:
        for address in message.to:
            counts[address] = counts.get(address, 0) + 1
    return counts


def test_the_days_digests_hold_exactly_the_items_due_and_the_escalations(reminders_world):
    world = reminders_world
    followup_sweep()
    assert told(world) == {
        "rahim@dnc.gov.bd": {
            ("in 7 days", K.SOON),
            ("in 1 day", K.SOON),
            ("today", K.DUE),
            ("3 days ago", K.OVERDUE),
            ("30 days ago", K.OVERDUE),
        },
        # 30 days overdue: past the 14 days after which the head of the office and the superior
        # office's team are told; the item 3 days overdue is not escalated.
        "dg@dnc.gov.bd": {("30 days ago", K.ESCALATED)},
        "ds@ssd.gov.bd": {("30 days ago", K.ESCALATED)},
    }
    assert inbox() == {"rahim@dnc.gov.bd": 1, "dg@dnc.gov.bd": 1, "ds@ssd.gov.bd": 1}  # one digest each
    assert set(Digest.objects.values_list("for_date", flat=True)) == {TODAY}
    assert DigestDelivery.objects.filter(status=DigestDelivery.Status.SENT).count() == 3
    # Each item's next reminder: its next step after today.
    next_on = {
        label: Occurrence.objects.get(pk=item.pk).next_reminder_on for label, item in world.items.items()
    }
    assert next_on == {
        "in 7 days": TODAY + 6 * DAY,  # 1 day before
        "in 1 day": TODAY + DAY,  # the due date
        "today": TODAY + 7 * DAY,  # a week overdue
        "3 days ago": TODAY + 4 * DAY,  # a week overdue
        "30 days ago": TODAY + 5 * DAY,  # five weeks overdue
    }


def test_running_the_sweep_again_records_and_sends_nothing_more(reminders_world):
    followup_sweep()
    followup_sweep()
    assert Reminder.objects.count() == 7
    assert len(mail.outbox) == 3


def test_the_following_days_remind_each_item_at_its_next_step(reminders_world, reminders_clock):
    world = reminders_world
    clock = reminders_clock
    followup_sweep()
    seen = {}
    for day in range(1, 9):
        clock.move_to(NOW + day * DAY)
        before = set(Reminder.objects.values_list("pk", flat=True))
        followup_sweep()
        new = Reminder.objects.exclude(pk__in=before).select_related("official")
        labels = {item.pk: label for label, item in world.items.items()}
        seen[day] = sorted((labels[r.occurrence_id], r.kind, r.official.email.split("@")[0]) for r in new)
    assert seen == {
        1: [("in 1 day", K.DUE, "rahim")],
        2: [],
        3: [],
        4: [("3 days ago", K.OVERDUE, "rahim")],
        5: [
            ("30 days ago", K.ESCALATED, "dg"),
            ("30 days ago", K.ESCALATED, "ds"),
            ("30 days ago", K.OVERDUE, "rahim"),
        ],
        6: [("in 7 days", K.SOON, "rahim")],
        7: [("in 7 days", K.DUE, "rahim"), ("today", K.OVERDUE, "rahim")],
        8: [("in 1 day", K.OVERDUE, "rahim")],
    }
    # One digest per official per day that had reminders.
    assert Digest.objects.count() == 3 + 1 + 1 + 3 + 1 + 1 + 1


def test_an_item_done_before_the_digest_leaves_is_left_out_and_a_digest_left_empty_is_not_sent(
    reminders_world, reminders_clock
):
    world = reminders_world
    clock = reminders_clock
    clock.move_to(NOW.replace(hour=7))  # recorded at 07:05, before the officials' hour
    followup_sweep()
    assert len(mail.outbox) == 0 and Reminder.objects.count() == 7
    Occurrence.objects.filter(pk=world.items["30 days ago"].pk).update(
        status=Occurrence.Status.DONE, next_reminder_on=None
    )
    clock.move_to(NOW)
    followup_sweep()
    assert inbox() == {"rahim@dnc.gov.bd": 1}
    assert "30" not in mail.outbox[0].body.split("\n")[0]
    skipped = DigestDelivery.objects.filter(status=DigestDelivery.Status.SKIPPED)
    assert {d.address for d in skipped} == {"dg@dnc.gov.bd", "ds@ssd.gov.bd"}


def test_an_official_who_wants_no_early_reminders_gets_only_what_is_due_and_overdue(reminders_world):
    world = reminders_world
    ReminderPreference.objects.create(official=world.rahim, include_soon_due=False)
    followup_sweep()
    assert told(world)["rahim@dnc.gov.bd"] == {
        ("today", K.DUE),
        ("3 days ago", K.OVERDUE),
        ("30 days ago", K.OVERDUE),
    }


def test_each_digest_waits_for_its_officials_hour(reminders_world, reminders_clock):
    world = reminders_world
    clock = reminders_clock
    ReminderPreference.objects.create(official=world.rahim, digest_hour=14)
    followup_sweep()
    assert inbox() == {"dg@dnc.gov.bd": 1, "ds@ssd.gov.bd": 1}
    clock.move_to(NOW.replace(hour=13))
    followup_sweep()
    assert "rahim@dnc.gov.bd" not in inbox()
    clock.move_to(NOW.replace(hour=14))
    followup_sweep()
    assert inbox()["rahim@dnc.gov.bd"] == 1


def test_a_digest_not_sent_on_its_day_goes_out_the_next_morning(reminders_world, reminders_clock):
    clock = reminders_clock
    clock.move_to(NOW.replace(hour=7))
    followup_sweep()  # recorded; then nothing ran for the rest of the day
    clock.move_to(NOW.replace(hour=1) + DAY)
    followup_sweep()
    assert inbox() == {"rahim@dnc.gov.bd": 1, "dg@dnc.gov.bd": 1, "ds@ssd.gov.bd": 1}
    assert Digest.objects.filter(for_date=TODAY, closed_at__isnull=False).count() == 3


def test_an_item_that_falls_due_after_the_digest_left_is_in_the_next_days_digest(
    reminders_world, reminders_clock
):
    world = reminders_world
    clock = reminders_clock
    followup_sweep()
    late = world.add_decision("made at noon", TODAY + 2 * DAY)  # e.g. minutes issued at noon
    clock.move_to(NOW.replace(hour=12))
    followup_sweep()
    reminder = Reminder.objects.get(occurrence=late)
    assert (reminder.kind, reminder.for_date, reminder.digest.for_date) == (K.SOON, TODAY, TODAY + DAY)
    assert inbox()["rahim@dnc.gov.bd"] == 1  # still one digest today
    clock.move_to(NOW + DAY)
    followup_sweep()
    assert inbox()["rahim@dnc.gov.bd"] == 2
    assert "made at noon" in mail.outbox[-1].body


def test_the_office_policy_decides_the_days_and_the_escalation(reminders_world):
    world = reminders_world
    admin = user_with_role(world.office, OfficeRole.Role.ADMIN)
    values = {
        "days_before": [10],
        "overdue_every_days": 3,
        "escalate_after_days": 2,
        "escalate_to_superior": False,
    }
    reminder_policy_save(office=world.office, values=values, by=admin)
    assert ReminderPolicy.objects.get(office=world.office).days_before == [10]
    followup_sweep()
    assert told(world) == {
        # 7 days before is no step of this policy, 1 day before neither.
        "rahim@dnc.gov.bd": {("today", K.DUE), ("3 days ago", K.OVERDUE), ("30 days ago", K.OVERDUE)},
        "dg@dnc.gov.bd": {("3 days ago", K.ESCALATED), ("30 days ago", K.ESCALATED)},
    }
    assert Occurrence.objects.get(pk=world.items["in 7 days"].pk).next_reminder_on == TODAY + 7 * DAY


def test_an_item_of_the_whole_office_reaches_its_innovation_teams_member_secretary(reminders_world):
    world = reminders_world
    item = world.add_decision("the office", TODAY, office=world.office)
    followup_sweep()
    assert set(Reminder.objects.filter(occurrence=item).values_list("official__email", "kind")) == {
        ("dd@dnc.gov.bd", K.DUE)
    }


def test_a_transfer_hands_the_reminders_over_with_the_post(reminders_world):
    world = reminders_world
    world.rahim.is_active = False
    world.rahim.save()
    successor = OfficialFactory(
        office=world.office, post=world.post, name="মোঃ করিম", email="karim@dnc.gov.bd"
    )
    followup_sweep()
    assert "rahim@dnc.gov.bd" not in inbox()
    assert inbox()["karim@dnc.gov.bd"] == 1
    assert Reminder.objects.filter(official=successor).count() == 5


def test_an_indicators_quarter_reaches_the_holder_of_its_responsible_post(reminders_world):
    world = reminders_world
    item = world.add_indicator(TODAY + DAY)
    followup_sweep()
    assert Reminder.objects.get(occurrence=item).official == world.rahim
    assert "[১.১.১] সভা আয়োজিত" in mail.outbox[0].body or any("[১.১.১]" in m.body for m in mail.outbox)


def test_an_official_without_e_mail_is_listed_as_not_reached(reminders_world):
    world = reminders_world
    world.rahim.email = ""
    world.rahim.save()
    followup_sweep()
    delivery = DigestDelivery.objects.get(digest__official=world.rahim)
    assert delivery.status == DigestDelivery.Status.SKIPPED and delivery.last_error


@pytest.mark.django_db(transaction=True)
def test_two_sweeps_at_once_record_and_send_each_reminder_once(monkeypatch):
    """Two beat processes by mistake: two sweeps run together, in batches of two items, each on its own
    database connection."""
    world = make_world()
    officials = [OfficialFactory(office=world.office, email=f"officer{i}@dnc.gov.bd") for i in range(12)]
    for i, official in enumerate(officials):
        for days in (0, -3, 5):
            world.add_decision(f"{i}:{days}", TODAY + days * DAY, post=None, official=official)
    monkeypatch.setattr(recording, "BATCH_SIZE", 2)
    errors, handled = [], []
    start = threading.Barrier(2)

    def sweep():
        try:
            start.wait()
            handled.append(followup_sweep()["recorded"])
        except Exception as error:  # pragma: no cover - shown by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=sweep) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    followup_sweep()  # a digest the two left open (each saw the other still recording) closes now
    assert errors == []
    assert sum(handled) == 36  # each item handled by one of the two sweeps, none by both
    assert Reminder.objects.count() == 36
    assert inbox() == {official.email: 1 for official in officials}
    for message in mail.outbox:
        assert message.body.count("==") == 3 * 2  # overdue, due today, due soon: one item each
