"""/health/ tells the truth: 200 only when the database, the broker and the worker all answer."""

import datetime

import pytest
from django.db import OperationalError, connection
from django.utils import timezone

from health.services import WORKER, heartbeat_record
from tests.worker import _redis_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def broker():
    """The tests' real Redis broker (health checks connect to it)."""
    return _redis_url()


def test_it_answers_200_when_everything_runs(client, broker):
    heartbeat_record(name=WORKER, hostname="worker-1")
    response = client.get("/health/")
    assert response.status_code == 200
    body = response.json()
    assert body["healthy"] is True
    assert body["database"] == {"ok": True} and body["broker"] == {"ok": True}
    assert body["worker"]["ok"] is True and body["worker"]["last_seen"]


def test_it_answers_503_when_the_worker_has_not_been_seen(client, broker):
    assert client.get("/health/").json()["worker"] == {
        "ok": False,
        "last_seen": None,
        "error": "no heartbeat in the last 3 minutes",
    }
    heartbeat_record(name=WORKER)
    from health.models import Heartbeat

    Heartbeat.objects.update(last_seen=timezone.now() - datetime.timedelta(minutes=10))
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["healthy"] is False and response.json()["worker"]["ok"] is False


def test_it_answers_503_when_the_broker_is_down(client, broker, settings):
    heartbeat_record(name=WORKER)
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"  # nothing listens there
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["broker"] == {"ok": False, "error": "the broker does not answer"}
    assert response.json()["database"] == {"ok": True}


def test_it_answers_503_when_the_database_does_not_answer(client, broker, monkeypatch):
    def refused(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", refused)
    response = client.get("/health/")
    assert response.status_code == 503
    body = response.json()
    assert body["database"] == {"ok": False, "error": "the database does not answer"}  # details: the log
    assert body["worker"]["ok"] is False  # unknown without the database
