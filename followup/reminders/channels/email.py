"""E-mail through Django's mail API (EMAIL_URL): plain text with an HTML alternative."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.utils.translation import gettext_lazy as _

from followup.reminders.channels.base import Channel, ChannelError, Message


class EmailChannel(Channel):
    name = "email"
    label = _("e-mail")
    missing_address = _("No e-mail address: add it to the official's record.")

    def address_for(self, official) -> str:
        return official.email

    def send(self, message: Message, *, address: str, reference: str) -> None:
        mail = EmailMultiAlternatives(
            subject=message.subject,
            body=message.text,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[address],
            headers={"Message-ID": message.message_id, "X-Sobha-Reminders": reference},
        )
        mail.attach_alternative(message.html, "text/html")
        try:
            mail.send(fail_silently=False)
        except OSError as error:  # smtplib's errors, refused connections and time-outs are OSErrors
            raise ChannelError(f"{type(error).__name__}: {error}") from error
