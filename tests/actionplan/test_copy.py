"""This year's plan as a copy of last year's: the same rows, weights and targets, dates a year on."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from actionplan import services
from actionplan.models import Indicator, Plan
from tests.actionplan.templates import csv_bytes, reference_rows_with_targets

pytestmark = pytest.mark.django_db


@pytest.fixture
def last_year(office_a, alice):
    rows = reference_rows_with_targets()
    return services.plan_import(office=office_a, fiscal_year=2021, data=csv_bytes(rows), by=alice)


def test_it_copies_last_years_plan_with_its_dates_a_year_on(office_a, alice, last_year):
    plan = services.plan_copy_last_year(office=office_a, fiscal_year=2022, by=alice)
    assert (plan.origin, plan.copied_from, plan.total_marks) == (Plan.Origin.COPIED, last_year, 50)
    assert [(a.number, a.marks) for a in plan.areas.order_by("order")] == [("1", 29), ("2", 21)]
    old = {i.number: i for i in last_year.indicators.all()}
    new = {i.number: i for i in plan.indicators.select_related("activity")}
    assert new.keys() == old.keys() and len(new) == 13
    for number, indicator in new.items():
        assert (indicator.title, indicator.unit, indicator.weight) == (
            old[number].title,
            old[number].unit,
            old[number].weight,
        )
        assert indicator.activity.title == old[number].activity.title
    assert new["1.1.1"].target == datetime.date(2023, 3, 16)
    assert new["2.2.4"].target == datetime.date(2023, 1, 13)
    assert new["1.5.1"].target == 80
    assert [(t.level, t.date) for t in new["1.1.1"].tiers.order_by("-level")] == [
        (100, datetime.date(2023, 3, 16)),
        (90, datetime.date(2023, 3, 31)),
    ]
    assert [(q.quarter, q.date) for q in new["1.1.1"].quarter_targets.all()] == [
        (3, datetime.date(2023, 3, 16))
    ]
    assert [t.value for t in new["1.5.1"].tiers.order_by("-level")] == [80, 70, 60, 50, 40]
    assert [q.value for q in new["1.5.1"].quarter_targets.all()] == [20, 40, 60, 80]
    assert new["1.4.1"].evidence_kinds == ["notice", "attendance", "minutes"]
    assert Indicator.objects.filter(plan=last_year).count() == 13  # last year's plan is untouched


def test_it_refuses_to_copy_when_there_is_no_plan_last_year(office_a, alice, last_year):
    with pytest.raises(ValidationError, match="অনুলিপি করার মতো ২০২২-২৩-এর কোনো কর্মপরিকল্পনা নেই।"):
        services.plan_copy_last_year(office=office_a, fiscal_year=2023, by=alice)
    assert Plan.objects.count() == 1


def test_it_refuses_to_copy_over_this_years_plan(office_a, alice, last_year):
    services.plan_copy_last_year(office=office_a, fiscal_year=2022, by=alice)
    with pytest.raises(ValidationError, match="দপ্তরটির ২০২২-২৩-এর কর্মপরিকল্পনা আগেই আছে।"):
        services.plan_copy_last_year(office=office_a, fiscal_year=2022, by=alice)
    assert Plan.objects.count() == 2


def test_it_copies_only_the_offices_own_plan(office_a, office_b, alice, last_year):
    with pytest.raises(ValidationError):
        services.plan_copy_last_year(office=office_b, fiscal_year=2022, by=alice)
    assert not Plan.objects.filter(office=office_b).exists()


def test_a_29_february_moves_to_28_february(office_a, alice):
    from actionplan.services import _next_year

    assert _next_year(datetime.date(2024, 2, 29)) == datetime.date(2025, 2, 28)
