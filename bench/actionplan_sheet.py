"""Benchmark: the quarterly progress sheet of a 40-indicator plan (tiers and quarterly targets) with
four quarters of reports: the .xlsx download (SQL queries and median time), building the PDF's HTML
(queries, median time), and printing that HTML as the worker does (median time, pages); an
indicator's evidence bundle with a file per quarter.

    .venv/bin/python bench/actionplan_sheet.py                 # throwaway SQLite
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/sobha_bench .venv/bin/python bench/actionplan_sheet.py
"""

import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from config.standalone import setup_django  # noqa: E402

setup_django()

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

RUNS = 10
PRINTS = 3
INDICATORS = 40


def timed(function, runs: int):
    """(median seconds, queries of the last run, the last result)."""
    times, result = [], None
    for _ in range(runs):
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            result = function()
            times.append(time.perf_counter() - started)
    return statistics.median(times), len(queries), result


def main():
    if connection.vendor == "postgresql":
        from django.test.utils import setup_databases

        setup_databases(verbosity=0, interactive=False)  # a fresh test_… database, not the real one (kept)
    else:
        call_command("migrate", verbosity=0)
    from django.core.files.base import ContentFile
    from django.core.files.storage import FileSystemStorage

    from actionplan import services
    from actionplan.models import Evidence
    from actionplan.progress.document import plan_sheet_html
    from minutes.document.render import html_to_pdf
    from offices.models import OfficeRole
    from tests.actionplan.reports import four_quarters_of_reports
    from tests.actionplan.templates import csv_bytes, generated_rows
    from tests.factories import OfficeFactory, user_with_role

    office = OfficeFactory()
    user = user_with_role(office, OfficeRole.Role.ADMIN)
    rows = generated_rows(INDICATORS, tiers=True, quarters=True)
    for row in rows[1:]:
        row[13] = "0.5"  # tiers strictly falling, so that every indicator is scored
    plan = services.plan_import(office=office, fiscal_year=2021, data=csv_bytes(rows), by=user)
    reports = four_quarters_of_reports(plan, user)
    print(
        f"database: {connection.vendor}; a plan of {INDICATORS} indicators with {reports} confirmed reports"
    )

    client = Client()
    client.force_login(user)
    url = reverse("actionplan:progress_xlsx", args=[plan.pk, 4])
    client.get(url)
    seconds, queries, response = timed(lambda: client.get(url), RUNS)
    assert response.status_code == 200
    print(
        f".xlsx download (4th quarter): {queries} queries, median {seconds * 1000:.0f} ms, "
        f"{len(response.content) / 1024:.0f} KB"
    )

    seconds, queries, html = timed(lambda: plan_sheet_html(plan, 4), RUNS)
    print(
        f"PDF's HTML (what the page hashes, what the worker prints): {queries} queries, median {seconds * 1000:.0f} ms"
    )
    html_to_pdf(html)  # the fonts warmed, as in a running worker
    times, pdf = [], b""
    for _ in range(PRINTS):
        started = time.perf_counter()
        pdf = html_to_pdf(html)
        times.append(time.perf_counter() - started)
    pages = re.search(
        r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True).stdout.decode()
    )
    print(
        f"PDF printed by the worker: median {statistics.median(times):.2f} s, "
        f"{pages[1] if pages else '?'} pages, {len(pdf) / 1024:.0f} KB"
    )

    with tempfile.TemporaryDirectory() as folder:
        Evidence._meta.get_field("file").storage = FileSystemStorage(location=folder)
        indicator = plan.indicators.order_by("order").first()
        for report in indicator.reports.all():
            evidence = Evidence(
                report=report, name="প্রতিবেদন.pdf", kind="pdf", size=1 << 20, uploaded_at=report.reported_at
            )
            evidence.file.save("প্রতিবেদন.pdf", ContentFile(b"%PDF-1.4\n" + b"0" * ((1 << 20) - 9)), save=True)
        bundle_url = reverse("actionplan:evidence_bundle", args=[indicator.pk])
        seconds, queries, response = timed(lambda: b"".join(client.get(bundle_url).streaming_content), RUNS)
        print(
            f"evidence bundle (4 files of 1 MB): {queries} queries, median {seconds * 1000:.0f} ms, "
            f"{len(response) / 1024:.0f} KB"
        )


if __name__ == "__main__":
    main()
