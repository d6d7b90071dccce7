import socket

from celery import shared_task


@shared_task
def record_heartbeat() -> None:
    """Queued by the beat scheduler every minute; proves the scheduler, broker and worker all run."""
    from health.services import WORKER, heartbeat_record

    heartbeat_record(name=WORKER, hostname=socket.gethostname())
