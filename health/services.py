from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from health.models import Heartbeat

WORKER = "celery-worker"
STALE_AFTER = timedelta(minutes=3)


@transaction.atomic
def heartbeat_record(*, name: str, hostname: str = "") -> Heartbeat:
    heartbeat, _created = Heartbeat.objects.update_or_create(
        name=name, defaults={"last_seen": timezone.now(), "hostname": hostname}
    )
    return heartbeat


def worker_is_alive() -> bool:
    """True if the worker ran the scheduled heartbeat recently (so both worker and scheduler run)."""
    return Heartbeat.objects.filter(name=WORKER, last_seen__gte=timezone.now() - STALE_AFTER).exists()
