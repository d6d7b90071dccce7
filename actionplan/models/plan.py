"""An office's action plan for one fiscal year (ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from bangla.fiscal import format_fiscal_year
from offices.models import Office


class Plan(models.Model):
    """One per office per fiscal year. Its total (50 one year, 100 another) is data, not code."""

    class Origin(models.TextChoices):
        IMPORTED = "imported", _("imported from a template file")
        COPIED = "copied", _("copied from last year's plan")
        TEMPLATE = "template", _("made from the superior office's template")

    office = models.ForeignKey(
        Office, verbose_name=_("office"), on_delete=models.PROTECT, related_name="action_plans"
    )
    fiscal_year = models.PositiveSmallIntegerField(
        _("fiscal year"),
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
        help_text=_("The year the fiscal year starts in: 2021 for 2021-22."),
    )
    total_marks = models.DecimalField(_("total marks"), max_digits=8, decimal_places=2)
    numbers_in_brackets = models.BooleanField(_("numbers written in brackets"), default=True)
    origin = models.CharField(_("created by"), max_length=20, choices=Origin.choices)
    copied_from = models.ForeignKey(
        "self",
        verbose_name=_("copied from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="copies",
    )
    source_name = models.CharField(_("template file"), max_length=255, blank=True)
    is_template = models.BooleanField(
        _("published as the template for the subordinate offices"),
        default=False,
        help_text=_("The offices directly below may make their own plan for the year from it."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        ordering = ["office", "-fiscal_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "fiscal_year"], name="actionplan_one_plan_per_office_year"
            ),
            models.CheckConstraint(
                condition=models.Q(total_marks__gt=0), name="actionplan_plan_total_positive"
            ),
        ]

    def __str__(self):
        return f"{self.office} {format_fiscal_year(self.fiscal_year)}"

    def get_absolute_url(self):
        return reverse("actionplan:detail", args=[self.pk])

    @property
    def fiscal_year_label(self) -> str:
        return format_fiscal_year(self.fiscal_year)
