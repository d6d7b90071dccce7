"""Benchmark: importing a 40-row action-plan template (CSV and .xlsx, with tiers and quarterly
targets), and the plan page with 13 and 40 indicators. Prints median times and SQL query counts.

    .venv/bin/python bench/actionplan_import.py                 # throwaway SQLite
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/sobha_bench .venv/bin/python bench/actionplan_import.py
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

RUNS = 15


def main():
    if connection.vendor == "postgresql":
        from django.test.utils import setup_databases

        setup_databases(verbosity=0, interactive=False)  # a fresh test_… database, not the real one (kept)
    else:
        call_command("migrate", verbosity=0)
    from actionplan import services
    from actionplan.models import Plan
    from offices.models import OfficeRole
    from tests.actionplan.templates import csv_bytes, generated_rows, xlsx_bytes
    from tests.factories import OfficeFactory, user_with_role

    office = OfficeFactory()
    user = user_with_role(office, OfficeRole.Role.ADMIN)
    rows = generated_rows(40, tiers=True, quarters=True)
    print(f"database: {connection.vendor}")
    for kind, data in (("CSV", csv_bytes(rows)), ("xlsx", xlsx_bytes(rows))):
        times = []
        for _ in range(RUNS):
            reset_queries()  # the query log keeps 9,000 at most
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                plan = services.plan_import(office=office, fiscal_year=2021, data=data, by=user)
            times.append(time.perf_counter() - started)
            Plan.objects.filter(pk=plan.pk).delete()
        print(
            f"import a 40-row template ({kind}, {len(data) // 1024} KB): {len(queries)} queries, "
            f"median {statistics.median(times) * 1000:.1f} ms"
        )
    client = Client()
    client.force_login(user)
    for count in (13, 40):
        plan = services.plan_import(
            office=office,
            fiscal_year=2021,
            data=csv_bytes(generated_rows(count, tiers=True, quarters=True)),
            by=user,
        )
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
            f"plan page with {count} indicators: {len(queries)} queries, "
            f"median {statistics.median(times) * 1000:.1f} ms"
        )
        Plan.objects.filter(pk=plan.pk).delete()


if __name__ == "__main__":
    main()
