"""Benchmark: the PDF of reference minutes 004 (table layout, about 5 pages).

Prints WeasyPrint's first-render cost (in a fresh process) and its median warm render
in-process, Chromium's headless print-to-PDF of the same HTML (a process per render, as
a server would run it), the time to serve the stored PDF of an issued version, and the
query count of the HTML page.

    .venv/bin/python bench/document_render.py
"""

import io
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from config.standalone import ROOT, setup_django  # noqa: E402

setup_django(database_url=f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3")

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from pypdf import PdfReader  # noqa: E402

RUNS = 7
CHROMIUM = ["/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--no-pdf-header-footer"]  # fmt: skip


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def main():
    from minutes.document import minutes_context
    from minutes.models import Meeting
    from minutes.pdf import html_to_pdf, render_html, store_issued_document
    from tests.minutes.reference_fixtures import make_minutes

    call_command("migrate", verbosity=0)
    meeting = make_minutes("004", state=Meeting.State.PUBLISHED)
    html = render_html(meeting)

    started = time.perf_counter()
    html_to_pdf(html)
    first = time.perf_counter() - started
    warm = []
    for _ in range(RUNS):
        started = time.perf_counter()
        pdf = html_to_pdf(html)
        warm.append(time.perf_counter() - started)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    print(
        f"WeasyPrint 004 ({pages} pages): first render {ms(first)}, warm median {ms(statistics.median(warm))}"
    )

    workdir = Path(tempfile.mkdtemp())
    page = workdir / "004.html"
    page.write_text(html.replace('href="/static/', f'href="file://{ROOT}/static/'))
    chromium = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run([*CHROMIUM, f"--print-to-pdf={workdir / 'out.pdf'}", page.as_uri()],
                       check=True, capture_output=True)  # fmt: skip
        chromium.append(time.perf_counter() - started)
    print(
        f"Chromium headless print-to-PDF of the same HTML: median {ms(statistics.median(chromium))} per process"
    )

    store_issued_document(meeting)
    client, served = Client(), []
    for _ in range(50):
        started = time.perf_counter()
        response = client.get(f"/public/minutes/{meeting.pk}.pdf")
        served.append(time.perf_counter() - started)
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    print(f"Stored PDF served: median {statistics.median(served) * 1000:.2f} ms")

    with CaptureQueriesContext(connection) as queries:
        minutes_context(meeting)
    print(f"HTML page context: {len(queries)} queries ({meeting.agenda_items.count()} agenda items)")


if __name__ == "__main__":
    main()
