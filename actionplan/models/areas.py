"""The plan's first two levels: areas (কর্মসম্পাদন ক্ষেত্র, `[১]`) and activities (কার্যক্রম, `[১.১]`)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from actionplan.models.plan import Plan


class Area(models.Model):
    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="areas")
    number = models.CharField(_("number"), max_length=20, help_text=_('Normalised: "1".'))
    title = models.CharField(_("title"), max_length=500, blank=True)
    marks = models.DecimalField(_("marks"), max_digits=8, decimal_places=2)
    order = models.PositiveIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("area")
        verbose_name_plural = _("areas")
        ordering = ["plan", "order"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="actionplan_area_number_unique_in_plan"),
        ]

    def __str__(self):
        return f"[{self.number}] {self.title}".strip()


class Activity(models.Model):
    area = models.ForeignKey(
        Area, verbose_name=_("area"), on_delete=models.CASCADE, related_name="activities"
    )
    number = models.CharField(_("number"), max_length=20, help_text=_('Normalised: "1.1".'))
    title = models.CharField(_("title"), max_length=500)
    order = models.PositiveIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["area", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "number"], name="actionplan_activity_number_unique_in_area"
            ),
        ]

    def __str__(self):
        return f"[{self.number}] {self.title}"
