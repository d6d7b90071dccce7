"""Closing the digests whose hour has come: what a digest says is frozen, and one delivery per
channel is created, pending, for the worker to send (sending.py).

Each official's digest of the day closes at their hour (ReminderPreference.digest_hour, else
SOBHA_REMINDER_DIGEST_HOUR); an older digest still open (nothing ran at its hour) closes at once.
A reminder recorded after its official's digest closed goes to the next day's digest.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from followup.models import Digest, DigestDelivery, Reminder, ReminderPreference
from followup.reminders.channels import enabled_channels

BATCH_SIZE = 500
Status = DigestDelivery.Status


def digests_ready(now: datetime.datetime) -> list[int]:
    """The open digests to close now: today's whose official's hour has come, and older ones."""
    local = timezone.localtime(now)
    hour = Coalesce("official__reminder_preference__digest_hour", Value(settings.SOBHA_REMINDER_DIGEST_HOUR))
    return list(
        Digest.objects.filter(closed_at__isnull=True, for_date__lte=local.date())
        .alias(hour=hour)
        .filter(Q(for_date__lt=local.date()) | Q(hour__lte=local.hour))
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def digests_close(*, now: datetime.datetime, batch_size: int | None = None) -> list[int]:
    """Close the digests ready now; returns the ids of the deliveries to send."""
    ready = digests_ready(now)
    batch_size = batch_size or BATCH_SIZE
    pending: list[int] = []
    for start in range(0, len(ready), batch_size):
        pending += _close_batch(ready[start : start + batch_size], now)
    return pending


@transaction.atomic
def _close_batch(ids: list[int], now: datetime.datetime) -> list[int]:
    # Locked: a sweep still adding reminders to one of these holds it, and this one skips it (the
    # next run closes it); another sweep closing the same digests skips those this one holds.
    digests = list(
        Digest.objects.select_for_update(skip_locked=True, of=("self",))
        .filter(pk__in=ids, closed_at__isnull=True)
        .select_related("official")
        .order_by("pk")
    )
    if not digests:
        return []
    sizes = digest_sizes([d.pk for d in digests])
    preferences = {
        p.official_id: p
        for p in ReminderPreference.objects.filter(official__in=[d.official for d in digests])
    }
    channels = enabled_channels()
    deliveries = []
    for digest in digests:
        if not sizes.get(digest.pk):
            continue  # every reminder in it was recorded before (a re-run): nothing new to say
        for channel in channels:
            if not channel.wanted_by(preferences.get(digest.official_id)):
                continue
            address = channel.address_for(digest.official)
            deliveries.append(
                DigestDelivery(
                    digest=digest,
                    channel=channel.name,
                    address=address,
                    status=Status.PENDING if address else Status.SKIPPED,
                    last_error="" if address else str(channel.missing_address),
                    recover_after=now + datetime.timedelta(seconds=settings.SOBHA_REMINDER_REQUEUE_AFTER)
                    if address
                    else None,
                )
            )
    created = DigestDelivery.objects.bulk_create(deliveries)
    Digest.objects.filter(pk__in=[d.pk for d in digests]).update(closed_at=now)
    return [d.pk for d in created if d.status == Status.PENDING]


def digest_sizes(digest_ids) -> dict[int, int]:
    """{digest id: number of reminders in it}."""
    return dict(
        Reminder.objects.filter(digest_id__in=digest_ids)
        .values("digest")
        .annotate(n=Count("pk"))
        .values_list("digest", "n")
    )
