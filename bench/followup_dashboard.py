"""Benchmark: a ministry's follow-up dashboard over 500 subordinate offices (each with an action plan
of 10 indicators, two quarters of confirmed reports, 40 indicator items and 12 decisions of issued
minutes with their items), an office's own dashboard and its calendar feed: SQL queries and median
response times.

    .venv/bin/python bench/followup_dashboard.py      # PostgreSQL: a fresh test_sobha_bench_dashboards
    DATABASE_URL=sqlite:///tmp/bench.sqlite3 .venv/bin/python bench/followup_dashboard.py

The database named in DATABASE_URL (by default postgres://postgres@127.0.0.1:5432/sobha_bench_dashboards)
is not touched: Django's test runner makes test_<name> beside it and drops it at the end.
"""

import datetime
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from config.standalone import setup_django  # noqa: E402

os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/sobha_bench_dashboards")
setup_django()

import time_machine  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_databases, teardown_databases  # noqa: E402

OFFICES = 500
INDICATORS = 10
DECISIONS = 12
RUNS = 7
NOW = datetime.datetime(2025, 1, 20, 11, 0, tzinfo=datetime.UTC)


def main():
    databases = setup_databases(verbosity=0, interactive=False)
    try:
        with time_machine.travel(NOW, tick=False):
            run()
    finally:
        teardown_databases(databases, verbosity=0)


def run():
    from django.urls import reverse

    from followup.calendar.services import calendar_feed_create
    from followup.models import CalendarFeed
    from offices.models import Office, OfficeRole
    from tests.factories import user_with_role

    started = time.perf_counter()
    ministry = Office.objects.create(name="বেঞ্চ মন্ত্রণালয়", kind=Office.Kind.MINISTRY)
    user = user_with_role(ministry, OfficeRole.Role.APPROVER, username="bench")
    counts = build(ministry, user)
    print(f"database: {connection.vendor}")
    print(
        f"built {OFFICES} offices with {counts['indicators']} indicators, {counts['reports']} reports, "
        f"{counts['decisions']} decisions and {counts['items']} follow-up items in "
        f"{time.perf_counter() - started:.1f} s"
    )
    client = Client()
    client.force_login(user)
    one = Office.objects.filter(parent=ministry).order_by("pk").first()
    _feed, token = calendar_feed_create(user=user, scope=CalendarFeed.Scope.OFFICE, office=one)
    pages = [
        (f"the ministry's dashboard of its {OFFICES} offices", reverse("followup:dashboard_subordinates", args=[ministry.pk])),
        ("  … sorted by overdue decisions", reverse("followup:dashboard_subordinates", args=[ministry.pk]) + "?sort=-overdue_decisions"),
        ("one office's dashboard", reverse("followup:dashboard", args=[one.pk])),
        ("one office's calendar feed", reverse("followup:calendar_feed", args=[token])),
    ]  # fmt: skip
    for label, url in pages:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        times = []
        for _ in range(RUNS):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(url)
                times.append(time.perf_counter() - started)
        print(
            f"{label}: {len(queries)} queries, median {statistics.median(times) * 1000:.0f} ms, "
            f"{len(response.content) // 1024} KiB"
        )
    etag = response["ETag"]
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        assert client.get(pages[-1][1], HTTP_IF_NONE_MATCH=etag).status_code == 304
        times.append(time.perf_counter() - started)
    print(
        f"  … polled again, unchanged (If-None-Match): 304, median {statistics.median(times) * 1000:.0f} ms"
    )


