"""Benchmark: memo numbers per second on PostgreSQL with 8 concurrent issuers on one file,
checking that the serials have no gaps and no duplicates. Each issue queues its after-commit
task (render, store, distribute) on a real Redis broker, as in production; no worker runs, so
the queue is emptied afterwards.

    .venv/bin/python bench/issuing.py        # PostgreSQL at 127.0.0.1:5432 (user postgres), Redis at :6379
"""

import multiprocessing
import secrets
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from config.standalone import setup_django  # noqa: E402

BROKER = "redis://127.0.0.1:6379/14"
setup_django(  # production settings: no debug (no query log), a real broker
    database_url="postgres://postgres@127.0.0.1:5432/sobha_bench",
    CELERY_TASK_ALWAYS_EAGER="false",
    CELERY_BROKER_URL=BROKER,
    DJANGO_DEBUG="false",
    DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
    DJANGO_ALLOWED_HOSTS="localhost",
)

from django.db import connections  # noqa: E402
from django.test.utils import setup_databases, teardown_databases  # noqa: E402

ISSUERS, PER_ISSUER = 8, 50


def issue_all(meeting_ids, file_id, issuer_id, barrier):
    """One issuer: issue these approved meetings from the file, one after the other."""
    from minutes.models import Meeting
    from minutes.workflow import services as workflow
    from offices.models import GovernmentFile, User

    issuer, nothi = User.objects.get(pk=issuer_id), GovernmentFile.objects.get(pk=file_id)
    meetings = list(Meeting.objects.filter(pk__in=meeting_ids))
    barrier.wait()
    for meeting in meetings:
        workflow.minutes_issue(meeting=meeting, government_file=nothi, by=issuer)
    connections.close_all()


def run(label, issuers, start):
    """Issue ISSUERS * PER_ISSUER meetings with `issuers` issuers started by `start`; print the figures."""
    import redis

    from minutes.models import Meeting
    from offices.models import OfficeRole
    from tests.factories import GovernmentFileFactory, MeetingFactory, OfficeFactory, user_with_role

    office = OfficeFactory()
    issuer = user_with_role(office, OfficeRole.Role.ISSUER)
    drafter = user_with_role(office, OfficeRole.Role.DRAFTER)
    nothi = GovernmentFileFactory(office=office, last_serial=0)
    ids = [MeetingFactory(office=office, created_by=drafter, state=Meeting.State.APPROVED).pk
           for _ in range(ISSUERS * PER_ISSUER)]  # fmt: skip
    broker = redis.Redis.from_url(BROKER)
    broker.flushdb()
    connections.close_all()
    elapsed = start([(ids[i::issuers], nothi.pk, issuer.pk) for i in range(issuers)])
    serials = sorted(Meeting.objects.filter(government_file=nothi).values_list("memo_serial", flat=True))
    gaps = len(set(range(1, len(ids) + 1)) - set(serials))
    duplicates = len(serials) - len(set(serials))
    print(
        f"{label}: {len(ids)} issues in {elapsed:.2f} s, {len(ids) / elapsed:.0f} memo numbers/s; "
        f"gaps {gaps}, duplicates {duplicates}; after-commit tasks queued on Redis {broker.llen('celery')}"
    )
    broker.flushdb()


def in_threads(batches):
    barrier = threading.Barrier(len(batches))
    threads = [threading.Thread(target=issue_all, args=(*batch, barrier)) for batch in batches]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started


def in_processes(batches):
    """As web workers are: separate processes, each with its own database connection."""
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(len(batches) + 1)
    processes = [context.Process(target=issue_all, args=(*batch, barrier)) for batch in batches]
    for process in processes:
        process.start()
    barrier.wait()
    started = time.perf_counter()
    for process in processes:
        process.join()
    return time.perf_counter() - started


def main():
    databases = setup_databases(verbosity=0, interactive=False)  # a fresh test_… database
    run("1 issuer alone", 1, in_threads)
    run(f"{ISSUERS} concurrent issuers, threads of one process", ISSUERS, in_threads)
    run(f"{ISSUERS} concurrent issuers, separate processes (as web workers)", ISSUERS, in_processes)
    teardown_databases(databases, verbosity=0)


if __name__ == "__main__":
    main()
