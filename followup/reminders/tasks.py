"""The reminders' Celery tasks. They take ids and call the services; the rules live in the services.

`followup.reminders.sweep` is the one periodic task ("daily follow-up sweep", in django-celery-beat's
schedule, hourly): record the day's reminders, queue again what a dead worker or a lost queue left,
close the digests whose hour has come and queue their sends. Running it twice, or two at once, adds
nothing: recording is guarded by a unique constraint, closing and sending by claims.
"""

import logging

from celery import current_app, shared_task
from django.utils import timezone

from followup.reminders import digests, recording, sending
from followup.reminders.selection import due_for_reminder

log = logging.getLogger(__name__)

# A sweep records for at most this long, then queues its continuation (the Celery time limits stay far).
RECORDING_SECONDS = 150


@shared_task(name="followup.reminders.sweep", acks_late=True)
def followup_sweep() -> dict:
    now = timezone.now()
    today = timezone.localdate(now)
    recorded, finished = recording.reminders_record(today=today, seconds=RECORDING_SECONDS)
    if not finished:
        followup_sweep.delay()
        return {"recorded": recorded, "finished": False}
    again = sending.deliveries_to_recover(now=now)
    # Items still due: another sweep is recording them right now. Its digests close when it is done
    # (or at the next run), so that none of today's reminders is pushed to tomorrow by this one.
    closed = [] if due_for_reminder(today).exists() else digests.digests_close(now=now)
    queue_sends([*again, *closed])
    log.info("Follow-up sweep: %s items, %s sends queued, %s queued again", recorded, len(closed), len(again))
    return {"recorded": recorded, "queued": len(closed), "requeued": len(again)}


def queue_sends(delivery_ids: list[int]) -> None:
    """Queue one send task per delivery, over one connection to the broker (thousands a minute)."""
    with current_app.producer_or_acquire() as producer:
        for delivery_id in delivery_ids:
            digest_delivery_send.apply_async((delivery_id,), producer=producer)


@shared_task(bind=True, name="followup.reminders.send", acks_late=True, max_retries=None)
def digest_delivery_send(self, delivery_id: int) -> str:
    if not sending.delivery_claim(delivery_id):
        return "claimed elsewhere, done, or out of attempts"
    try:
        return sending.delivery_send(delivery_id)
    except sending.SendFailed as failure:
        if failure.retry_in is None:
            log.error("Reminder delivery %s failed for good: %s", delivery_id, failure)
            return "failed"
        log.warning("Reminder delivery %s failed, retried in %ss: %s", delivery_id, failure.retry_in, failure)
        raise self.retry(exc=failure, countdown=failure.retry_in) from failure
