"""Invitations: an office administrator invites someone by e-mail; the e-mailed link, built like
Django's password-reset link, lets them set a password, which makes the account active.

The link's token is Django's password-reset token with its own salt and the account's state in
its hash: it works once (setting the password changes the hash), not for an active account, and
not after the account was deactivated (which makes the password unusable). It expires like a
password-reset link (PASSWORD_RESET_TIMEOUT).
"""

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from bangla.digits import to_bangla_digits
from offices.models import Office, OfficeRole, User


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "offices.invitations.InvitationTokenGenerator"

    def _make_hash_value(self, user, timestamp):
        return f"{super()._make_hash_value(user, timestamp)}{user.is_active}"


invitation_token_generator = InvitationTokenGenerator()


def invitation_link(user: User) -> str:
    """The set-password link, on the portal's public address (SOBHA_SITE_URL)."""
    path = reverse(
        "offices:invitation_accept",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": invitation_token_generator.make_token(user),
        },
    )
    return settings.SITE_URL.rstrip("/") + path


def invitation_email(*, user: User, office: Office, by: User | None) -> EmailMessage:
    """The invitation, in Bangla whatever language the administrator uses."""
    labels = dict(OfficeRole.Role.choices)
    with translation.override(settings.LANGUAGE_CODE):
        held = OfficeRole.objects.filter(user=user, office=office).values_list("role", flat=True)
        ctx = {
            "user": user,
            "office": office,
            "by": by.display_name() if by is not None else "",
            "roles": ", ".join(str(labels[role]) for role in OfficeRole.Role.values if role in held),
            "link": invitation_link(user),
            "days": to_bangla_digits(str(max(1, settings.PASSWORD_RESET_TIMEOUT // 86400))),
            "site_url": settings.SITE_URL.rstrip("/"),
        }
        subject = render_to_string("offices/email/invitation_subject.txt", ctx).strip()
        body = render_to_string("offices/email/invitation.txt", ctx)
    return EmailMessage(subject=subject, body=body, to=[user.email])