def build(ministry, user) -> dict:
    """OFFICES offices under the ministry, written in bulk (no history rows): what years of use leave."""
    from decimal import Decimal

    from django.utils import timezone

    from actionplan.models import AchievementReport, Activity, Area, Indicator, Plan
    from followup.models import Occurrence
    from minutes.models import AgendaItem, Decision, Meeting, Responsibility
    from offices.models import Branch, Office

    S = Occurrence.Status
    offices = Office.objects.bulk_create(
        Office(name=f"বেঞ্চ দপ্তর {n:03d}", kind=Office.Kind.DIRECTORATE, parent=ministry)
        for n in range(OFFICES)
    )
    branches = Branch.objects.bulk_create(Branch(office=office, name="প্রশাসন শাখা") for office in offices)
    plans = Plan.objects.bulk_create(
        Plan(office=o, fiscal_year=2024, total_marks=Decimal(50), origin=Plan.Origin.IMPORTED)
        for o in offices
    )
    areas = Area.objects.bulk_create(
        Area(plan=p, number="1", title="ক্ষেত্র", marks=Decimal(20)) for p in plans
    )
    activities = Activity.objects.bulk_create(Activity(area=a, number="1.1", title="কার্যক্রম") for a in areas)
    indicators = Indicator.objects.bulk_create(
        Indicator(
            plan=plan, activity=activity, number=f"1.1.{n + 1}", title=f"সূচক {n + 1}", unit="count",
            weight=Decimal(2), target_value=Decimal(4), responsible_branch=branch, order=n,
        )
        for plan, activity, branch in zip(plans, activities, branches, strict=True)
        for n in range(INDICATORS)
    )  # fmt: skip
    now = timezone.now()
    reports = AchievementReport.objects.bulk_create(
        (
            AchievementReport(
                indicator=indicator, quarter=quarter, achieved_value=Decimal(n % 3),
                state=AchievementReport.State.CONFIRMED, reported_by=user, reported_at=now,
            )
            for n, indicator in enumerate(indicators)
            for quarter in (1, 2)
        ),
        batch_size=2000,
    )  # fmt: skip
    quarter_ends = [
        datetime.date(2024, 10, 15),
        datetime.date(2025, 1, 15),
        datetime.date(2025, 4, 15),
        datetime.date(2025, 7, 15),
    ]
    items = [
        Occurrence(
            indicator=indicator, office_id=indicator.plan.office_id, period=q + 1, due_date=due,
            status=S.CONFIRMED if q == 0 else S.OPEN,
        )
        for indicator in indicators
        for q, due in enumerate(quarter_ends)
    ]  # fmt: skip
    meetings = Meeting.objects.bulk_create(
        Meeting(
            office=office, title="ইনোভেশন টিমের সভা", date=datetime.date(2024, 8, 1), start_time=datetime.time(11),
            venue="সভাকক্ষ", state=Meeting.State.ISSUED, issue_date=datetime.date(2024, 8, 5),
            memo_number=f"58.00.0000.018.31.{n:03d}.24.1", created_by=user,
        )
        for n, office in enumerate(offices)
    )  # fmt: skip
    agenda = AgendaItem.objects.bulk_create(AgendaItem(meeting=m, title="বিবিধ") for m in meetings)
    decisions = Decision.objects.bulk_create(
        Decision(agenda_item=item, order=n, text=f"<p>সিদ্ধান্ত {n + 1}</p>")
        for item in agenda
        for n in range(DECISIONS)
    )
    Responsibility.objects.bulk_create(
        Responsibility(decision=d, branch=branch, label="প্রশাসন শাখা")
        for d, branch in zip(decisions, [b for b in branches for _ in range(DECISIONS)], strict=True)
    )
    for n, (decision, office) in enumerate(
        zip(decisions, [o for o in offices for _ in range(DECISIONS)], strict=True)
    ):
        due = datetime.date(2024, 9, 1) + datetime.timedelta(days=15 * (n % DECISIONS))
        done = n % 3 == 0
        items.append(
            Occurrence(
                decision=decision, office=office, due_date=due, status=S.DONE if done else S.OPEN,
                done_at=datetime.datetime.combine(due, datetime.time(12), tzinfo=datetime.UTC) if done else None,
            )
        )  # fmt: skip
    Occurrence.objects.bulk_create(items, batch_size=2000)
    return {
        "indicators": len(indicators),
        "reports": len(reports),
        "decisions": len(decisions),
        "items": len(items),
    }


if __name__ == "__main__":
    main()
