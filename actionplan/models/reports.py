"""What an office reports it achieved (অর্জন) per indicator and quarter, and the evidence (প্রমাণক).

    reported ──confirm──▶ confirmed
        │  ▲
     return │ report again
        ▼  │
      returned (with the approver's comment)

Only confirmed reports count in the scores (actionplan/scores.py).
"""

import os
import uuid

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from actionplan.models.indicators import Indicator


def evidence_storage():
    """The storage named "evidence" in settings.STORAGES: files under the var directory by default,
    an S3-compatible bucket when configured (README, "Production"). Called once, when the model is
    loaded: with a bucket configured and boto3 missing, the portal refuses to start, saying so."""
    return storages["evidence"]


def evidence_path(evidence, filename: str) -> str:
    """Never the uploader's name in the path: office/fiscal year/random name with the checked extension."""
    plan = evidence.report.indicator.plan
    extension = os.path.splitext(filename)[1].lower()
    return f"evidence/{plan.office_id}/{plan.fiscal_year}/{uuid.uuid4().hex}{extension}"


class AchievementReport(models.Model):
    class State(models.TextChoices):
        REPORTED = "reported", _("reported, awaiting confirmation")
        CONFIRMED = "confirmed", _("confirmed")
        RETURNED = "returned", _("returned")

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="reports"
    )
    quarter = models.PositiveSmallIntegerField(_("quarter"), choices=[(q, q) for q in range(1, 5)])
    achieved_value = models.DecimalField(
        _("achievement"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    achieved_date = models.DateField(_("date achieved"), null=True, blank=True)
    note = models.TextField(_("note"), max_length=2000, blank=True)
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.REPORTED)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reported_at = models.DateTimeField(_("reported at"))
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    review_comment = models.TextField(_("comment"), max_length=2000, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("achievement report")
        verbose_name_plural = _("achievement reports")
        ordering = ["indicator", "quarter"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "quarter"], name="actionplan_report_once_per_quarter"
            ),
            models.CheckConstraint(
                condition=Q(quarter__gte=1, quarter__lte=4), name="actionplan_report_quarter_1_to_4"
            ),
            models.CheckConstraint(
                condition=Q(achieved_value__isnull=False, achieved_date__isnull=True)
                | Q(achieved_value__isnull=True, achieved_date__isnull=False),
                name="actionplan_report_value_or_date",
            ),
        ]

    def __str__(self):
        return f"{self.indicator.number} Q{self.quarter}"

    @property
    def achieved(self):
        """A date for a date indicator, a number for a count or percentage."""
        return self.achieved_date if self.achieved_date is not None else self.achieved_value

    @property
    def is_confirmed(self) -> bool:
        return self.state == self.State.CONFIRMED


class Evidence(models.Model):
    """One file attached to a report; served only through the download view, never from a public URL."""

    report = models.ForeignKey(
        AchievementReport, verbose_name=_("report"), on_delete=models.CASCADE, related_name="evidence"
    )
    file = models.FileField(_("file"), upload_to=evidence_path, storage=evidence_storage, max_length=300)
    name = models.CharField(_("file name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=10)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        ordering = ["report", "uploaded_at", "pk"]

    def __str__(self):
        return self.name
