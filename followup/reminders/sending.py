"""Sending a digest by one channel, at most once per claim:

    pending ──claim──▶ sending ──accepted──▶ sent
       ▲                  │
       │                  ├──refused / error──▶ failed ──claim (retry, back-off)──▶ sending …
       │                  └──worker died (after SOBHA_REMINDER_SENDING_TIMEOUT)──▶ failed (interrupted)
       └── skipped: no address, or nothing left to remind

A claim is a conditional UPDATE (pending or failed, attempts left → sending): of two workers holding
the same task, or a task and the sweep's copy of it, exactly one sends. The send is marked sent as soon
as the channel accepted it. The one window left: a worker killed after the SMTP server accepted the
message and before "sent" was written; the send is then taken up again after the timeout and the
official gets a second copy with the same Message-ID (docs/reminders.md).
"""

import datetime

from django.conf import settings
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from followup.models import DigestDelivery
from followup.reminders.channels import get_channel
from followup.reminders.message import build_message

Status = DigestDelivery.Status
CLAIMABLE = (Status.PENDING, Status.FAILED)
MAX_BACK_OFF = 3600


def _seconds(value: int) -> datetime.timedelta:
    return datetime.timedelta(seconds=value)


def delivery_claim(delivery_id: int) -> bool:
    """Take a pending or failed send that has attempts left; False if another worker has it, it was
    sent or skipped, or it has been tried SOBHA_REMINDER_MAX_ATTEMPTS times."""
    now = timezone.now()
    claimed = DigestDelivery.objects.filter(
        pk=delivery_id, status__in=CLAIMABLE, attempts__lt=settings.SOBHA_REMINDER_MAX_ATTEMPTS
    ).update(
        status=Status.SENDING,
        attempts=F("attempts") + 1,
        claimed_at=now,
        recover_after=now + _seconds(settings.SOBHA_REMINDER_SENDING_TIMEOUT),
    )
    return claimed == 1


class SendFailed(Exception):
    """A try failed and was recorded; `retry_in`: seconds until the next one, None if none is left."""

    def __init__(self, reason: str, retry_in: int | None):
        super().__init__(reason)
        self.retry_in = retry_in


def delivery_send(delivery_id: int) -> str:
    """Send a claimed delivery and record the outcome: "sent" or "skipped"; SendFailed if it failed."""
    delivery = DigestDelivery.objects.select_related("digest__official").get(pk=delivery_id)
    message = build_message(delivery.digest)
    if message is None:
        _finish(
            delivery_id,
            Status.SKIPPED,
            last_error=_("Nothing left to remind: the items were done meanwhile."),
        )
        return "skipped"
    try:
        get_channel(delivery.channel).send(message, address=delivery.address, reference=f"SOBHA{delivery.pk}")
    except Exception as error:
        raise SendFailed(str(error), delivery_failed(delivery_id, error)) from error
    _finish(delivery_id, Status.SENT, sent_at=timezone.now(), last_error="")
    return "sent"


def _finish(delivery_id: int, status: str, **fields) -> None:
    DigestDelivery.objects.filter(pk=delivery_id).update(status=status, recover_after=None, **fields)


def retry_delay(attempts: int) -> int:
    """Seconds before the next try after `attempts` tries: doubling from SOBHA_REMINDER_RETRY_SECONDS."""
    return min(settings.SOBHA_REMINDER_RETRY_SECONDS * 2 ** max(attempts - 1, 0), MAX_BACK_OFF)


def delivery_failed(delivery_id: int, error: Exception) -> int | None:
    """Record a failed try; returns the seconds until the next one, None when there is none left."""
    attempts = DigestDelivery.objects.values_list("attempts", flat=True).get(pk=delivery_id)
    delay = retry_delay(attempts) if attempts < settings.SOBHA_REMINDER_MAX_ATTEMPTS else None
    # Should the task's own retry be lost (a broker restarted), the sweep queues it again after this.
    recover_after = (
        None if delay is None else timezone.now() + _seconds(delay + settings.SOBHA_REMINDER_REQUEUE_AFTER)
    )
    DigestDelivery.objects.filter(pk=delivery_id).update(
        status=Status.FAILED,
        last_error=f"{error}"[:1000] or type(error).__name__,
        recover_after=recover_after,
    )
    return delay


def deliveries_to_recover(*, now: datetime.datetime) -> list[int]:
    """Sends the sweep queues again: those left "sending" by a worker that died (after the timeout),
    and pending or failed ones whose task has not come (lost with a broker's queue)."""
    stale = DigestDelivery.objects.filter(status=Status.SENDING, recover_after__lte=now)
    interrupted = _("Interrupted: the worker stopped during the send.")
    stale.filter(attempts__lt=settings.SOBHA_REMINDER_MAX_ATTEMPTS).update(
        status=Status.FAILED, last_error=interrupted, recover_after=now
    )
    stale.update(status=Status.FAILED, last_error=interrupted, recover_after=None)  # no attempt left
    return list(
        DigestDelivery.objects.filter(status__in=CLAIMABLE, recover_after__lte=now)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
