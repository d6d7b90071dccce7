"""Indicators (কর্মসম্পাদন সূচক, `[১.১.১]`): unit, weight, target, tiers, quarterly targets, who is
responsible and the evidence (প্রমাণক) they need."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from actionplan import scoring
from actionplan.models.areas import Activity
from actionplan.models.plan import Plan
from offices.models import Branch, Post


class Unit(models.TextChoices):
    DATE = "date", "তারিখ"
    COUNT = "count", "সংখ্যা"
    PERCENT = "percent", "%"


class EvidenceKind(models.TextChoices):
    NOTICE = "notice", _("notice")
    ATTENDANCE = "attendance", _("attendance sheet")
    MINUTES = "minutes", _("minutes")
    PHOTOS = "photos", _("photos")
    REPORT = "report", _("report")
    OTHER = "other", _("other")


class Indicator(models.Model):
    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="indicators"
    )
    activity = models.ForeignKey(
        Activity, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="indicators"
    )
    number = models.CharField(_("number"), max_length=20, help_text=_('Normalised: "1.1.1".'))
    title = models.CharField(_("performance indicator"), max_length=500)
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices)
    weight = models.DecimalField(_("weight (marks)"), max_digits=6, decimal_places=2)
    target_date = models.DateField(_("target date"), null=True, blank=True)
    target_value = models.DecimalField(_("target"), max_digits=12, decimal_places=2, null=True, blank=True)
    responsible = models.CharField(
        _("responsible"), max_length=300, blank=True, help_text=_("As the plan writes it.")
    )
    responsible_branch = models.ForeignKey(
        Branch,
        verbose_name=_("responsible branch"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    responsible_post = models.ForeignKey(
        Post,
        verbose_name=_("responsible post"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    evidence_kinds = models.JSONField(_("evidence needed"), default=list, blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["plan", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "number"], name="actionplan_indicator_number_unique_in_plan"
            ),
            # A date indicator has a target date; a count or percentage indicator a target value.
            models.CheckConstraint(
                condition=(Q(unit="date", target_date__isnull=False, target_value__isnull=True))
                | (Q(unit__in=["count", "percent"], target_date__isnull=True, target_value__isnull=False)),
                name="actionplan_indicator_target_fits_unit",
            ),
            models.CheckConstraint(condition=Q(weight__gt=0), name="actionplan_indicator_weight_positive"),
        ]

    def __str__(self):
        return f"[{self.number}] {self.title}"

    def clean(self):
        unknown = set(self.evidence_kinds or []) - set(EvidenceKind.values)
        if unknown:
            raise ValidationError({"evidence_kinds": _("Unknown kind of evidence.")})

    @property
    def is_dated(self) -> bool:
        return self.unit == Unit.DATE

    @property
    def target(self):
        """The target as the unit has it: a date or a number."""
        return self.target_date if self.is_dated else self.target_value

    def terms(self) -> scoring.IndicatorTerms:
        """The indicator's terms for actionplan/scoring.py, from its own fields and its tiers (read
        through `tiers.all()`, so prefetched tiers cost no query). ValueError if they contradict."""
        tiers = tuple(scoring.Tier(Decimal(tier.level) / 100, tier.target) for tier in self.tiers.all())
        return scoring.IndicatorTerms(unit=self.unit, weight=self.weight, target=self.target, tiers=tiers)

    def evidence_kind_labels(self) -> list[str]:
        labels = dict(EvidenceKind.choices)
        return [labels[kind] for kind in self.evidence_kinds if kind in labels]


# A tier or a quarter's target is a number, or a date for a date indicator: one of the two.
_VALUE_OR_DATE = Q(value__isnull=False, date__isnull=True) | Q(value__isnull=True, date__isnull=False)


class TierTarget(models.Model):
    """One of the five tiers of an indicator's target (the APA family's columns)."""

    class Level(models.IntegerChoices):
        OUTSTANDING = 100, "অসাধারণ"
        EXCELLENT = 90, "অতি উত্তম"
        GOOD = 80, "উত্তম"
        FAIR = 70, "চলতি মান"
        BELOW_FAIR = 60, "চলতি মানের নিম্নে"

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="tiers"
    )
    level = models.PositiveSmallIntegerField(_("tier"), choices=Level.choices)
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2, null=True, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tier target")
        verbose_name_plural = _("tier targets")
        ordering = ["indicator", "-level"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "level"], name="actionplan_tier_once_per_indicator"),
            models.CheckConstraint(condition=_VALUE_OR_DATE, name="actionplan_tier_value_or_date"),
        ]

    def __str__(self):
        return f"{self.indicator.number} {self.get_level_display()}"

    @property
    def target(self):
        return self.date if self.date is not None else self.value


class QuarterTarget(models.Model):
    """The part of an indicator's target due by the end of a quarter (1 = July-September)."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="quarter_targets"
    )
    quarter = models.PositiveSmallIntegerField(_("quarter"), choices=[(q, q) for q in range(1, 5)])
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2, null=True, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("quarterly target")
        verbose_name_plural = _("quarterly targets")
        ordering = ["indicator", "quarter"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "quarter"], name="actionplan_quarter_once_per_indicator"
            ),
            models.CheckConstraint(
                condition=Q(quarter__gte=1, quarter__lte=4), name="actionplan_quarter_1_to_4"
            ),
            models.CheckConstraint(condition=_VALUE_OR_DATE, name="actionplan_quarter_value_or_date"),
        ]

    def __str__(self):
        return f"{self.indicator.number} Q{self.quarter}"

    @property
    def target(self):
        return self.date if self.date is not None else self.value
