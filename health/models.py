from django.db import models
from django.utils.translation import gettext_lazy as _


class Heartbeat(models.Model):
    """The last time a background process showed it was alive (written by a Celery task)."""

    name = models.CharField(_("process"), max_length=50, unique=True)
    last_seen = models.DateTimeField(_("last seen"))
    hostname = models.CharField(_("host"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("heartbeat")
        verbose_name_plural = _("heartbeats")

    def __str__(self):
        return f"{self.name} @ {self.last_seen:%Y-%m-%d %H:%M:%S}"
