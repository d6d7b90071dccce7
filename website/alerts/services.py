"""E-mail alerts: subscribing (double opt-in), cancelling, and telling each subscriber, once, of the
published minutes new to them.

- A request stores nothing: it queues a confirmation e-mail whose signed link carries the criteria.
  Only the confirmation (a POST from that link) creates the subscription.
- A beat task (website.tasks.alerts_collect_task, CELERY_BEAT_SCHEDULE) looks at the minutes
  published since the subscriptions were last checked, and for each subscription records an Alert
  with the matching minutes not told before (AlertItem is unique per subscription and minutes:
  recorded before sending, so a meeting is never told twice), then queues its e-mail.
- The e-mail is claimed before it is sent (a conditional UPDATE), so two workers never send it both;
  minutes withdrawn meanwhile are left out of it.
"""

import datetime
import logging

from django.db import IntegrityError, transaction
from django.db.models import F, Max, Min, Q
from django.utils import timezone

from minutes.models import Meeting, Transition
from website.alerts import emails
from website.alerts.models import Alert, AlertItem, Subscription
from website.alerts.tokens import confirmation_token, read_confirmation, read_unsubscribe
from website.following import Criteria

log = logging.getLogger(__name__)

# Minutes are published (their Transition row stamped) a moment before their transaction commits, so
# each check looks this far back before the last one; AlertItem keeps what is seen twice from being
# told twice.
LATE_COMMIT_MARGIN = datetime.timedelta(hours=1)
CLAIM_SECONDS = 15 * 60  # a claimed alert not sent after this long is sent again (a worker died)


def criteria_key(criteria: Criteria) -> str:
    office = criteria.office.pk if criteria.office else ""
    return f"o={office};s={int(criteria.subordinates)};y={criteria.fiscal_year or ''};q={criteria.query}"


def subscription_criteria(subscription: Subscription) -> Criteria:
    return Criteria(
        office=subscription.office,
        subordinates=subscription.subordinates,
        query=subscription.query,
        fiscal_year=subscription.fiscal_year,
    )


def subscription_request(*, email: str, criteria: Criteria, language: str) -> None:
    """Queue the confirmation e-mail; nothing is stored and nothing else is sent until it is confirmed."""
    from website.tasks import alert_confirmation_send_task

    token = confirmation_token(email=email.strip(), criteria=criteria, language=language)
    transaction.on_commit(lambda: alert_confirmation_send_task.delay(token))


@transaction.atomic
def subscription_confirm(*, token: str) -> tuple[Subscription, bool]:
    """(the subscription, whether it is new). Raises BadToken. Confirming twice is harmless."""
    email, criteria, language = read_confirmation(token)
    now = timezone.now()
    fields = {
        "office": criteria.office,
        "subordinates": criteria.subordinates,
        "query": criteria.query,
        "fiscal_year": criteria.fiscal_year,
        "language": language,
        "confirmed_at": now,
        "checked_until": now,
    }
    key = criteria_key(criteria)
    existing = Subscription.objects.filter(email=email, criteria_key=key).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            return Subscription.objects.create(email=email, criteria_key=key, **fields), True
    except IntegrityError:  # confirmed at the same moment in another tab
        return Subscription.objects.get(email=email, criteria_key=key), False


def subscription_for_token(token: str) -> Subscription | None:
    """The subscription an unsubscribe link names, or None if it is gone. Raises BadToken."""
    pk, email = read_unsubscribe(token)
    return Subscription.objects.select_related("office").filter(pk=pk, email=email).first()


@transaction.atomic
def subscription_cancel(*, token: str) -> bool:
    """Delete the subscription (and its record of alerts); False if it was gone already."""
    pk, email = read_unsubscribe(token)
    deleted, _ = Subscription.objects.filter(pk=pk, email=email).delete()
    return bool(deleted)


# ---- Telling subscribers ----------------------------------------------------------------------------


def recently_published(since: datetime.datetime) -> dict[int, datetime.datetime]:
    """{minutes id: when last published} of the minutes published (and still published) since then."""
    return dict(
        Transition.objects.filter(
            to_state=Meeting.State.PUBLISHED, at__gt=since, meeting__state=Meeting.State.PUBLISHED
        )
        .values_list("meeting_id")
        .annotate(Max("at"))
    )


