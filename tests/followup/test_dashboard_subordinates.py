"""A superior office's dashboard: every office below it side by side, sorted on the server by any
column (bad parameters give the default order), with a way down to each office's own dashboard, in
a number of queries that does not grow with the number of offices."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from followup.models import Occurrence
from offices.models import Office
from tests.factories import OfficeFactory
from tests.followup import dashboard_world
from tests.followup.dashboard_world import decision, issued_meeting, make_plan, occurrence

pytestmark = pytest.mark.django_db
world, clock = dashboard_world.world, dashboard_world.clock  # the fixtures


def page_of(client, user, office, **params) -> str:
    client.force_login(user)
    response = client.get(reverse("followup:dashboard_subordinates", args=[office.pk]), params)
    assert response.status_code == 200
    return response.content.decode()


def table(page: str) -> list[list[str]]:
    body = re.search(r'<table[^>]*id="subordinates".*?<tbody>(.*?)</tbody>', page, re.S).group(1)
    rows = []
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S):
        cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        rows.append([" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in cells])
    return rows


def names(page: str) -> list[str]:
    return [row[0].split(" (")[0] for row in table(page)]


def test_each_subordinate_office_side_by_side_with_the_hand_computed_figures(client, world, clock):
    page = page_of(client, world.users["ministry"], world.ministry)
    assert "৩টি দপ্তর · অর্থবছর ২০২৪-২৫, ২০ জানুয়ারি ২০২৫ পর্যন্ত" in page
    rows = {row[0].split(" (")[0]: row[1:] for row in table(page)}
    #               superior            score so far         projected   due soon overdue ind. dec. on time
    assert rows["দপ্তর ক"] == ["সুরক্ষা সেবা বিভাগ", "০.৫ / ১০ (৫%)", "২ (২০%)", "২", "১", "৩", "৪০% (২/৫)"]
    assert rows["দপ্তর খ"] == ["সুরক্ষা সেবা বিভাগ", "কর্মপরিকল্পনা নেই", "–", "০", "০", "১", "০% (০/১)"]
    assert rows["দপ্তর ক, জেলা কার্যালয়"] == ["দপ্তর ক", "কর্মপরিকল্পনা নেই", "–", "০", "০", "০", "–"]


def test_every_office_links_down_to_its_own_dashboard(client, world, clock):
    page = page_of(client, world.users["ministry"], world.ministry, year="2024")
    assert f'href="{reverse("followup:dashboard", args=[world.directorate.pk])}?year=2024"' in page
    # an office that has offices below it also links to their side-by-side view
    assert (
        f'href="{reverse("followup:dashboard_subordinates", args=[world.directorate.pk])}?year=2024"' in page
    )
    assert f'href="{reverse("followup:dashboard_subordinates", args=[world.sibling.pk])}' not in page


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        (None, ["দপ্তর ক", "দপ্তর ক, জেলা কার্যালয়", "দপ্তর খ"]),  # by name
        ("name", ["দপ্তর ক", "দপ্তর ক, জেলা কার্যালয়", "দপ্তর খ"]),
        ("-name", ["দপ্তর খ", "দপ্তর ক, জেলা কার্যালয়", "দপ্তর ক"]),
        ("-overdue_decisions", ["দপ্তর ক", "দপ্তর খ", "দপ্তর ক, জেলা কার্যালয়"]),
        ("overdue_decisions", ["দপ্তর ক, জেলা কার্যালয়", "দপ্তর খ", "দপ্তর ক"]),
        ("score", ["দপ্তর ক", "দপ্তর ক, জেলা কার্যালয়", "দপ্তর খ"]),  # no plan: last, by name
        ("-score", ["দপ্তর ক", "দপ্তর ক, জেলা কার্যালয়", "দপ্তর খ"]),  # last either way
        ("on_time", ["দপ্তর খ", "দপ্তর ক", "দপ্তর ক, জেলা কার্যালয়"]),  # 0%, 40%, then none due
        ("-on_time", ["দপ্তর ক", "দপ্তর খ", "দপ্তর ক, জেলা কার্যালয়"]),
        ("-due_soon", ["দপ্তর ক", "দপ্তর ক, জেলা কার্যালয়", "দপ্তর খ"]),
        ("superior", ["দপ্তর ক, জেলা কার্যালয়", "দপ্তর ক", "দপ্তর খ"]),
        # bad parameters: the default order, never an error
        ("evil", ["দপ্তর ক", "দপ্তর ক, জেলা কার্যালয়", "দপ্তর খ"]),
        ("--score", ["দপ্তর ক", "দপ্তর ক, জেলা কার্যালয়", "দপ্তর খ"]),
        ("office__name", ["দপ্তর ক", "দপ্তর ক, জেলা কার্যালয়", "দপ্তর খ"]),
        ("' OR 1=1 --", ["দপ্তর ক", "দপ্তর ক, জেলা কার্যালয়", "দপ্তর খ"]),
        ("x" * 5000, ["দপ্তর ক", "দপ্তর ক, জেলা কার্যালয়", "দপ্তর খ"]),
    ],
)
def test_sorting_by_every_column_on_the_server(client, world, clock, sort, expected):
    page = page_of(client, world.users["ministry"], world.ministry, **({"sort": sort} if sort else {}))
    assert names(page) == expected


def test_the_headings_sort_and_say_how(client, world, clock):
    page = page_of(client, world.users["ministry"], world.ministry, sort="-score", year="২০২৪")
    assert re.search(r'<th scope="col" aria-sort="descending"[^>]*><a href="[^"]*sort=score"', page)
    assert page.count("aria-sort=") == 1
    assert re.search(r'href="[^"]*year=2024&amp;sort=overdue_decisions"', page)  # the others: ascending first


@pytest.mark.parametrize(
    ("user", "office", "status"),
    [
        ("ministry", "ministry", 200),
        ("ministry", "directorate", 200),  # an office in between: its own subordinates
        ("rahim", "directorate", 200),
        ("rahim", "ministry", 404),  # not upwards
        ("sibling", "directorate", 404),
        ("district", "directorate", 404),
        ("outsider", "ministry", 404),
    ],
)
def test_who_may_see_the_subordinates(client, world, clock, user, office, status):
    client.force_login(world.users[user])
    url = reverse("followup:dashboard_subordinates", args=[getattr(world, office).pk])
    assert client.get(url).status_code == status


def test_an_office_without_subordinates_says_so(client, world, clock):
    page = page_of(client, world.users["district"], world.district)
    assert "এই দপ্তরের কোনো অধীনস্থ দপ্তর নেই।" in page


def test_the_charts_count_offices_per_score_band_and_rank_the_most_overdue(client, world, clock):
    page = page_of(client, world.users["ministry"], world.ministry)
    bands = re.search(r'<svg[^>]*id="chart-bands".*?</svg>', page, re.S).group(0)
    assert "০–২০%: ১টি দপ্তর" in bands and "এ বছরের কর্মপরিকল্পনা নেই: ২টি দপ্তর" in bands
    overdue = re.search(r'<svg[^>]*id="chart-most-overdue".*?</svg>', page, re.S).group(0)
    labels = re.findall(r'<text x="0" y="[\d.]+" fill="#212529">([^<]+)</text>', overdue)
    assert labels == ["দপ্তর ক", "দপ্তর খ"]  # 4 overdue, then 1; none for the district office


def _more_offices(parent, count):
    """`count` more offices under `parent`, each with a plan, an issued meeting and items."""
    start = Office.objects.count()
    for n in range(start, start + count):
        office = OfficeFactory(name=f"অতিরিক্ত দপ্তর {n:03d}", parent=parent)
        plan = make_plan(office)
        meeting = issued_meeting(office, f"অতিরিক্ত দপ্তর {n}-এর সভা")
        occurrence(office, "10.01.2025", decision=decision(meeting, "একটি কাজ।", office))
        occurrence(
            office, "01.12.2024", Occurrence.Status.DONE, "30.11.2024", decision=decision(meeting, "আরেকটি।")
        )
        occurrence(office, "15.01.2025", indicator=plan.indicators.first(), period=2)


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_number_of_offices(client, world, clock):
    client.force_login(world.users["ministry"])
    url = reverse("followup:dashboard_subordinates", args=[world.ministry.pk])
    _more_offices(world.ministry, 3)
    client.get(url)
    few = _queries(client, url)
    _more_offices(world.ministry, 12)
    assert Office.objects.filter(parent=world.ministry).count() == 17
    many = _queries(client, url)
    assert many == few
    # session, user, the office, roles, the offices the user may read (a query per level: 3), the
    # offices below this one (again a query per level: 3), those offices, the items' counts (one
    # aggregate), the plans' scores (seven)
    assert many == 19
