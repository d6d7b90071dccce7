"""E-mailing issued minutes to their recipients: one Delivery row per recipient, recorded before sending.

A delivery is *claimed* with a conditional UPDATE (queued/failed → sending) before
the message goes out, so a task that runs twice, or two workers, never send the
same delivery twice. A worker killed mid-send leaves the row "sending"; after
STALE_AFTER it is put back as failed ("interrupted") and retried.
"""

import datetime

from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from bangla.digits import to_bangla_digits
from minutes.document.selectors import issued_pdf
from minutes.document.store import public_url
from minutes.models import Delivery, Meeting
from offices.access import Role, require_role

STALE_AFTER = datetime.timedelta(minutes=10)
MAX_ATTEMPTS = 6


@transaction.atomic
def deliveries_record(*, meeting: Meeting) -> list[int]:
    """Create the missing Delivery rows of an issued meeting; returns the ids still to send."""
    existing = set(Delivery.objects.filter(meeting=meeting).values_list("recipient_id", "email"))
    Delivery.objects.bulk_create(
        Delivery(meeting=meeting, recipient=r, email=r.email)
        for r in meeting.recipients.exclude(email="")
        if (r.id, r.email) not in existing
    )
    return list(
        Delivery.objects.filter(meeting=meeting, status__in=[Delivery.Status.QUEUED, Delivery.Status.FAILED])
        .filter(attempts__lt=MAX_ATTEMPTS)
        .values_list("id", flat=True)
    )


def delivery_claim(delivery_id: int) -> bool:
    """Mark a queued or failed delivery as being sent; False if someone else has it, or it is sent."""
    claimed = Delivery.objects.filter(
        id=delivery_id, status__in=[Delivery.Status.QUEUED, Delivery.Status.FAILED]
    ).update(status=Delivery.Status.SENDING, attempts=F("attempts") + 1, updated_at=timezone.now())
    return claimed == 1


def delivery_send(delivery_id: int) -> None:
    """Send one claimed delivery; records the outcome. Raises on failure so the task can retry."""
    delivery = Delivery.objects.select_related("meeting__office", "recipient").get(id=delivery_id)
    meeting = delivery.meeting
    try:
        message = build_message(meeting, delivery)
        message.send(fail_silently=False)
    except Exception as error:
        Delivery.objects.filter(id=delivery_id).update(
            status=Delivery.Status.FAILED, last_error=f"{type(error).__name__}: {error}"[:1000]
        )
        raise
    Delivery.objects.filter(id=delivery_id).update(
        status=Delivery.Status.SENT, sent_at=timezone.now(), last_error=""
    )


class DocumentNotStored(Exception):
    """The issued document has not been stored yet; the send is retried later."""


def build_message(meeting: Meeting, delivery: Delivery) -> EmailMessage:
    stored = issued_pdf(meeting)
    if stored is None:
        raise DocumentNotStored(f"the issued document of meeting {meeting.pk} is not stored yet")
    # The website's link only once the minutes are published: before that it would lead nowhere.
    url = public_url(meeting) if meeting.is_public else ""
    context = {"meeting": meeting, "recipient": delivery.recipient, "url": url}
    subject = _("Minutes: %(title)s (memo %(memo)s)") % {
        "title": meeting.title,
        "memo": to_bangla_digits(meeting.memo_number),
    }
    message = EmailMessage(
        subject=subject.replace("\n", " "),
        body=render_to_string("minutes/email_minutes.txt", context),
        to=[delivery.email],
        headers={"X-Sobha-Delivery": str(delivery.id)},
    )
    message.attach(f"minutes-{meeting.memo_number}.pdf", stored[0], "application/pdf")
    return message


def deliveries_recover_stale() -> list[int]:
    """Deliveries left "sending" by a worker that died: mark them failed (interrupted) to be retried."""
    cutoff = timezone.now() - STALE_AFTER
    stale = Delivery.objects.filter(status=Delivery.Status.SENDING, updated_at__lt=cutoff)
    ids = list(stale.values_list("id", flat=True))
    stale.update(
        status=Delivery.Status.FAILED, last_error=_("Interrupted: the worker stopped during the send.")
    )
    return ids


@transaction.atomic
def delivery_resend(*, delivery: Delivery, by) -> None:
    """The issuing officer asks for one more try (also of a sent one, e.g. lost in the recipient's inbox)."""
    from minutes.tasks import delivery_send_task  # tasks call these services: import when needed

    require_role(by, delivery.meeting.office, Role.ISSUER, Role.ADMIN)
    updated = Delivery.objects.filter(Q(id=delivery.id) & ~Q(status=Delivery.Status.SENDING)).update(
        status=Delivery.Status.QUEUED, attempts=0
    )
    if updated:
        transaction.on_commit(lambda: delivery_send_task.delay(delivery.id))
