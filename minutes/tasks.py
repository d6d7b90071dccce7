"""Celery tasks of the minutes app. They take ids, reload, and call services; rules live in the services.

Printing tasks run under Celery's time limits, and each print also runs in a child process
with its own limit (minutes/document/render.py).
"""

import datetime
import logging

from celery import shared_task
from django.conf import settings

from minutes.delivery import services as delivery
from minutes.document import store
from minutes.document.render import RenderFailed, RenderTimeout
from minutes.document.selectors import issued_without_document
from minutes.models import Meeting

log = logging.getLogger(__name__)


@shared_task(bind=True, acks_late=True, max_retries=3, soft_time_limit=settings.SOBHA_RENDER_TIME_LIMIT + 30)
def issued_minutes_store_and_distribute(self, meeting_id: int) -> int:
    """After issue: render and store the issued document once, record a delivery per recipient,
    queue the sends."""
    meeting = Meeting.objects.select_related("office").get(pk=meeting_id)
    try:
        store.store_issued_document(meeting)
    except (RenderTimeout, RenderFailed) as error:
        log.error("Issued minutes %s could not be printed: %s", meeting_id, error)
        raise self.retry(exc=error, countdown=60) from error
    ids = delivery.deliveries_record(meeting=meeting)
    for delivery_id in ids:
        delivery_send_task.delay(delivery_id)
    return len(ids)


@shared_task
def issued_documents_recover() -> int:
    """Beat: queue again the issued minutes whose document is still missing (logged as an error)."""
    ids = list(
        issued_without_document(older_than=datetime.timedelta(minutes=10)).values_list("pk", flat=True)
    )
    for meeting_id in ids:
        log.error("Issued minutes %s have no stored document yet: printing them again", meeting_id)
        issued_minutes_store_and_distribute.delay(meeting_id)
    return len(ids)


@shared_task(acks_late=True, soft_time_limit=settings.SOBHA_DRAFT_RENDER_TIME_LIMIT + 15)
def draft_pdf_print_task(meeting_id: int) -> None:
    meeting = Meeting.objects.select_related("office").filter(pk=meeting_id).first()
    if meeting is not None and not meeting.is_issued:
        store.draft_pdf_print(meeting)


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
