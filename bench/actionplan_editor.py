"""Benchmark: the plan editor with 13 and 40 indicators (tiers and quarterly targets each): opening it,
and saving one weight moved between two indicators (SQL queries and median time); and a superior
office's overview of 10 and 60 subordinates' plans (the reference plan, four quarters of reports).

    .venv/bin/python bench/actionplan_editor.py                 # throwaway SQLite
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/sobha_bench .venv/bin/python bench/actionplan_editor.py
"""

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

RUNS = 11


def _timed(call) -> tuple[int, float]:
    """(queries of the last run, median seconds) of RUNS calls."""
    times = []
    for _ in range(RUNS):
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            call()
            times.append(time.perf_counter() - started)
    return len(queries), statistics.median(times)


def main():
    if connection.vendor == "postgresql":
        from django.test.utils import setup_databases

        setup_databases(verbosity=0, interactive=False)  # a fresh test_… database, not the real one (kept)
    else:
        call_command("migrate", verbosity=0)
    from actionplan import services
    from offices.models import OfficeRole
    from tests.actionplan.editor_data import PlanEditorPage
    from tests.actionplan.reports import four_quarters_of_reports
    from tests.actionplan.templates import REFERENCE, csv_bytes, generated_rows
    from tests.factories import OfficeFactory, user_with_role

    print(f"database: {connection.vendor}")
    ministry = OfficeFactory(name="মন্ত্রণালয়")
    user = user_with_role(ministry, OfficeRole.Role.ADMIN)
    client = Client()
    client.force_login(user)
    for count in (13, 40):
        rows = generated_rows(count, tiers=True, quarters=True)
        plan = services.plan_import(office=ministry, fiscal_year=2000 + count, data=csv_bytes(rows), by=user)
        editor = PlanEditorPage(client, plan)
        queries, median = _timed(lambda url=editor.url: client.get(url))
        print(f"editor with {count} indicators: open {queries} queries, median {median * 1000:.0f} ms")
        first, second = editor.indicator_prefix("[১.১.১]"), editor.indicator_prefix("[১.১.২]")
        times = []
        for run in range(RUNS):  # a mark moved from one indicator to the other and back
            page = PlanEditorPage(client, plan)  # the fingerprint of the plan as it is now
            page.set(
                **{
                    f"{first}-weight": "০.৫" if run % 2 else "১.৫",
                    f"{second}-weight": "১.৫" if run % 2 else "০.৫",
                }
            )
            reset_queries()
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                assert page.save().status_code == 302
                times.append(time.perf_counter() - started)
        print(f"  save a mark moved: {len(queries)} queries, median {statistics.median(times) * 1000:.0f} ms")

    template = services.plan_import(office=ministry, fiscal_year=2021, data=REFERENCE.read_bytes(), by=user)
    url = f"/plans/office/{ministry.pk}/subordinates/?year=2021&sort=-projected"
    made = 0
    for offices in (10, 60):
        while made < offices:
            office = OfficeFactory(parent=ministry)
            plan = services.plan_copy(
                source=template, office=office, fiscal_year=2021, origin="template", by=user
            )
            four_quarters_of_reports(plan, user)
            made += 1
        queries, median = _timed(lambda: client.get(url))
        print(f"overview of {offices} subordinates' plans: {queries} queries, median {median * 1000:.0f} ms")


if __name__ == "__main__":
    main()
