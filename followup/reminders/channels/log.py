"""For development: the digest is written to the log instead of being sent."""

import logging

from django.utils.translation import gettext_lazy as _

from followup.reminders.channels.base import Channel, Message

log = logging.getLogger("followup.reminders")


class LogChannel(Channel):
    name = "log"
    label = _("log (development)")
    missing_address = _("No e-mail address: add it to the official's record.")

    def address_for(self, official) -> str:
        return official.email or f"official-{official.pk}"

    def send(self, message: Message, *, address: str, reference: str) -> None:
        log.info("Reminder digest %s for %s: %s\n%s", reference, address, message.subject, message.text)
