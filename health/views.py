from django.http import JsonResponse

from health.models import Heartbeat
from health.services import WORKER, worker_is_alive


def status(request):
    """Machine-readable status for monitoring: is the database reachable, is the worker alive."""
    heartbeat = Heartbeat.objects.filter(name=WORKER).first()
    return JsonResponse(
        {
            "database": "ok",
            "worker_alive": worker_is_alive(),
            "worker_last_seen": heartbeat.last_seen.isoformat() if heartbeat else None,
        }
    )
