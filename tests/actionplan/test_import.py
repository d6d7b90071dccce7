"""Importing a plan from its template: the reference plan as CSV and as .xlsx, other numberings."""

import datetime
from decimal import Decimal

import pytest

from actionplan import services
from actionplan.models import Activity, Indicator, Plan, Unit
from tests.actionplan.templates import QUARTERS, REFERENCE, TIERS, csv_bytes, reference_rows, xlsx_bytes
from tests.factories import BranchFactory

pytestmark = pytest.mark.django_db


def _import(office, user, data, **kwargs):
    return services.plan_import(office=office, fiscal_year=2021, data=data, by=user, **kwargs)


def _assert_is_the_reference_plan(plan: Plan):
    assert plan.total_marks == 50
    assert plan.numbers_in_brackets
    assert [(area.number, area.marks) for area in plan.areas.order_by("order")] == [("1", 29), ("2", 21)]
    assert list(Activity.objects.filter(area__plan=plan).order_by("order").values_list("number", flat=True)) == [
        "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "2.1", "2.2",
    ]  # fmt: skip
    indicators = {i.number: i for i in plan.indicators.select_related("activity")}
    assert len(indicators) == 13
    first = indicators["1.1.1"]
    assert (first.title, first.unit, first.weight, first.target) == (
        "একটি নতুন উদ্ভাবনী ধারণা বাস্তবায়িত",
        Unit.DATE,
        5,
        datetime.date(2022, 3, 16),
    )
    assert first.activity.title == "উদ্ভাবনী ধারণা বাস্তবায়ন"
    assert first.responsible == "চিফ ইনোভেশন অফিসারের দপ্তর"
    assert (indicators["1.5.1"].unit, indicators["1.5.1"].target) == (Unit.PERCENT, 80)
    assert indicators["1.5.1"].responsible == "সকল শাখা"
    assert (indicators["2.1.2"].unit, indicators["2.1.2"].weight, indicators["2.1.2"].target) == (
        Unit.COUNT,
        2,
        4,
    )
    assert indicators["2.2.4"].target == datetime.date(2022, 1, 13)
    assert indicators["2.2.5"].target == 1
    assert sum(i.weight for i in indicators.values()) == 50
    # A meeting's evidence is its notice, attendance sheet and minutes (domain.md).
    assert indicators["1.4.1"].evidence_kinds == ["notice", "attendance", "minutes"]
    assert indicators["2.2.1"].evidence_kinds == ["notice", "attendance", "photos"]


def test_it_imports_the_reference_csv_as_it_is(office_a, alice):
    data = REFERENCE.read_bytes()
    plan = _import(office_a, alice, data, file_name="ministry-2021-22.csv")
    _assert_is_the_reference_plan(plan)
    assert (plan.origin, plan.created_by, plan.source_name) == (
        Plan.Origin.IMPORTED,
        alice,
        "ministry-2021-22.csv",
    )
    assert plan.history.count() == 1 and Indicator.history.count() == 13


def test_it_imports_a_csv_with_a_byte_order_mark_and_the_plans_total(office_a, alice):
    plan = _import(office_a, alice, csv_bytes(reference_rows(), bom=True), total_marks=Decimal(50))
    _assert_is_the_reference_plan(plan)


def test_it_imports_a_csv_that_excel_saved_with_semicolons(office_a, alice):
    data = "\n".join(";".join(row) for row in reference_rows()).encode()
    _assert_is_the_reference_plan(_import(office_a, alice, data))


def test_it_imports_the_same_plan_from_an_xlsx(office_a, alice):
    plan = _import(office_a, alice, xlsx_bytes(reference_rows()))
    _assert_is_the_reference_plan(plan)


def test_it_imports_an_xlsx_whose_cells_are_numbers_and_dates(office_a, alice):
    rows = reference_rows()
    rows[1][6], rows[1][7] = 5, datetime.datetime(2022, 3, 16)  # as Excel keeps typed values
    rows[5][6], rows[5][7] = 6.0, 80
    plan = _import(office_a, alice, xlsx_bytes(rows))
    _assert_is_the_reference_plan(plan)


def test_it_takes_numbers_without_brackets_in_ascii_digits_and_dates_with_slashes(office_a, alice):
    from bangla.digits import to_ascii_digits

    rows = reference_rows()
    for row in rows[1:]:
        for column in (0, 1, 3):
            row[column] = to_ascii_digits(row[column]).strip("[]")
        row[7] = to_ascii_digits(row[7]).replace("-", "/")
    rows[2][7] = "25.02.2022"
    plan = _import(office_a, alice, csv_bytes(rows))
    assert not plan.numbers_in_brackets
    assert plan.indicators.get(number="1.2.1").target == datetime.date(2022, 2, 25)
    assert plan.indicators.get(number="1.1.1").target == datetime.date(2022, 3, 16)
    assert plan.total_marks == 50


def test_it_imports_tiers_quarterly_targets_area_titles_and_marks(office_a, alice):
    rows = reference_rows()[:3]  # [১.১.১] and [১.২.১], both dated
    rows[0] += ["কর্মসম্পাদন ক্ষেত্র", "ক্ষেত্রের মান", *TIERS, *QUARTERS, "প্রমাণক"]
    rows[1] += ["উদ্ভাবন", "১০", "১৬-০৩-২০২২", "৩১-০৩-২০২২", "১৫-০৪-২০২২", "৩০-০৪-২০২২", "১৫-০৫-২০২২"]
    rows[1] += ["", "", "১৬-০৩-২০২২", "", "ছবি, প্রতিবেদন"]
    rows[2] += ["উদ্ভাবন", "10", "", "", "", "", "", "", "", "", "", ""]
    plan = _import(office_a, alice, csv_bytes(rows))
    area = plan.areas.get()
    assert (area.title, area.marks) == ("উদ্ভাবন", 10)
    indicator = plan.indicators.get(number="1.1.1")
    assert [(t.level, t.date) for t in indicator.tiers.order_by("-level")] == [
        (100, datetime.date(2022, 3, 16)),
        (90, datetime.date(2022, 3, 31)),
        (80, datetime.date(2022, 4, 15)),
        (70, datetime.date(2022, 4, 30)),
        (60, datetime.date(2022, 5, 15)),
    ]
    assert [(q.quarter, q.date) for q in indicator.quarter_targets.all()] == [(3, datetime.date(2022, 3, 16))]
    assert indicator.evidence_kinds == ["photos", "report"]
    assert not plan.indicators.get(number="1.2.1").tiers.exists()


def test_it_links_the_responsible_branch_the_office_has(office_a, alice):
    branch = BranchFactory(office=office_a, name="আইসিটি সেল")
    plan = _import(office_a, alice, csv_bytes(reference_rows()))
    assert plan.indicators.get(number="1.3.1").responsible_branch == branch
    assert plan.indicators.get(number="1.1.1").responsible_branch is None
