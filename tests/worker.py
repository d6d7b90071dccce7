"""A real `celery worker` process on the real Redis broker, pointed at the test database."""

import os
import signal
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest
import redis
from django.conf import settings
from django.db import connection

from tests.conftest import services_required

ROOT = Path(__file__).resolve().parent.parent
LOGS = ROOT / "test-artifacts"


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


@contextmanager
def running_worker(flush=True, **extra_env):
    """Start `celery worker` as its own process; stop it on leaving. flush=False keeps what the broker
    holds (a worker started again after another was killed)."""
    broker = _redis_url()
    if flush:
        redis.Redis.from_url(broker).flushdb()
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "CELERY_BROKER_URL": broker,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        **extra_env,
    }
    LOGS.mkdir(parents=True, exist_ok=True)
    log = open(LOGS / "celery-worker.log", "ab")  # noqa: SIM115 - closed when the worker stops
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
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        yield process
    finally:
        stop(process)
        log.close()


@contextmanager
def running_beat(**extra_env):
    """Start `celery beat` with the schedule in the database (django-celery-beat's DatabaseScheduler,
    as the Procfile runs it) as its own process on the tests' broker; stop it on leaving."""
    env = {**os.environ, "DATABASE_URL": _database_url(), "CELERY_BROKER_URL": _redis_url(), **extra_env}
    LOGS.mkdir(parents=True, exist_ok=True)
    log = open(LOGS / "celery-beat.log", "ab")  # noqa: SIM115 - closed when beat stops
    process = subprocess.Popen(
        [
            sys.executable, "-m", "celery", "-A", "config", "beat", "--loglevel=INFO",
            "--scheduler", "django_celery_beat.schedulers:DatabaseScheduler", "--max-interval", "1",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        yield process
    finally:
        stop(process)
        log.close()


def stop(process, sig=signal.SIGTERM) -> None:
    if process.poll() is not None:
        return
    process.send_signal(sig)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture
def celery_worker_process(transactional_db):
    with running_worker() as process:
        yield process
