"""Readers' e-mail alerts. The website owns these rows: they are the only thing it writes, and they
hold no minutes' content, only what a reader follows and which minutes were sent to them.

A subscription exists only once its reader confirmed it (double opt-in): until then its criteria
travel in the signed confirmation link, and nothing is stored."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from minutes.models import Meeting
from offices.models import Office


class Subscription(models.Model):
    email = models.EmailField(_("e-mail"))
    office = models.ForeignKey(
        Office, verbose_name=_("office"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    subordinates = models.BooleanField(_("also the offices below it"), default=False)
    query = models.CharField(_("text"), max_length=200, blank=True)
    fiscal_year = models.PositiveSmallIntegerField(_("fiscal year"), null=True, blank=True)
    # The criteria once more, as one string, so that a reader follows the same thing only once.
    criteria_key = models.CharField(max_length=300)
    language = models.CharField(_("language"), max_length=10, default="bn")
    confirmed_at = models.DateTimeField(_("confirmed"))
    # Minutes published before this moment (less a margin: alerts/services.py) are not new to it.
    checked_until = models.DateTimeField(_("checked until"))

    class Meta:
        verbose_name = _("e-mail alert")
        verbose_name_plural = _("e-mail alerts")
        constraints = [
            models.UniqueConstraint(fields=["email", "criteria_key"], name="alert_subscription_unique"),
        ]

    def __str__(self):
        return f"{self.email}: {self.criteria_key}"


class Alert(models.Model):
    """One e-mail to one subscriber, listing the minutes new to them; recorded before it is sent."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="alerts")
    created_at = models.DateTimeField(auto_now_add=True)
    claimed_at = models.DateTimeField(null=True, blank=True)  # a worker is sending it
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("alert e-mail")
        verbose_name_plural = _("alert e-mails")
        indexes = [
            # Used by alerts_recover (alerts/services.py): the alerts not sent yet.
            models.Index(fields=["created_at"], condition=models.Q(sent_at=None), name="alert_unsent"),
        ]

    def __str__(self):
        return f"{self.subscription_id} @ {self.created_at:%Y-%m-%d %H:%M}"


class AlertItem(models.Model):
    """Minutes told to a subscriber: at most once per (subscription, minutes), by this constraint."""

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="items")
    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="+")
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["subscription", "meeting"], name="alert_once_per_minutes"),
        ]

    def __str__(self):
        return f"{self.subscription_id}: {self.meeting_id}"
