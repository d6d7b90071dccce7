"""The items to chase are made from issued minutes and from plans, once, whatever runs again."""

import datetime

import pytest
from django.core.management import call_command

from actionplan import services as plan_services
from followup.models import Occurrence
from followup.services import occurrences_for_meeting, occurrences_for_plan, sync_occurrences
from minutes.models import Decision, Meeting
from minutes.workflow import services as workflow
from tests.actionplan.templates import REFERENCE
from tests.factories import GovernmentFileFactory
from tests.followup.conftest import ISSUED_ON, TODAY, add_decision, due_on, make_meeting, make_plan

S = Occurrence.Status
pytestmark = pytest.mark.django_db


def test_it_makes_one_item_per_due_date_of_the_open_decisions_of_issued_minutes(people):
    meeting = make_meeting(people.office)
    dated = add_decision(meeting, to=[people.post], **due_on(datetime.date(2024, 9, 30)))
    working_days = add_decision(
        meeting, to=[people.branch], deadline_kind=Decision.Deadline.WORKING_DAYS, deadline_working_days=7
    )
    add_decision(meeting, "কোন সময়সীমা নেই।")  # no deadline: nothing to chase
    add_decision(meeting, "আগেই শেষ।", status=Decision.Status.DONE, **due_on(datetime.date(2024, 9, 30)))

    assert occurrences_for_meeting(meeting=meeting, today=TODAY) == 2

    items = {o.decision_id: o for o in Occurrence.objects.all()}
    assert set(items) == {dated.pk, working_days.pk}
    assert items[dated.pk].due_date == datetime.date(2024, 9, 30)
    # seven working days from Sunday 1 September 2024 (Friday and Saturday are the weekend)
    assert items[working_days.pk].due_date == datetime.date(2024, 9, 10)
    first = items[dated.pk]
    assert (first.status, first.office, first.period) == (S.OPEN, people.office, 1)
    assert first.next_reminder_on == datetime.date(2024, 9, 23)  # a week before the due date