def alerts_collect() -> list[int]:
    """Record an alert for each subscription that has new minutes; the ids of the alerts recorded
    (their e-mails are queued when each one commits)."""
    now = timezone.now()
    earliest = Subscription.objects.aggregate(earliest=Min("checked_until"))["earliest"]
    if earliest is None:
        return []
    published = recently_published(earliest - LATE_COMMIT_MARGIN)
    if not published:
        return []
    office_ids: dict[tuple[int, bool], list[int]] = {}
    recorded = []
    for subscription in Subscription.objects.select_related("office").order_by("pk").iterator(chunk_size=500):
        criteria = subscription_criteria(subscription)
        if criteria.office is not None:
            key = (criteria.office.pk, criteria.subordinates)
            if key not in office_ids:
                office_ids[key] = criteria.office_ids()
        ids = office_ids[(criteria.office.pk, criteria.subordinates)] if criteria.office else None
        alert = alert_record(subscription_id=subscription.pk, published=published, office_ids=ids, now=now)
        if alert is not None:
            recorded.append(alert.pk)
    return recorded


@transaction.atomic
def alert_record(
    *,
    subscription_id: int,
    published: dict[int, datetime.datetime],
    office_ids: list[int] | None,
    now: datetime.datetime,
) -> Alert | None:
    """For one subscription (its row locked): the recently published minutes it matches, published
    since it was last checked and never told to it, recorded as one Alert; then its e-mail queued."""
    from website.tasks import alert_send_task

    subscription = (
        Subscription.objects.select_for_update(of=("self",))
        .select_related("office")
        .filter(pk=subscription_id)
        .first()
    )
    if subscription is None:
        return None
    since = max(subscription.confirmed_at, subscription.checked_until - LATE_COMMIT_MARGIN)
    candidates = [pk for pk, at in published.items() if at > since]
    new = []
    if candidates:
        matching = set(
            subscription_criteria(subscription)
            .minutes(office_ids)
            .filter(pk__in=candidates)
            .values_list("pk", flat=True)
        )
        told = set(
            AlertItem.objects.filter(subscription=subscription, meeting_id__in=matching).values_list(
                "meeting_id", flat=True
            )
        )
        new = sorted(matching - told)
    Subscription.objects.filter(pk=subscription.pk).update(checked_until=now)
    if not new:
        return None
    alert = Alert.objects.create(subscription=subscription)
    AlertItem.objects.bulk_create(
        [AlertItem(alert=alert, subscription=subscription, meeting_id=pk) for pk in new]
    )
    transaction.on_commit(lambda: alert_send_task.delay(alert.pk))
    return alert


def alert_claim(alert_id: int) -> bool:
    """Take the alert for sending: True for exactly one worker (again after CLAIM_SECONDS)."""
    now = timezone.now()
    stale = now - datetime.timedelta(seconds=CLAIM_SECONDS)
    return (
        Alert.objects.filter(pk=alert_id, sent_at=None)
        .filter(Q(claimed_at=None) | Q(claimed_at__lt=stale))
        .update(claimed_at=now, attempts=F("attempts") + 1)
        == 1
    )


def alert_release(alert_id: int) -> None:
    """Sending failed: another attempt may claim it."""
    Alert.objects.filter(pk=alert_id, sent_at=None).update(claimed_at=None)


def alert_send(alert_id: int) -> int:
    """Send a claimed alert: the minutes in it that are still published (withdrawn ones are left
    out; none left: nothing is sent). The number of minutes told."""
    alert = Alert.objects.select_related("subscription__office").get(pk=alert_id)
    minutes = list(
        Meeting.objects.filter(pk__in=alert.items.values("meeting_id"), state=Meeting.State.PUBLISHED)
        .select_related("office")
        .order_by("-issue_date", "-id")
    )
    if minutes:
        emails.alert_email(alert.subscription, minutes).send()
    Alert.objects.filter(pk=alert_id).update(sent_at=timezone.now())
    return len(minutes)


def alerts_unsent(older_than: datetime.timedelta) -> list[int]:
    """Alerts recorded but not sent after this long (a lost task, a dead worker)."""
    before = timezone.now() - older_than
    return list(Alert.objects.filter(sent_at=None, created_at__lt=before).values_list("pk", flat=True))
