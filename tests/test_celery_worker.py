"""A real Celery worker process on the real Redis broker runs a task that writes to the database."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis
from django.conf import settings
from django.db import connection

from health.models import Heartbeat
from tests.conftest import services_required

ROOT = Path(__file__).resolve().parent.parent


def _redis_url() -> str:
    """The broker the tests use: scripts/test.sh points CELERY_BROKER_URL at Redis when it runs."""
    url = settings.CELERY_BROKER_URL
    if not url.startswith("redis://"):
        if services_required():
            pytest.fail("CI must run the tests with CELERY_BROKER_URL on Redis")
        pytest.skip("the tests run without Redis (CELERY_BROKER_URL is not a Redis URL)")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError:
        if services_required():
            pytest.fail(f"Redis is required in CI but not reachable at {url}")
        pytest.skip(f"Redis not reachable at {url}")
    return url


def _database_url() -> str:
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    return f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/{settings['NAME']}"


@pytest.fixture
def celery_worker_process(transactional_db):
    """Start `celery worker` as its own process, pointed at the test database and Redis."""
    broker = _redis_url()
    redis.Redis.from_url(broker).flushdb()
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "CELERY_BROKER_URL": broker,
        "CELERY_TASK_ALWAYS_EAGER": "false",
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "--pool=solo",
            "--loglevel=INFO",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    yield broker
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()


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
