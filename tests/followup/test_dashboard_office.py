"""An office's dashboard against the hand-computed figures of tests/followup/dashboard_world.py
(the clock stands at 20 January 2025), and who may open it."""

import re

import pytest
from django.urls import reverse

from tests.followup import dashboard_world

pytestmark = pytest.mark.django_db
world, clock = dashboard_world.world, dashboard_world.clock  # the fixtures


def text_of(page: str, element_id: str) -> str:
    match = re.search(rf'id="{element_id}"[^>]*>(.*?)</(?:p|span|table)>', page, re.S)
    assert match, element_id
    return " ".join(re.sub(r"<[^>]+>", " ", match.group(1)).split())


def rows_of(page: str, table_id: str) -> list[str]:
    table = re.search(rf'<table[^>]*id="{table_id}".*?<tbody>(.*?)</tbody>', page, re.S).group(1)
    return [
        " ".join(re.sub(r"<[^>]+>", " ", row).split())
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)
    ]


def dashboard(client, user, office, **params) -> str:
    client.force_login(user)
    response = client.get(reverse("followup:dashboard", args=[office.pk]), params)
    assert response.status_code == 200
    return response.content.decode()


def test_the_figures_are_the_hand_computed_ones(client, world, clock):
    page = dashboard(client, world.users["rahim"], world.directorate)
    assert "অর্থবছর ২০২৪-২৫, ২০ জানুয়ারি ২০২৫ পর্যন্ত" in page
    assert text_of(page, "figure-score") == "০.৫ / ১০"
    assert text_of(page, "figure-projected") == "২"
    assert "৫% · সম্ভাব্য" in page
    assert text_of(page, "figure-due-soon") == "২"
    assert text_of(page, "figure-overdue-decisions") == "৩"  # d1, d4, d8; not the draft's
    assert text_of(page, "figure-overdue-indicators") == "১"
    assert text_of(page, "figure-on-time") == "৪০%"
    assert "সময়সীমা আসা ৫টির মধ্যে ২টি" in page


def test_overdue_items_are_counted_under_their_responsible_branch(client, world, clock):
    page = dashboard(client, world.users["rahim"], world.directorate)
    assert rows_of(page, "overdue-by-branch") == [
        "প্রশাসন শাখা ১ ১ ২",  # d8, and 1.1.1's second quarter
        "আইসিটি শাখা ১ ০ ১",  # d1, to the post in this branch
        "শাখা উল্লেখ নেই ১ ০ ১",  # d4, to the whole office
    ]
    overdue = rows_of(page, "overdue-items")
    assert [row.split(" ", 3)[:3] for row in overdue] == [
        ["২০", "জুন", "২০২৪"],
        ["১", "সেপ্টেম্বর", "২০২৪"],
        ["১০", "জানুয়ারি", "২০২৫"],
        ["১৫", "জানুয়ারি", "২০২৫"],
    ]
    assert "[১.১.১] ইনোভেশন টিমের সভা আয়োজিত" in overdue[3] and "২য় ত্রৈমাসিক" in overdue[3]
    due_soon = rows_of(page, "due-soon")
    assert len(due_soon) == 2 and "১৯ ফেব্রুয়ারি ২০২৫" in due_soon[1] and "আইসিটি শাখা" in due_soon[1]


def test_nothing_of_drafts_superseded_items_or_other_offices_shows(client, world, clock):
    page = dashboard(client, world.users["rahim"], world.directorate)
    for hidden in ("খসড়ার গোপন সিদ্ধান্ত", "পুরনো সিদ্ধান্ত", "দপ্তর খ-এর কাজ", "বাইরের দপ্তরের গোপন কাজ"):
        assert hidden not in page


