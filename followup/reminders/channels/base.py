"""The channel interface and the registry that the settings choose from."""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

BUILT_IN = {
    "email": "followup.reminders.channels.email.EmailChannel",
    "sms": "followup.reminders.channels.sms.HttpSmsChannel",
    "log": "followup.reminders.channels.log.LogChannel",
}


class ChannelError(Exception):
    """A send that did not go through and is worth trying again. Its text is shown to office
    administrators: it never holds a secret (an API key, a password)."""


@dataclass(frozen=True)
class Message:
    """One digest, ready for any channel: e-mail uses the subject, text and HTML; SMS the short text.
    `message_id` is fixed per digest, so a copy sent again carries the same Message-ID."""

    subject: str
    text: str
    html: str
    short_text: str
    message_id: str


class Channel:
    name = ""
    label = ""
    missing_address = ""  # why an official cannot be reached this way, for the administrators' page

    def address_for(self, official) -> str:
        """Where this official is reached ("" when they cannot be)."""
        raise NotImplementedError

    def wanted_by(self, preference) -> bool:
        """Does the official (their ReminderPreference, or None for the defaults) want this channel?"""
        return True

    def send(self, message: Message, *, address: str, reference: str) -> None:
        """Hand the message over; return once it was accepted, raise ChannelError otherwise.
        `reference` is the delivery's own key, for gateways that refuse a second message with it."""
        raise NotImplementedError


def channel_classes() -> dict[str, str]:
    return {**BUILT_IN, **getattr(settings, "SOBHA_REMINDER_CHANNEL_CLASSES", {})}


def channel_labels() -> dict[str, str]:
    """{name: label} of every known channel, for pages that show what was sent by which."""
    return {name: str(import_string(path).label) for name, path in channel_classes().items()}


def get_channel(name: str) -> Channel:
    classes = channel_classes()
    if name not in classes:
        raise ImproperlyConfigured(
            f"Unknown reminder channel {name!r}: known are {', '.join(sorted(classes))}."
        )
    return import_string(classes[name])()


def enabled_channels() -> list[Channel]:
    return [get_channel(name) for name in settings.SOBHA_REMINDER_CHANNELS]
