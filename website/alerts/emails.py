"""The alerts' e-mails, in the language the reader subscribed in (Bangla unless they chose English):
the confirmation (double opt-in) and the alert listing new minutes, with a one-click unsubscribe
(RFC 8058: List-Unsubscribe with an https link and List-Unsubscribe-Post)."""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from bangla.forms import shown_digits
from minutes.models import Meeting
from website.addresses import minutes_url
from website.alerts.models import Subscription
from website.alerts.tokens import CONFIRM_MAX_AGE, read_confirmation, unsubscribe_token
from website.following import site_url


def confirmation_email(token: str) -> EmailMessage:
    email, criteria, language = read_confirmation(token)
    with translation.override(language):
        ctx = {
            "what": criteria.describe(),
            "link": site_url(reverse("public:alerts_confirm", args=[token])),
            "days": shown_digits(CONFIRM_MAX_AGE // 86400),
            "site_url": site_url("/public/"),
        }
        subject = render_to_string("website/alerts/email_confirm_subject.txt", ctx).strip()
        body = render_to_string("website/alerts/email_confirm.txt", ctx)
    return EmailMessage(subject=subject, body=body, to=[email])


def unsubscribe_link(subscription: Subscription) -> str:
    return site_url(reverse("public:alerts_unsubscribe", args=[unsubscribe_token(subscription)]))


def alert_email(subscription: Subscription, minutes: list[Meeting]) -> EmailMessage:
    from website.alerts.services import subscription_criteria

    unsubscribe = unsubscribe_link(subscription)
    with translation.override(subscription.language):
        ctx = {
            "what": subscription_criteria(subscription).describe(),
            "minutes": [(meeting, site_url(minutes_url(meeting))) for meeting in minutes],
            "count": len(minutes),
            "unsubscribe": unsubscribe,
            "site_url": site_url("/public/"),
        }
        subject = render_to_string("website/alerts/email_alert_subject.txt", ctx).strip()
        body = render_to_string("website/alerts/email_alert.txt", ctx)
    headers = {"List-Unsubscribe": f"<{unsubscribe}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    return EmailMessage(subject=subject, body=body, to=[subscription.email], headers=headers)
