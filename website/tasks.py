"""Celery tasks of the website: the e-mail alerts (website/alerts/services.py holds the rules). They
take ids (a confirmation, its signed token: nothing is stored before it is confirmed), reload and
call the services."""

import datetime
import logging
import smtplib

from celery import shared_task

from website.alerts import emails, services
from website.alerts.tokens import BadToken

log = logging.getLogger(__name__)
RETRY_SECONDS = 60


@shared_task(bind=True, acks_late=True, max_retries=5)
def alert_confirmation_send_task(self, token: str) -> str:
    try:
        message = emails.confirmation_email(token)
    except BadToken:
        return "expired"
    try:
        message.send()
    except (smtplib.SMTPException, OSError) as error:
        log.warning("Alert confirmation not sent yet: %s", error)
        raise self.retry(exc=error, countdown=RETRY_SECONDS * 2**self.request.retries) from error
    return "sent"


@shared_task(bind=True, acks_late=True, max_retries=5)
def alert_send_task(self, alert_id: int) -> str:
    if not services.alert_claim(alert_id):
        return "already claimed or sent"
    try:
        services.alert_send(alert_id)
    except (smtplib.SMTPException, OSError) as error:
        services.alert_release(alert_id)
        log.warning("Alert %s not sent yet: %s", alert_id, error)
        raise self.retry(exc=error, countdown=RETRY_SECONDS * 2**self.request.retries) from error
    return "sent"


@shared_task
def alerts_collect_task() -> int:
    """Beat: record the alerts of minutes published since the last run (each queues its e-mail), and
    queue again the alerts still unsent long after they were recorded."""
    recorded = services.alerts_collect()
    for alert_id in services.alerts_unsent(older_than=datetime.timedelta(minutes=30)):
        alert_send_task.delay(alert_id)
    return len(recorded)
