"""Benchmark: memo numbers per second on PostgreSQL with 8 concurrent issuers on one file,
checking that the serials have no gaps and no duplicates.

    .venv/bin/python bench/issuing.py        # needs PostgreSQL at 127.0.0.1:5432 (user postgres)
"""

import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from config.standalone import setup_django  # noqa: E402

setup_django(database_url="postgres://postgres@127.0.0.1:5432/sobha_bench", CELERY_TASK_ALWAYS_EAGER="false")

from django.db import connections, transaction  # noqa: E402
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
    # Distribution is not measured here: issuing queues it after commit; drop those callbacks.
    transaction.on_commit = lambda func, using=None, robust=False: None
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
    print(f"{len(meetings)} issues by {ISSUERS} concurrent issuers on one file in {elapsed:.2f} s: "
          f"{len(meetings) / elapsed:.0f} memo numbers/s; gaps {gaps}, duplicates {duplicates}")  # fmt: skip
    teardown_databases(databases, verbosity=0)


if __name__ == "__main__":
    main()
