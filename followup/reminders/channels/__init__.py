"""The ways a digest reaches an official. A channel is a small class (base.Channel): who it can reach
and how it sends one message. Which channels run is a setting (SOBHA_REMINDER_CHANNELS); a new one
is added by configuration: a class named in SOBHA_REMINDER_CHANNEL_CLASSES, no other code changes."""

from followup.reminders.channels.base import Channel, ChannelError, enabled_channels, get_channel

__all__ = ["Channel", "ChannelError", "enabled_channels", "get_channel"]
