"""Benchmark: from issuing minutes with 20 e-mail recipients until the last e-mail is handed to SMTP,
with a real Celery worker on Redis and a local SMTP server (aiosmtpd). The time includes rendering
and storing the issued PDF once, and one message with the PDF per recipient.

    .venv/bin/python bench/distribution.py   # needs PostgreSQL and Redis on 127.0.0.1
"""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from config.standalone import setup_django  # noqa: E402

setup_django(
    database_url="postgres://postgres@127.0.0.1:5432/sobha_bench",
    CELERY_BROKER_URL="redis://127.0.0.1:6379/14",
)

from aiosmtpd.controller import Controller  # noqa: E402
from django.test.utils import setup_databases, teardown_databases  # noqa: E402

RECIPIENTS = 20


class Counter:
    def __init__(self):
        self.received = []

    async def handle_DATA(self, server, session, envelope):
        self.received.append((time.perf_counter(), len(envelope.content)))
        return "250 OK"


def main():
    databases = setup_databases(verbosity=0, interactive=False)
    from minutes.models import Meeting
    from minutes.workflow import services as workflow
    from offices.models import OfficeRole
    from tests.factories import GovernmentFileFactory, MeetingFactory, OfficeFactory, user_with_role
    from tests.minutes.test_delivery import free_port
    from tests.worker import running_worker

    counter = Counter()
    smtp = Controller(counter, hostname="127.0.0.1", port=free_port())
    smtp.start()
    office = OfficeFactory()
    meeting = MeetingFactory(office=office, created_by=user_with_role(office, OfficeRole.Role.DRAFTER),
                             state=Meeting.State.APPROVED)  # fmt: skip
    meeting.agenda_items.create(order=0, title="বিবিধ").decisions.create(
        order=0, text="<p>প্রমাণক সংরক্ষণ করবে।</p>"
    )
    for i in range(RECIPIENTS):
        meeting.recipients.create(order=i, designation=f"উপসচিব {i}", email=f"r{i}@example.gov.bd")
    nothi = GovernmentFileFactory(office=office)
    try:
        with running_worker(EMAIL_URL=f"smtp://127.0.0.1:{smtp.port}"):
            time.sleep(3)  # let the worker connect before the clock starts
            started = time.perf_counter()
            workflow.minutes_issue(
                meeting=meeting, government_file=nothi, by=user_with_role(office, "issuer")
            )
            while len(counter.received) < RECIPIENTS and time.perf_counter() - started < 120:
                time.sleep(0.02)
        done = counter.received[-1][0] - started if counter.received else float("nan")
        size = counter.received[0][1] // 1024 if counter.received else 0
        print(f"{len(counter.received)}/{RECIPIENTS} e-mails (about {size} KB each, PDF attached) handed to SMTP "
              f"{done:.2f} s after issuing, one worker process (--pool=solo)")  # fmt: skip
    finally:
        smtp.stop()
        teardown_databases(databases, verbosity=0)


if __name__ == "__main__":
    main()
