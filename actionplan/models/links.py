"""What ties the minutes to the plan: a decision that serves an indicator (the minutes say
"কার্যক্রম ১.২.১ অনুযায়ী"), and issued minutes that are the evidence of a meeting indicator
("[১.৪.১] সভা আয়োজিত"). Both live here: the plan knows the minutes, the minutes never the plan."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from actionplan.models.indicators import Indicator
from minutes.models import Decision, Meeting


class DecisionLink(models.Model):
    """A decision of an office's minutes serves an indicator of that office's plan for the meeting's
    fiscal year (checked by actionplan.links.services.decision_link)."""

    decision = models.ForeignKey(
        Decision, verbose_name=_("decision"), on_delete=models.CASCADE, related_name="indicator_links"
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="decision_links"
    )
    linked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("linked by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    linked_at = models.DateTimeField(_("linked at"), auto_now_add=True)

    class Meta:
        verbose_name = _("decision linked to an indicator")
        verbose_name_plural = _("decisions linked to indicators")
        ordering = ["indicator", "linked_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["decision", "indicator"], name="actionplan_decision_linked_once"),
        ]

    def __str__(self):
        return f"{self.indicator.number} ← {self.decision}"


class MeetingEvidence(models.Model):
    """Issued minutes of the office attached as the evidence of a meeting indicator: each one is a
    meeting held (actionplan.links.selectors.meetings_held)."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("minutes"), on_delete=models.PROTECT, related_name="indicator_evidence"
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="meeting_evidence"
    )
    attached_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("attached by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    attached_at = models.DateTimeField(_("attached at"), auto_now_add=True)

    class Meta:
        verbose_name = _("minutes attached as evidence")
        verbose_name_plural = _("minutes attached as evidence")
        ordering = ["indicator", "attached_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "indicator"], name="actionplan_minutes_attached_once"),
        ]

    def __str__(self):
        return f"{self.indicator.number} ← {self.meeting}"
