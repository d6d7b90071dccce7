"""E-mail deliveries of issued minutes, one row per recipient (minutes/delivery/services.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from minutes.models.content import Recipient
from minutes.models.meeting import Meeting


class Delivery(models.Model):
    """One e-mail of an issued document to one recipient, recorded before it is sent."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="deliveries")
    recipient = models.ForeignKey(Recipient, on_delete=models.CASCADE, related_name="deliveries")
    email = models.EmailField(_("e-mail"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("e-mail delivery")
        verbose_name_plural = _("e-mail deliveries")
        ordering = ["meeting", "recipient__order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "recipient", "email"], name="delivery_once_per_recipient"
            ),
        ]

    def __str__(self):
        return f"{self.email}: {self.get_status_display()}"
