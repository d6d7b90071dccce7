"""A superior office's overview of its subordinates' plans: each office's plan for the fiscal year with
its score so far and projected against the plan's total, the reports awaiting confirmation, sortable by
column; bad parameters fall back to the default order; a bounded number of queries."""

import re
from decimal import Decimal

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from actionplan import services
from actionplan.models import AchievementReport, Plan
from offices.models import AuditEntry, OfficeRole
from tests.actionplan.templates import REFERENCE
from tests.factories import OfficeFactory, user_with_role

pytestmark = pytest.mark.django_db
R = OfficeRole.Role


@pytest.fixture(autouse=True)
def _february_2022():
    """Mid-way through 2021-22: the first two quarters have closed."""
    with time_machine.travel("2022-02-01 10:00 +06:00", tick=False):
        yield


@pytest.fixture
def ministry():
    return OfficeFactory(name="স্বরাষ্ট্র মন্ত্রণালয়")


@pytest.fixture
def reader(ministry):
    """The ministry's approver: reads the ministry's and its subordinates' plans."""
    return user_with_role(ministry, R.APPROVER, username="ministry-reader")


def _plan(office, by) -> Plan:
    return services.plan_import(office=office, fiscal_year=2021, data=REFERENCE.read_bytes(), by=by)


def _report(plan, number, state, value):
    indicator = plan.indicators.get(number=number)
    return AchievementReport.objects.create(
        indicator=indicator,
        quarter=1,
        achieved_value=Decimal(value),
        state=state,
        reported_at=timezone.now(),
    )


@pytest.fixture
def offices(ministry, reader):
    """Three directorates: ক with a confirmed service-box report (4 marks so far), খ with two reports
    awaiting confirmation, গ without a plan for 2021-22."""
    ka = OfficeFactory(name="অধিদপ্তর ক", parent=ministry)
    kha = OfficeFactory(name="অধিদপ্তর খ", parent=ministry)
    ga = OfficeFactory(name="অধিদপ্তর গ", parent=ministry)
    _report(_plan(ka, reader), "2.1.1", AchievementReport.State.CONFIRMED, 4)
    kha_plan = _plan(kha, reader)
    _report(kha_plan, "2.1.1", AchievementReport.State.REPORTED, 4)
    _report(kha_plan, "2.1.2", AchievementReport.State.REPORTED, 4)
    return ka, kha, ga


