"""The record of each workflow step taken (minutes/workflow/steps.py holds the rules)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from minutes.models.meeting import Meeting


class Transition(models.Model):
    """One step of the workflow (submitted, returned with a comment, approved, issued, published)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="transitions")
    from_state = models.CharField(_("from"), max_length=20, choices=Meeting.State.choices)
    to_state = models.CharField(_("to"), max_length=20, choices=Meeting.State.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT, related_name="+"
    )
    by_name = models.CharField(_("name"), max_length=200)
    by_designation = models.CharField(_("designation"), max_length=300, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("workflow step")
        verbose_name_plural = _("workflow steps")
        ordering = ["meeting", "at", "id"]

    def __str__(self):
        return f"{self.get_from_state_display()} → {self.get_to_state_display()}"
