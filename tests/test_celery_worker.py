"""A real Celery worker process on the real Redis broker runs a task that writes to the database."""

import time

import pytest

from health.models import Heartbeat


@pytest.mark.worker
def test_it_runs_the_heartbeat_task_in_a_real_worker(celery_worker_process):
    from health.tasks import record_heartbeat

    assert not Heartbeat.objects.exists()
    record_heartbeat.delay()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not Heartbeat.objects.filter(name="celery-worker").exists():
        time.sleep(0.3)
    heartbeat = Heartbeat.objects.get(name="celery-worker")
    assert heartbeat.hostname
