"""Reminders (docs/reminders.md): one Celery sweep records what falls due each day and sends each
responsible official one digest a day, by e-mail first (and SMS by configuration), exactly once.

    schedule.py    when an item is reminded (pure date arithmetic over its office's policy)
    selection.py   what is due today (the index on status, next_reminder_on)
    recipients.py  who is told: those responsible, then the heads and the superior office's team
    recording.py   Reminder rows in the officials' digests, recorded before anything is sent
    digests.py     closing the digests whose hour has come: one delivery per channel
    message.py     what a digest says, in Bangla (text, HTML, SMS)
    sending.py     claim → send → sent / failed (back-off) / recovered after a dead worker
    channels/      e-mail, SMS over HTTP, the log (development)
    tasks.py       the hourly sweep and the send task
    services.py, forms.py, views.py, selectors.py, urls.py: the office's policy, the official's
                   preferences, and the page of what was sent
"""

from django.utils.translation import gettext_lazy as _

from offices.administration.sections import Section

SECTION = Section(
    "reminders",
    _("Reminders"),
    "reminders:office_policy",
    _("When decisions and indicators are reminded; the digests sent and those that failed."),
)
