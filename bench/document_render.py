"""Benchmark: rendering the minutes document of reference minutes 004 (table layout, 5 A4 pages).

Prints, in one run: WeasyPrint's first render in this process (imports, font loading) and its
median render after warm-up; Chromium's headless print-to-PDF of the same HTML (one process per
render, as a server would have to run it); serving the stored PDF of an issued version through
the Django test client; and the query count of the HTML page.

    .venv/bin/python bench/document_render.py

Runs standalone against a throwaway SQLite database (DATABASE_URL set here unless given).
"""

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from config.standalone import ROOT, setup_django  # noqa: E402

DB = Path(tempfile.gettempdir()) / "bench-document.sqlite3"
DB.unlink(missing_ok=True)
setup_django(database_url=os.environ.get("DATABASE_URL", f"sqlite:///{DB}"))

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

RUNS = 7
CHROMIUM = ["/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--no-pdf-header-footer"]  # fmt: skip


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def pages(pdf: bytes) -> int:
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return int(re.search(r"Pages:\s+(\d+)", info)[1])


def timed(function, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return times


def main():
    from minutes.models import Meeting
    from minutes.pdf import html_to_pdf, render_html, store_issued_document
    from offices.models import OfficeRole
    from tests.factories import user_with_role
    from tests.minutes.reference_fixtures import make_minutes_004

    call_command("migrate", verbosity=0)
    meeting = make_minutes_004(state=Meeting.State.PUBLISHED)
    html = render_html(meeting)

    (first,) = timed(lambda: html_to_pdf(html), 1)
    warm = timed(lambda: html_to_pdf(html), RUNS)
    print(f"WeasyPrint, 004 ({pages(html_to_pdf(html))} pages): first render in process {ms(first)}, "
          f"median after warm-up {ms(statistics.median(warm))} (min {ms(min(warm))}, {RUNS} runs)")  # fmt: skip

    workdir = Path(tempfile.mkdtemp())
    page = workdir / "004.html"
    page.write_text(html.replace('href="/static/', f'href="{(ROOT / "static").as_uri()}/'))
    output = workdir / "chromium.pdf"
    command = [*CHROMIUM, f"--print-to-pdf={output}", page.as_uri()]
    chromium = timed(lambda: subprocess.run(command, check=True, capture_output=True), RUNS)
    print(f"Chromium headless print-to-PDF of the same HTML ({pages(output.read_bytes())} pages): "
          f"median {ms(statistics.median(chromium))} per render (min {ms(min(chromium))}, {RUNS} runs)")  # fmt: skip

    (stored,) = timed(lambda: store_issued_document(meeting), 1)
    client = Client()
    url = reverse("public:pdf", args=[meeting.pk])
    served = timed(lambda: client.get(url), 50)
    response = client.get(url)
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    print(f"Issue-time store (HTML + PDF, once): {ms(stored)}; stored PDF served through the test client: "
          f"median {statistics.median(served) * 1000:.2f} ms (50 requests)")  # fmt: skip

    draft = make_minutes_004(state=Meeting.State.DRAFT)
    client.force_login(user_with_role(draft.office, OfficeRole.Role.DRAFTER))
    for label, pk in (("draft, rendered per request", draft.pk), ("issued, served as stored", meeting.pk)):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("minutes:document", args=[pk])).status_code == 200
        print(f"Staff HTML page ({label}): {len(queries)} queries")
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("public:document", args=[meeting.pk]))
    print(f"Public HTML page (published, stored): {len(queries)} queries")


if __name__ == "__main__":
    main()
