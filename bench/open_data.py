"""Benchmark: the feeds, the API and the decisions export over many published minutes. Prints, for
each address, its SQL queries and median time built afresh (cache emptied) and answered from the
cache, and the export's decisions per second and peak memory (it streams: memory must not grow with
the number of decisions).

    .venv/bin/python bench/open_data.py                  # PostgreSQL at 127.0.0.1:5432 (user postgres)
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/mine BENCH_MINUTES=4000 .venv/bin/python bench/open_data.py
"""

import datetime
import os
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from config.standalone import setup_django  # noqa: E402

setup_django(
    database_url=os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/sobha_bench"),
    DJANGO_LOG_LEVEL="WARNING",
    CACHE_URL="locmemcache://",
)

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_databases, teardown_databases  # noqa: E402

MINUTES = int(os.environ.get("BENCH_MINUTES", "2000"))
OFFICES = 20
DECISIONS = 5  # per minutes
ROUNDS = 7


def world() -> tuple[str, int]:
    """OFFICES offices under one ministry, MINUTES published minutes among them, DECISIONS decisions each."""
    from minutes.models import AgendaItem, Decision, Meeting, Responsibility, Transition
    from offices.models import Office, User

    user = User.objects.create(username="bench")
    top = Office.objects.create(name="মন্ত্রণালয়", slug="top", kind=Office.Kind.MINISTRY)
    offices = [
        Office.objects.create(
            name=f"অধিদপ্তর {n}", slug=f"office-{n}", kind=Office.Kind.DIRECTORATE, parent=top
        )
        for n in range(OFFICES)
    ]
    day = datetime.date(2024, 1, 1)
    meetings = Meeting.objects.bulk_create(
        Meeting(
            office=offices[n % OFFICES],
            title=f"ইনোভেশন টিমের {n} নম্বর সভার কার্যবিবরণী",
            date=day + datetime.timedelta(days=n % 500),
            start_time=datetime.time(11),
            venue="সভাকক্ষ",
            state=Meeting.State.PUBLISHED,
            memo_number=f"58.00.0000.018.31.006.17.{n + 1}",
            issue_date=day + datetime.timedelta(days=n % 500 + 7),
            created_by=user,
        )
        for n in range(MINUTES)
    )
    Transition.objects.bulk_create(
        Transition(meeting=m, from_state="issued", to_state="published", by=user, by_name="bench")
        for m in meetings
    )
    items = AgendaItem.objects.bulk_create(
        AgendaItem(meeting=m, order=1, title="ই-নথি", discussion="<p>আলোচনা।</p>") for m in meetings
    )
    decisions = Decision.objects.bulk_create(
        Decision(
            agenda_item=item,
            order=k,
            text=f"<p>সিদ্ধান্ত {k}: ই-নথির ব্যবহার <strong>শতভাগ</strong> নিশ্চিত করতে হবে।</p>",
            deadline_kind=Decision.Deadline.WORKING_DAYS,
            deadline_working_days=7,
        )
        for item in items
        for k in range(DECISIONS)
    )
    Responsibility.objects.bulk_create(Responsibility(decision=d, label="প্রশাসন-১ শাখা") for d in decisions)
    return "top", meetings[0].pk


def measure(client: Client, address: str) -> tuple[int, float, float]:
    """(queries built afresh, median ms afresh, median ms from the cache)."""
    from website.pages import _recent

    fresh, kept, queries = [], [], 0
    for _ in range(ROUNDS):
        cache.clear()
        _recent.clear()
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(address)
            body = b"".join(response.streaming_content) if response.streaming else response.content
            fresh.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200 and body, address
        queries = len(captured)
        start = time.perf_counter()
        client.get(address)
        kept.append((time.perf_counter() - start) * 1000)
    return queries, statistics.median(fresh), statistics.median(kept)


def export(client: Client) -> tuple[int, float, float]:
    """(decisions, decisions per second, peak MB of Python memory, measured in a second run) of the
    whole CSV export."""

    def run() -> int:
        cache.clear()
        response = client.get("/public/api/exports/decisions.csv")
        return sum(chunk.count(b"\n") for chunk in response.streaming_content) - 1

    start = time.perf_counter()
    rows = run()
    seconds = time.perf_counter() - start
    tracemalloc.start()
    run()
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return rows, rows / seconds, peak


def main() -> None:
    old = setup_databases(verbosity=0, interactive=False)
    try:
        top, first = world()
        client = Client()
        print(
            f"{MINUTES} published minutes in {OFFICES} offices, {MINUTES * DECISIONS} decisions ({connection.vendor})"
        )
        print(f"{'address':58} {'queries':>7} {'fresh ms':>9} {'cached ms':>9}")
        for address in (
            "/public/feeds/minutes.atom",
            f"/public/feeds/{top}.atom?sub=1",
            "/public/feeds/search.atom?q=ইনোভেশন",
            "/public/feeds/office-3.ics",
            "/public/api/v1/minutes?limit=100",
            f"/public/api/v1/minutes?office=1&subordinates=true&limit=100&offset={MINUTES // 2}",
            f"/public/api/v1/minutes/{first}",
            "/public/api/v1/decisions?limit=100",
            "/public/api/v1/offices?limit=100",
        ):
            queries, fresh, kept = measure(client, address)
            print(f"{address:58} {queries:7d} {fresh:9.1f} {kept:9.2f}")
        rows, rate, peak = export(client)
        print(f"CSV export: {rows} decisions, {rate:,.0f} decisions/s, peak Python memory {peak:.1f} MB")
    finally:
        teardown_databases(old, verbosity=0)


if __name__ == "__main__":
    main()
