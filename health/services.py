"""The portal's health: the database answers, the broker accepts connections, and the Celery worker
ran the scheduler's heartbeat task recently (which proves the scheduler, broker and worker all run).

The page is public (monitors call it), so a failure is named by a short reason; its details,
which may name hosts and users, go to the log.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from health.models import Heartbeat

WORKER = "celery-worker"
STALE_AFTER = timedelta(minutes=3)
BROKER_TIMEOUT = 1  # seconds
log = logging.getLogger(__name__)


@transaction.atomic
def heartbeat_record(*, name: str, hostname: str = "") -> Heartbeat:
    heartbeat, _created = Heartbeat.objects.update_or_create(
        name=name, defaults={"last_seen": timezone.now(), "hostname": hostname}
    )
    return heartbeat


def check_database() -> dict:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any failure is the answer
        log.exception("health: the database does not answer")
        return {"ok": False, "error": "the database does not answer"}
    return {"ok": True}


def check_broker() -> dict:
    from config.celery_app import app

    try:
        with app.connection_for_write(url=settings.CELERY_BROKER_URL) as conn:
            conn.ensure_connection(max_retries=1, timeout=BROKER_TIMEOUT)
    except Exception:  # noqa: BLE001
        log.exception("health: the broker does not answer")
        return {"ok": False, "error": "the broker does not answer"}
    return {"ok": True}


def check_worker(database_ok: bool) -> dict:
    if not database_ok:
        return {"ok": False, "error": "unknown: the database does not answer"}
    heartbeat = Heartbeat.objects.filter(name=WORKER).first()
    last_seen = heartbeat.last_seen.isoformat() if heartbeat else None
    if heartbeat is None or heartbeat.last_seen < timezone.now() - STALE_AFTER:
        minutes = int(STALE_AFTER.total_seconds() // 60)
        return {"ok": False, "last_seen": last_seen, "error": f"no heartbeat in the last {minutes} minutes"}
    return {"ok": True, "last_seen": last_seen}


def checks() -> dict:
    database = check_database()
    return {
        "database": database,
        "broker": check_broker() if settings.CELERY_BROKER_URL else {"ok": False, "error": "no broker"},
        "worker": check_worker(database["ok"]),
    }
