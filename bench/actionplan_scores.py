"""Benchmark: the plan page with 13 and 40 indicators and four quarters of confirmed reports each (SQL
queries and median time), and the scores of 500 offices' plans (the reference plan, 13 indicators,
four quarters of reports each) loaded in one query set and scored by actionplan/scores.py.

    .venv/bin/python bench/actionplan_scores.py                 # throwaway SQLite
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/sobha_bench .venv/bin/python bench/actionplan_scores.py
"""

import datetime
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from config.standalone import setup_django  # noqa: E402

setup_django()

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

RUNS = 15
OFFICES = 500
TODAY = datetime.date(2022, 5, 10)  # three quarters of 2021-22 have ended


def main():
    if connection.vendor == "postgresql":
        from django.test.utils import setup_databases

        setup_databases(verbosity=0, interactive=False)  # a fresh test_… database, not the real one (kept)
    else:
        call_command("migrate", verbosity=0)
    from actionplan import services
    from offices.models import OfficeRole
    from tests.actionplan.reports import four_quarters_of_reports
    from tests.actionplan.templates import REFERENCE, csv_bytes, generated_rows
    from tests.factories import OfficeFactory, user_with_role

    office = OfficeFactory()
    user = user_with_role(office, OfficeRole.Role.ADMIN)
    print(f"database: {connection.vendor}")
    client = Client()
    client.force_login(user)
    for count in (13, 40):
        rows = generated_rows(count, tiers=True, quarters=True)
        plan = services.plan_import(office=office, fiscal_year=2020 + count, data=csv_bytes(rows), by=user)
        reports = four_quarters_of_reports(plan, user)
        url = plan.get_absolute_url()
        client.get(url)
        times = []
        for _ in range(RUNS):
            reset_queries()
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                assert client.get(url).status_code == 200
                times.append(time.perf_counter() - started)
        print(
            f"plan page with {count} indicators and {reports} reports: {len(queries)} queries, "
            f"median {statistics.median(times) * 1000:.1f} ms"
        )
    template = services.plan_import(office=office, fiscal_year=2021, data=REFERENCE.read_bytes(), by=user)
    started = time.perf_counter()
    reports = four_quarters_of_reports(template, user) + _copies(template, user)
    print(f"built {OFFICES} offices' plans with {reports} reports in {time.perf_counter() - started:.1f} s")
    times = []
    for _ in range(5):
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            totals = _score_all(template.fiscal_year)
            times.append(time.perf_counter() - started)
    print(
        f"scores of {len(totals)} plans ({len(totals) * 13} indicators) in one query set: "
        f"{len(queries)} queries, median {statistics.median(times) * 1000:.0f} ms "
        f"(so far {min(totals)}-{max(totals)} of {template.total_marks})"
    )


def _score_all(fiscal_year: int) -> list:
    from actionplan.models import Plan
    from actionplan.selectors import plans_with_scores

    plans = Plan.objects.filter(fiscal_year=fiscal_year)
    return [scores.so_far.marks for _plan, scores in plans_with_scores(plans, today=TODAY)]


def _copies(template, user) -> int:
    """OFFICES - 1 more offices with the template's plan (written in bulk, without history) and four
    quarters of confirmed reports per indicator, a little different per office."""
    from decimal import Decimal

    from django.utils import timezone

    from actionplan.models import AchievementReport, Activity, Area, Indicator, Plan
    from offices.models import Office

    offices = Office.objects.bulk_create(
        Office(name=f"বেঞ্চ দপ্তর {n}", kind=Office.Kind.DIRECTORATE) for n in range(OFFICES - 1)
    )
    plans = Plan.objects.bulk_create(
        Plan(
            office=office,
            fiscal_year=template.fiscal_year,
            total_marks=template.total_marks,
            origin=Plan.Origin.IMPORTED,
            created_by=user,
        )
        for office in offices
    )
    source_areas = list(template.areas.prefetch_related("activities__indicators"))
    areas, activities, indicators = [], [], []
    for plan in plans:
        for old_area in source_areas:
            area = Area(plan=plan, number=old_area.number, title=old_area.title, marks=old_area.marks)
            areas.append(area)
            for old_activity in old_area.activities.all():
                activity = Activity(area=area, number=old_activity.number, title=old_activity.title)
                activities.append(activity)
                for old in old_activity.indicators.all():
                    indicators.append(
                        Indicator(
                            plan=plan,
                            activity=activity,
                            number=old.number,
                            title=old.title,
                            unit=old.unit,
                            weight=old.weight,
                            target_date=old.target_date,
                            target_value=old.target_value,
                            order=old.order,
                        )
                    )
    Area.objects.bulk_create(areas, batch_size=1000)
    for activity in activities:
        activity.area_id = activity.area.pk
    Activity.objects.bulk_create(activities, batch_size=1000)
    for indicator in indicators:
        indicator.activity_id = indicator.activity.pk
    Indicator.objects.bulk_create(indicators, batch_size=1000)
    now, reports = timezone.now(), []
    for n, indicator in enumerate(indicators):
        for quarter in range(1, 5):
            dated = indicator.unit == "date"
            late = datetime.timedelta(days=n % 30) if dated else None
            reports.append(
                AchievementReport(
                    indicator=indicator,
                    quarter=quarter,
                    achieved_date=indicator.target_date + late if dated else None,
                    achieved_value=None
                    if dated
                    else Decimal(n % 3 if indicator.unit == "count" else 20 * quarter),
                    state=AchievementReport.State.CONFIRMED,
                    reported_by=user,
                    reported_at=now,
                )
            )
    AchievementReport.objects.bulk_create(reports, batch_size=2000)
    return len(reports)


if __name__ == "__main__":
    main()