def _rows(response) -> list[list[str]]:
    """The table's rows as the reader sees them: each cell's text."""
    assert response.status_code == 200
    body = response.content.decode().split(
        '<table class="table table-hover align-middle bg-white" id="overview">'
    )[1]
    rows = re.findall(r"<tr>(.*?)</tr>", body.split("<tbody>")[1], re.S)
    return [
        [re.sub(r"<[^>]+>|\s+", " ", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        for row in rows
    ]


def _overview(client, user, office, **params):
    client.force_login(user)
    return client.get(reverse("actionplan:subordinates", args=[office.pk]), params)


def test_it_lists_each_subordinates_plan_with_its_scores(client, ministry, reader, offices):
    ka, kha, ga = offices
    response = _overview(client, reader, ministry, year="2021")
    rows = _rows(response)
    assert [row[0] for row in rows] == ["অধিদপ্তর ক", "অধিদপ্তর খ", "অধিদপ্তর গ"]
    assert rows[0][2] == "৫০-এর মধ্যে ৪" and rows[0][4] == "০"
    assert rows[1][2] == "৫০-এর মধ্যে ০" and rows[1][4] == "২"
    assert rows[2][1] == "এই বছরের কোনো কর্মপরিকল্পনা নেই।"
    page = response.content.decode()
    assert reverse("actionplan:detail", args=[Plan.objects.get(office=ka).pk]) in page
    assert "স্বরাষ্ট্র মন্ত্রণালয়-এর অধীনস্থ দপ্তরগুলোর ২০২১-২২-এর কর্মপরিকল্পনা" in page


@pytest.mark.parametrize(
    ("sort", "order"),
    [
        ("office", ["অধিদপ্তর ক", "অধিদপ্তর খ", "অধিদপ্তর গ"]),
        ("-office", ["অধিদপ্তর গ", "অধিদপ্তর খ", "অধিদপ্তর ক"]),
        ("-so_far", ["অধিদপ্তর ক", "অধিদপ্তর খ", "অধিদপ্তর গ"]),
        ("so_far", ["অধিদপ্তর খ", "অধিদপ্তর ক", "অধিদপ্তর গ"]),  # no plan: last either way
        ("-awaiting", ["অধিদপ্তর খ", "অধিদপ্তর ক", "অধিদপ্তর গ"]),
        ("awaiting", ["অধিদপ্তর ক", "অধিদপ্তর খ", "অধিদপ্তর গ"]),
    ],
)
def test_it_sorts_by_a_column(client, ministry, reader, offices, sort, order):
    assert [row[0] for row in _rows(_overview(client, reader, ministry, year="2021", sort=sort))] == order


def test_a_column_heading_sorts_and_sorts_back(client, ministry, reader, offices):
    page = _overview(client, reader, ministry, year="2021", sort="so_far").content.decode()
    assert 'href="?year=2021&amp;sort=-so_far"' in page and 'aria-sort="ascending"' in page
    assert 'href="?year=2021&amp;sort=projected"' in page


@pytest.mark.parametrize(
    "params",
    [
        {"sort": "evil"},
        {"sort": "office; DROP TABLE"},
        {"sort": "--so_far"},
        {"year": "abc"},
        {"year": "1900"},
        {"year": "২০২১"},
        {"year": "2021", "sort": ["so_far", "-so_far"]},
        {"year": "2021-22", "sort": "projected\u200c"},
    ],
)
def test_bad_parameters_fall_back_to_the_default(client, ministry, reader, offices, params):
    response = _overview(client, reader, ministry, **params)
    assert response.status_code == 200
    rows = _rows(response)
    assert [row[0] for row in rows] == ["অধিদপ্তর ক", "অধিদপ্তর খ", "অধিদপ্তর গ"]  # by office, 2021-22
    assert rows[0][2] == "৫০-এর মধ্যে ৪"


def test_the_default_year_is_this_fiscal_year(client, ministry, reader, offices):
    rows = _rows(_overview(client, reader, ministry))  # 1 February 2022: 2021-22
    assert rows[0][2] == "৫০-এর মধ্যে ৪"


def test_who_may_see_it(client, ministry, reader, offices):
    ka, _kha, _ga = offices
    above = OfficeFactory(name="মন্ত্রিপরিষদ বিভাগ")
    ministry.parent = above
    ministry.save()
    assert (
        _overview(client, user_with_role(above, R.DRAFTER, username="cabinet"), ministry).status_code == 200
    )
    # a subordinate's own staff may not read its superior's overview, nor may another ministry's
    assert _overview(client, user_with_role(ka, R.ADMIN, username="ka-admin"), ministry).status_code == 404
    stranger = user_with_role(OfficeFactory(name="কৃষি মন্ত্রণালয়"), R.ADMIN, username="stranger")
    assert _overview(client, stranger, ministry).status_code == 404
    client.logout()
    assert client.get(reverse("actionplan:subordinates", args=[ministry.pk])).status_code == 302


def test_an_office_without_subordinates_says_so(client, office_a, alice):
    rows = _rows(_overview(client, alice, office_a))
    assert rows == [["দপ্তরটির কোনো অধীনস্থ দপ্তর নেই।"]]


def test_a_get_never_writes(client, ministry, reader, offices):
    counts = (Plan.history.count(), AchievementReport.history.count(), AuditEntry.objects.count())
    _overview(client, reader, ministry, year="2021", sort="-projected")
    assert counts == (Plan.history.count(), AchievementReport.history.count(), AuditEntry.objects.count())


def test_its_queries_do_not_grow_with_the_offices(client, ministry, reader, offices):
    def queries() -> int:
        client.force_login(reader)
        with CaptureQueriesContext(connection) as captured:
            assert (
                client.get(
                    reverse("actionplan:subordinates", args=[ministry.pk]), {"year": "2021"}
                ).status_code
                == 200
            )
        return len(captured)

    few = queries()
    for n in range(4):
        office = OfficeFactory(name=f"নতুন অধিদপ্তর {n}", parent=ministry)
        _report(_plan(office, reader), "2.1.1", AchievementReport.State.REPORTED, 2)
    assert queries() == few
