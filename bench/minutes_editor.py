"""Benchmark: saving and opening the editor of a meeting with 10 agenda items, 40 decisions,
30 attendees and 20 recipients. Prints SQL query counts and median request times.

    .venv/bin/python bench/minutes_editor.py                 # throwaway SQLite
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/sobha_bench .venv/bin/python bench/minutes_editor.py
"""

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from config.standalone import setup_django  # noqa: E402

setup_django()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

RUNS = 15


def main():
    if connection.vendor == "postgresql":
        from django.test.utils import setup_databases

        setup_databases(verbosity=0, interactive=False)  # a fresh test_… database, not the real one (kept)
    else:
        call_command("migrate", verbosity=0)
    from config.wsgi import settle_after_start_up
    from minutes.models import Decision, Meeting
    from offices.models import OfficeRole
    from tests.factories import MeetingFactory, OfficeFactory, user_with_role
    from tests.minutes.editor_data import sized_post, with_saved_ids

    settle_after_start_up()  # as a web worker starts (config/wsgi.py)
    office = OfficeFactory()
    user = user_with_role(office, OfficeRole.Role.DRAFTER)
    client = Client()
    client.force_login(user)
    print(f"database: {connection.vendor}")
    for size in ((1, 1, 1, 1), (10, 4, 30, 20), (40, 4, 60, 40)):
        meeting = MeetingFactory(office=office, created_by=user, date="2024-07-25")
        url = f"/minutes/{meeting.pk}/edit/"
        post = sized_post(*size)
        assert client.post(url, post).status_code == 302
        post = with_saved_ids(post, meeting)
        save_times, open_times = [], []
        for _ in range(RUNS):
            with CaptureQueriesContext(connection) as save_queries:
                started = time.perf_counter()
                assert client.post(url, post).status_code == 302
                save_times.append(time.perf_counter() - started)
            with CaptureQueriesContext(connection) as open_queries:
                started = time.perf_counter()
                assert client.get(url).status_code == 200
                open_times.append(time.perf_counter() - started)
        decisions = Decision.objects.filter(agenda_item__meeting=meeting).count()
        print(
            f"{size[0]:>3} items, {decisions:>3} decisions, {size[2]:>3} attendees, {size[3]:>3} recipients: "
            f"save {len(save_queries)} queries, median {statistics.median(save_times) * 1000:.1f} ms; "
            f"open editor {len(open_queries)} queries, median {statistics.median(open_times) * 1000:.1f} ms"
        )
        Meeting.objects.filter(pk=meeting.pk).delete()


if __name__ == "__main__":
    main()
