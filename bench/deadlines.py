"""Benchmark: deadlines. Prints figures:

- reading deadline phrases (bangla.deadlines): microseconds per decision text, with and without
  deadline words;
- opening the editor of a meeting of 160 decisions whose words all give a deadline (each shows its
  proposal) against one whose words give none;
- due_dates for 1,000 working-day decisions of one office: queries and time with a cold calendar
  cache, then a warm one.

    .venv/bin/python bench/deadlines.py                 # throwaway SQLite
"""

import datetime
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from config.standalone import setup_django  # noqa: E402

setup_django()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

RUNS = 9


def _median_ms(function, runs=RUNS) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def parser():
    from bangla.deadlines import propose_deadline
    from tests.bangla.test_deadline_phrases import NO_DEADLINE, PHRASES

    texts = [text for text, _expected, _phrase in PHRASES] + NO_DEADLINE
    plain = "সভায় উপস্থিত সদস্যবৃন্দ বার্ষিক উদ্ভাবন কর্মপরিকল্পনার প্রতিটি কার্যক্রম নিয়ে বিস্তারিত আলোচনা করেন। " * 10
    reference = datetime.date(2021, 2, 8)
    n = 20
    each = _median_ms(lambda: [propose_deadline(t, reference) for t in texts * n]) / (len(texts) * n) * 1000
    long_text = _median_ms(lambda: [propose_deadline(plain, reference) for _ in range(200)]) / 200 * 1000
    print(f"reading deadline words: {each:.0f} µs per decision ({len(texts)} phrases of the tests)")
    print(f"a {len(plain)}-character text with no deadline words: {long_text:.0f} µs")


def editor():
    from minutes.models import Meeting
    from offices.models import OfficeRole
    from tests.factories import MeetingFactory, OfficeFactory, user_with_role
    from tests.minutes.editor_data import editor_post

    office = OfficeFactory()
    user = user_with_role(office, OfficeRole.Role.DRAFTER)
    client = Client()
    client.force_login(user)
    for label, words in (
        ("no deadline words", "ওয়েবসাইট হালনাগাদ করা"),
        ("deadline words", "১৫.০৩.২০২৫ তারিখের মধ্যে করা"),
    ):
        meeting = MeetingFactory(office=office, created_by=user, date="2024-07-25")
        items = [
            {"title": f"আলোচ্যসূচি {i}", "decisions": [{"text": f"{words} {i}.{j}।"} for j in range(4)]}
            for i in range(40)
        ]
        url = f"/minutes/{meeting.pk}/edit/"
        assert client.post(url, editor_post(items=items)).status_code == 302
        page = client.get(url).content.decode()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        count = len(queries)  # before the next requests reset the log
        ms = _median_ms(lambda url=url: client.get(url))
        print(
            f"open the editor, 160 decisions with {label}: {count} queries, median {ms:.0f} ms, "
            f"{page.count('deadline-proposal ')} proposals shown"
        )
        Meeting.objects.filter(pk=meeting.pk).delete()


def due():
    from minutes.deadlines import due_dates
    from minutes.models import AgendaItem, Decision
    from offices.models import OfficeHoliday, OfficeRole
    from tests.factories import MeetingFactory, OfficeFactory, user_with_role

    ministry = OfficeFactory()
    office = OfficeFactory(parent=ministry)
    user = user_with_role(office, OfficeRole.Role.DRAFTER)
    OfficeHoliday.objects.create(office=ministry, date=datetime.date(2024, 9, 4), name="ছুটি")
    meeting = MeetingFactory(office=office, created_by=user, date="2024-08-25")
    item = AgendaItem.objects.create(meeting=meeting, title="বিবিধ")
    Decision.objects.bulk_create(
        Decision(
            agenda_item=item,
            order=n,
            text="ক",
            deadline_kind="working_days",
            deadline_working_days=1 + n % 30,
        )
        for n in range(1000)
    )
    decisions = list(Decision.objects.filter(agenda_item=item).select_related("agenda_item__meeting"))
    issue = datetime.date(2024, 9, 1)
    cache.clear()
    for label in ("cold", "warm"):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            for decision in decisions:
                due_dates(decision, issue)
            ms = (time.perf_counter() - started) * 1000
        print(f"due_dates of 1,000 working-day decisions, {label} cache: {len(queries)} queries, {ms:.0f} ms")


def main():
    call_command("migrate", verbosity=0)
    print(f"database: {connection.vendor}")
    parser()
    editor()
    due()


if __name__ == "__main__":
    main()