def test_another_fiscal_year_can_be_chosen_and_bad_years_give_the_current_one(client, world, clock):
    page = dashboard(client, world.users["rahim"], world.directorate, year="২০২৩")
    assert "অর্থবছর ২০২৩-২৪" in page
    assert "এই অর্থবছরের কোনো কর্মপরিকল্পনা নেই।" in page
    assert text_of(page, "figure-on-time") == "০%"  # d8, due 20 June 2024, still open
    assert text_of(page, "figure-overdue-decisions") == "৩"  # overdue is overdue, whatever the year
    for bad in ("abc", "1999", "২০৩০", "-1", "9" * 80, ""):
        page = dashboard(client, world.users["rahim"], world.directorate, year=bad)
        assert "অর্থবছর ২০২৪-২৫, ২০ জানুয়ারি ২০২৫ পর্যন্ত" in page


def test_an_office_with_nothing_yet(client, world, clock):
    page = dashboard(client, world.users["district"], world.district)
    assert "এই অর্থবছরের কোনো কর্মপরিকল্পনা নেই।" in page
    assert "সময়সীমা পেরিয়ে যাওয়া কোনো কাজ নেই।" in page
    assert "এই অর্থবছরে এখনো কোনো সিদ্ধান্তের সময়সীমা আসেনি।" in page
    assert "<svg" not in page


@pytest.mark.parametrize(
    ("user", "office", "status"),
    [
        ("rahim", "directorate", 200),  # its staff
        ("head", "directorate", 200),
        ("karim", "directorate", 404),  # an official's account without a role: access goes by roles
        ("ministry", "directorate", 200),  # its superior office's staff
        ("ministry", "district", 200),  # two levels down
        ("district", "directorate", 404),  # a subordinate office's staff: not upwards
        ("sibling", "directorate", 404),  # a sister office's staff: not sideways
        ("outsider", "directorate", 404),
        ("rahim", "ministry", 404),
    ],
)
def test_who_may_open_an_offices_dashboard(client, world, clock, user, office, status):
    client.force_login(world.users[user])
    response = client.get(reverse("followup:dashboard", args=[getattr(world, office).pk]))
    assert response.status_code == status


def test_anonymous_users_log_in_first_and_missing_offices_are_404(client, world, clock):
    url = reverse("followup:dashboard", args=[world.directorate.pk])
    assert client.get(url).status_code == 302
    client.force_login(world.users["ministry"])
    assert client.get(reverse("followup:dashboard", args=[10**9])).status_code == 404
    assert client.post(url).status_code == 405


def test_the_charts_are_accessible_svg_in_bangla(client, world, clock):
    page = dashboard(client, world.users["ministry"], world.directorate)
    charts = re.findall(r"<svg.*?</svg>", page, re.S)
    assert len(charts) == 3
    for chart in charts:
        assert 'role="img"' in chart and "Sobha Sans Bangla" in chart
        chart_id = re.search(r'id="(chart-[\w-]+)"', chart).group(1)
        assert f'aria-labelledby="{chart_id}-title {chart_id}-desc"' in chart
        assert f'<title id="{chart_id}-title">' in chart and f'<desc id="{chart_id}-desc">' in chart
        assert not re.search(r">[^<]*[0-9][^<]*<", chart.split("</desc>", 1)[1])  # Bangla digits only
    branches = next(chart for chart in charts if "chart-branches" in chart)
    assert "প্রশাসন শাখা: ১টি সিদ্ধান্ত, ১টি সূচক" in branches
    score = next(chart for chart in charts if "chart-score" in chart)
    # 0.5 of 10 marks on a 264-unit bar: 13.2 units; projected 2 of 10: 52.8
    assert 'width="13.2"' in score and 'width="52.8"' in score


def test_the_dashboard_costs_a_fixed_number_of_queries(client, world, clock, django_assert_max_num_queries):
    client.force_login(world.users["ministry"])
    url = reverse("followup:dashboard", args=[world.directorate.pk])
    client.get(url)
    # session, user, roles, offices below (3 levels), the office; counts; plans' seven; children;
    # overdue items with their responsibilities; due-soon items with theirs
    with django_assert_max_num_queries(24):
        client.get(url)