def test_running_it_again_makes_nothing_twice(people):
    meeting = make_meeting(people.office)
    add_decision(meeting, to=[people.post], **due_on(datetime.date(2024, 9, 30)))
    occurrences_for_meeting(meeting=meeting, today=TODAY)

    assert occurrences_for_meeting(meeting=meeting, today=TODAY) == 0
    sync_occurrences(today=TODAY)
    call_command("sync_occurrences", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Occurrence.objects.count() == 1


@pytest.mark.parametrize("state", [Meeting.State.DRAFT, Meeting.State.SUBMITTED, Meeting.State.APPROVED])
def test_minutes_not_issued_get_no_items(people, state):
    meeting = make_meeting(people.office, state=state)
    add_decision(meeting, to=[people.post], **due_on(datetime.date(2024, 9, 30)))

    assert occurrences_for_meeting(meeting=meeting, today=TODAY) == 0
    sync_occurrences(today=TODAY)
    assert not Occurrence.objects.exists()


def test_issuing_minutes_makes_their_items_after_the_commit(
    people, django_capture_on_commit_callbacks, monkeypatch
):
    from minutes import tasks

    monkeypatch.setattr(tasks.issued_minutes_store_and_distribute, "delay", lambda meeting_id: None)
    meeting = make_meeting(
        people.office, state=Meeting.State.APPROVED, issue_date=None, date=datetime.date(2024, 8, 25)
    )
    decision = add_decision(
        meeting, to=[people.post], deadline_kind=Decision.Deadline.WORKING_DAYS, deadline_working_days=3
    )
    nothi = GovernmentFileFactory(office=people.office)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        workflow.minutes_issue(
            meeting=meeting, government_file=nothi, by=people.issuer, issue_date=datetime.date(2024, 9, 1)
        )
        assert not Occurrence.objects.exists()  # not before the commit
    assert callbacks
    (item,) = Occurrence.objects.all()
    assert (item.decision, item.due_date) == (decision, datetime.date(2024, 9, 4))


def test_an_issued_correction_takes_the_chase_over(people):
    first = make_meeting(people.office)
    old = add_decision(first, to=[people.post], **due_on(datetime.date(2024, 9, 30)))
    occurrences_for_meeting(meeting=first, today=TODAY)
    correction = make_meeting(people.office, replaces=first, version=2, issue_date=datetime.date(2024, 9, 3))
    new = add_decision(correction, to=[people.post], **due_on(datetime.date(2024, 10, 15)))

    occurrences_for_meeting(meeting=correction, today=TODAY)
    occurrences_for_meeting(meeting=first, today=TODAY)  # a later run does not bring the old one back

    statuses = dict(Occurrence.objects.values_list("decision_id", "status"))
    assert statuses == {old.pk: S.SUPERSEDED, new.pk: S.OPEN}
    assert Occurrence.objects.get(decision=old).next_reminder_on is None


def test_a_decision_carried_to_later_issued_minutes_is_chased_there(people):
    first = make_meeting(people.office, issue_date=datetime.date(2024, 7, 10))
    old = add_decision(first, to=[people.post], **due_on(datetime.date(2024, 8, 1)))
    occurrences_for_meeting(meeting=first, today=TODAY)
    later = make_meeting(people.office, issue_date=ISSUED_ON)
    carried = add_decision(later, to=[people.post], carried_from=old, **due_on(datetime.date(2024, 9, 30)))

    occurrences_for_meeting(meeting=later, today=TODAY)
    occurrences_for_meeting(meeting=first, today=TODAY)  # a later run does not bring the old one back

    statuses = dict(Occurrence.objects.values_list("decision_id", "status"))
    assert statuses == {old.pk: S.SUPERSEDED, carried.pk: S.OPEN}


def test_a_backfill_chases_only_the_latest_copy_of_a_carried_decision(people):
    first = make_meeting(people.office, issue_date=datetime.date(2024, 7, 10))
    old = add_decision(first, to=[people.post], **due_on(datetime.date(2024, 8, 1)))
    later = make_meeting(people.office, issue_date=ISSUED_ON)
    carried = add_decision(later, to=[people.post], carried_from=old, **due_on(datetime.date(2024, 9, 30)))

    sync_occurrences(today=TODAY)

    assert list(Occurrence.objects.values_list("decision_id", "status")) == [(carried.pk, S.OPEN)]


def test_a_plan_gets_one_item_per_quarter_with_a_target_and_the_date_indicators_target_date(people):
    plan = make_plan(people.office, quarters=(2, 4), post=people.post)

    occurrences_for_plan(plan=plan)

    rows = set(Occurrence.objects.values_list("indicator__number", "period", "due_date", "office"))
    assert rows == {
        ("1.1.1", 2, datetime.date(2024, 12, 31), people.office.pk),
        ("1.1.1", 4, datetime.date(2025, 6, 30), people.office.pk),
        ("1.1.2", 2, datetime.date(2024, 10, 15), people.office.pk),
    }
    assert occurrences_for_plan(plan=plan) == 0
    assert Occurrence.objects.count() == 3


def test_an_indicator_without_quarter_targets_is_due_at_the_fiscal_years_end(people):
    plan = make_plan(people.office, quarters=())
    occurrences_for_plan(plan=plan)
    assert Occurrence.objects.get(indicator__number="1.1.1").due_date == datetime.date(2025, 6, 30)


def test_an_untouched_item_follows_a_changed_target_date(people):
    plan = make_plan(people.office)
    occurrences_for_plan(plan=plan)
    indicator = plan.indicators.get(number="1.1.2")
    indicator.target_date = datetime.date(2024, 11, 20)
    indicator.save()

    occurrences_for_plan(plan=plan)

    item = Occurrence.objects.get(indicator=indicator)
    assert (item.due_date, item.next_reminder_on) == (
        datetime.date(2024, 11, 20),
        datetime.date(2024, 11, 13),
    )


def test_importing_a_plan_makes_its_items_after_the_commit(
    office_a, alice, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        plan = plan_services.plan_import(
            office=office_a, fiscal_year=2021, data=REFERENCE.read_bytes(), by=alice
        )

    assert Occurrence.objects.filter(indicator__plan=plan).count() >= plan.indicators.count()
    with django_capture_on_commit_callbacks(execute=True):
        copy = plan_services.plan_copy_last_year(office=office_a, fiscal_year=2022, by=alice)
    assert (
        Occurrence.objects.filter(indicator__plan=copy).count()
        == Occurrence.objects.filter(indicator__plan=plan).count()
    )
