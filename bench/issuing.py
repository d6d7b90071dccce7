"""Benchmark: memo numbers per second on PostgreSQL with 8 concurrent issuers on one file,
checking that the serials have no gaps and no duplicates. Each issue queues its after-commit
task (render, store, distribute) on a real Redis broker, as in production; no worker runs, so
the queue is emptied afterwards.

    .venv/bin/python bench/issuing.py        # PostgreSQL at 127.0.0.1:5432 (user postgres), Redis at :6379
"""

import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from config.standalone import setup_django  # noqa: E402

BROKER = "redis://127.0.0.1:6379/14"
setup_django(
    database_url="postgres://postgres@127.0.0.1:5432/sobha_bench",
    CELERY_TASK_ALWAYS_EAGER="false",
    CELERY_BROKER_URL=BROKER,
)

from django.db import connections  # noqa: E402
from django.test.utils import setup_databases, teardown_databases  # noqa: E402

ISSUERS, PER_ISSUER = 8, 50


def main():
    databases = setup_databases(verbosity=0, interactive=False)  # a fresh test_… database
    from minutes.models import Meeting
    from minutes.workflow import services as workflow
    from offices.models import OfficeRole
    from tests.factories import GovernmentFileFactory, MeetingFactory, OfficeFactory, user_with_role

    office = OfficeFactory()
    issuer = user_with_role(office, OfficeRole.Role.ISSUER)
    drafter = user_with_role(office, OfficeRole.Role.DRAFTER)
    nothi = GovernmentFileFactory(office=office, last_serial=0)
    meetings = [MeetingFactory(office=office, created_by=drafter, state=Meeting.State.APPROVED)
                for _ in range(ISSUERS * PER_ISSUER)]  # fmt: skip
    import redis

    redis.Redis.from_url(BROKER).flushdb()
    barrier = threading.Barrier(ISSUERS)

    def issue(batch):
        barrier.wait()
        for meeting in batch:
            workflow.minutes_issue(meeting=meeting, government_file=nothi, by=issuer)
        connections.close_all()

    threads = [threading.Thread(target=issue, args=(meetings[i::ISSUERS],)) for i in range(ISSUERS)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    serials = sorted(Meeting.objects.filter(government_file=nothi).values_list("memo_serial", flat=True))
    expected = list(range(1, len(meetings) + 1))
    gaps = len(set(expected) - set(serials))
    duplicates = len(serials) - len(set(serials))
    queued = redis.Redis.from_url(BROKER).llen("celery")
    print(f"{len(meetings)} issues by {ISSUERS} concurrent issuers on one file in {elapsed:.2f} s: "
          f"{len(meetings) / elapsed:.0f} memo numbers/s; gaps {gaps}, duplicates {duplicates}; "
          f"after-commit tasks queued on Redis: {queued}")  # fmt: skip
    redis.Redis.from_url(BROKER).flushdb()
    teardown_databases(databases, verbosity=0)


if __name__ == "__main__":
    main()
