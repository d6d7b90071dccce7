"""Benchmark: printing the minutes document of reference minutes 004 (table layout, 5 A4 pages).

Prints, in one run:
- the first print in this process (imports, font loading) and the median after warm-up, as the
  portal prints (a forked child per print, one warm font configuration) and in-process;
- the memory of the printing process over RENDERS prints (default 500), against the old way
  (in-process, a new WeasyPrint font configuration per print) over 100 prints;
- the worst case: a discussion holding one 100,000-character word, stopped at the time limit;
- Chromium's headless print-to-PDF of the same HTML, for comparison;
- serving the stored PDF, and the query counts of the HTML pages.

    .venv/bin/python bench/document_render.py [RENDERS]

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


def rss_mb() -> float:
    """Resident memory of this process now (not its peak)."""
    return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def main():
    import weasyprint

    import pdftext
    from minutes.document import render
    from minutes.document.render import RenderTimeout, html_to_pdf, render_html
    from minutes.document.store import store_issued_document
    from minutes.models import Meeting
    from offices.models import OfficeRole
    from tests.factories import MeetingFactory, user_with_role
    from tests.minutes.reference_fixtures import make_minutes_004

    renders = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    call_command("migrate", verbosity=0)
    meeting = make_minutes_004(state=Meeting.State.PUBLISHED)
    html = render_html(meeting)

    (first,) = timed(lambda: html_to_pdf(html), 1)
    warm = timed(lambda: html_to_pdf(html), RUNS)
    in_process = timed(lambda: render._print(html), RUNS)
    print(f"WeasyPrint, 004 ({pages(html_to_pdf(html))} pages): first print in this process {ms(first)}; "
          f"median after warm-up {ms(statistics.median(warm))} in a forked child, "
          f"{ms(statistics.median(in_process))} in-process ({RUNS} runs)")  # fmt: skip

    start = rss_mb()
    times = timed(lambda: html_to_pdf(html), renders)
    print(f"As the portal prints ({renders} prints, forked, one warm font configuration): RSS {start:.1f} -> "
          f"{rss_mb():.1f} MB, median {ms(statistics.median(times))} per print")  # fmt: skip
    old_way = 100

    def print_the_old_way():  # in-process, WeasyPrint building a new font configuration each time
        document = weasyprint.HTML(string=html, base_url=render.BASE_URL, url_fetcher=render._url_fetcher())
        pdftext.write_pdf(document)

    start = rss_mb()
    times = timed(print_the_old_way, old_way)
    grown = rss_mb() - start
    print(f"The old way ({old_way} prints, in-process, a font configuration per print): RSS grew "
          f"{grown:.1f} MB ({grown / old_way:.2f} MB per print), median {ms(statistics.median(times))}")  # fmt: skip

    worst = MeetingFactory()
    worst.agenda_items.create(order=0, title="বিষয়", discussion="<p>" + "ক" * 100_000 + "</p>")
    started = time.perf_counter()
    try:
        html_to_pdf(render_html(worst), time_limit=10)
        outcome = "printed"
    except RenderTimeout:
        outcome = "stopped at the 10 s limit"
    print(
        f"Worst case, one 100,000-character word: {outcome} after {time.perf_counter() - started:.2f} s "
        "(the editor refuses such a word; this is what the limit does with one stored anyway)"
    )

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
    for label, pk in (
        ("draft, HTML rendered per request", draft.pk),
        ("issued, served as stored", meeting.pk),
    ):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("minutes:document", args=[pk])).status_code == 200
        print(f"Staff HTML page ({label}): {len(queries)} queries")
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("public:document", args=[meeting.pk]))
    print(f"Public HTML page (published, stored): {len(queries)} queries")


if __name__ == "__main__":
    main()
