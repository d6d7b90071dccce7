"""A system check: the reminder channels named in the settings exist (`manage.py check`, and every start)."""

from django.conf import settings
from django.core.checks import Error

from followup.reminders.channels.base import channel_classes


def check_channels(app_configs, **kwargs):
    known = channel_classes()
    return [
        Error(
            f"SOBHA_REMINDER_CHANNELS names an unknown channel {name!r}.",
            hint=f"Known channels: {', '.join(sorted(known))}; add one in SOBHA_REMINDER_CHANNEL_CLASSES.",
            id="followup.E001",
        )
        for name in settings.SOBHA_REMINDER_CHANNELS
        if name not in known
    ]
