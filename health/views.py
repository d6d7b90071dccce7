"""Machine-readable status for monitoring: 200 when the database, the broker and the worker all
answer, 503 with the reason of each failure otherwise."""

from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from health.services import checks


@never_cache
@require_GET
def status(request):
    results = checks()
    healthy = all(result["ok"] for result in results.values())
    return JsonResponse({"healthy": healthy, **results}, status=200 if healthy else 503)
