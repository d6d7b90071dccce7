"""Celery tasks of the minutes app. They take ids, reload, and call services; rules live in the services."""

import logging

from celery import shared_task
from django.conf import settings

from minutes import delivery
from minutes.models import Meeting
from minutes.pdf import store_issued_document

log = logging.getLogger(__name__)


@shared_task(acks_late=True)
def issued_minutes_distribute(meeting_id: int) -> int:
    """After issue: store the issued document once, record a delivery per recipient, queue the sends."""
    meeting = Meeting.objects.select_related("office").get(pk=meeting_id)
    store_issued_document(meeting)
    ids = delivery.deliveries_record(meeting=meeting)
    for delivery_id in ids:
        delivery_send_task.delay(delivery_id)
    return len(ids)


@shared_task(bind=True, acks_late=True, max_retries=delivery.MAX_ATTEMPTS - 1)
def delivery_send_task(self, delivery_id: int) -> str:
    if not delivery.delivery_claim(delivery_id):
        return "already claimed or sent"
    try:
        delivery.delivery_send(delivery_id)
    except Exception as error:
        log.warning("Delivery %s failed: %s", delivery_id, error)
        countdown = min(settings.SOBHA_DELIVERY_RETRY_SECONDS * 2**self.request.retries, 3600)
        raise self.retry(exc=error, countdown=countdown) from error
    return "sent"


@shared_task
def deliveries_recover() -> int:
    """Beat: requeue deliveries interrupted by a dead worker."""
    ids = delivery.deliveries_recover_stale()
    for delivery_id in ids:
        delivery_send_task.delay(delivery_id)
    return len(ids)
