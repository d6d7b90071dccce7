"""Celery tasks of the offices app: they take ids, reload, and send."""

import logging
import smtplib

from celery import shared_task

from offices.invitations import invitation_email
from offices.models import Office, User

log = logging.getLogger(__name__)


@shared_task(bind=True, acks_late=True, max_retries=5)
def invitation_send_task(self, user_id: int, office_id: int, by_id: int | None) -> str:
    """E-mail an invitation, unless the account has become active (or gone) since it was queued."""
    user = User.objects.filter(pk=user_id, is_active=False).first()
    office = Office.objects.filter(pk=office_id).first()
    if user is None or office is None or not user.email:
        return "nothing to send"
    by = User.objects.filter(pk=by_id).select_related("official").first() if by_id else None
    try:
        invitation_email(user=user, office=office, by=by).send()
    except (smtplib.SMTPException, OSError) as error:
        log.warning("Invitation to user %s not sent yet: %s", user_id, error)
        raise self.retry(exc=error, countdown=30 * 2**self.request.retries) from error
    return "sent"
