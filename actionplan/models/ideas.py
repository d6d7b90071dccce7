"""The innovation bank (উদ্ভাবন ব্যাংক): an office's register of innovative ideas, simplified and
digitised services, each with its problem, solution, time-cost-visit before and after, and where it
stands (ধারণা → পাইলটিং → বাস্তবায়িত → রেপ্লিকেটেড, forward only)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from actionplan.models.indicators import Indicator
from offices.models import Office


class IdeaKind(models.TextChoices):
    IDEA = "idea", "উদ্ভাবনী ধারণা"
    SIMPLIFICATION = "simplification", "সেবা সহজিকরণ"
    DIGITISATION = "digitisation", "ডিজিটাইজেশন"
    REPLICATION = "replication", "রেপ্লিকেশন"


class IdeaStatus(models.TextChoices):
    """In the order an idea moves through them; it never moves back."""

    IDEA = "idea", "ধারণা"
    PILOTING = "piloting", "পাইলটিং"
    IMPLEMENTED = "implemented", "বাস্তবায়িত"
    REPLICATED = "replicated", "রেপ্লিকেটেড"


STATUS_ORDER = list(IdeaStatus.values)


class StatusMoveError(ValueError):
    """A status may only move forward."""


def _amount(label):
    return models.DecimalField(
        label, max_digits=12, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )


def _visits(label):
    return models.PositiveIntegerField(label, null=True, blank=True)


class Idea(models.Model):
    office = models.ForeignKey(
        Office, verbose_name=_("office"), on_delete=models.PROTECT, related_name="ideas"
    )
    title = models.CharField(pgettext_lazy("innovation idea", "title"), max_length=300)
    kind = models.CharField(_("type"), max_length=20, choices=IdeaKind.choices, default=IdeaKind.IDEA)
    summary = models.TextField(_("short description"), blank=True)
    problem = models.TextField(_("problem"), blank=True)
    root_cause = models.TextField(_("root cause"), blank=True)
    solution = models.TextField(_("solution"), blank=True)
    days_before = _amount(_("days before"))
    cost_before = _amount(_("cost before (taka)"))
    visits_before = _visits(_("visits before"))
    days_after = _amount(_("days after"))
    cost_after = _amount(_("cost after (taka)"))
    visits_after = _visits(_("visits after"))
    innovators = models.TextField(_("innovators"), blank=True)
    status = models.CharField(
        pgettext_lazy("innovation idea", "status"),
        max_length=20,
        choices=IdeaStatus.choices,
        default=IdeaStatus.IDEA,
    )
    proposed_on = models.DateField(_("proposed on"), null=True, blank=True)
    piloted_on = models.DateField(_("piloted on"), null=True, blank=True)
    implemented_on = models.DateField(_("implemented on"), null=True, blank=True)
    service_link = models.URLField(_("service link"), max_length=500, blank=True)
    service_running = models.BooleanField(_("is the service running"), null=True, blank=True)
    not_running_reason = models.TextField(_("if not, why"), blank=True)
    expected_result = models.BooleanField(_("do recipients get the expected result"), null=True, blank=True)
    remarks = models.TextField(_("remarks"), blank=True)
    showcase_result = models.TextField(_("showcase result"), blank=True)
    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator it serves"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ideas",
    )
    is_published = models.BooleanField(_("published"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("innovation idea")
        verbose_name_plural = _("innovation bank")
        ordering = ["office", "-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "title"],
                name="actionplan_idea_title_unique_in_office",
                violation_error_message=_("The bank already has an idea with this title."),
            ),
            models.CheckConstraint(condition=Q(status__in=STATUS_ORDER), name="actionplan_idea_status_known"),
            models.CheckConstraint(condition=Q(kind__in=IdeaKind.values), name="actionplan_idea_kind_known"),
        ]
        indexes = [
            # published_ideas(office): the public site's list of an office's bank
            models.Index(fields=["office"], condition=Q(is_published=True), name="actionplan_idea_published"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("actionplan:idea", args=[self.pk])

    def clean(self):
        errors = {}
        if self.indicator_id and self.office_id and self.indicator.plan.office_id != self.office_id:
            errors["indicator"] = _("The indicator belongs to another office's plan.")
        dates = [("proposed_on", self.proposed_on), ("piloted_on", self.piloted_on)]
        dates.append(("implemented_on", self.implemented_on))
        known = [(name, day) for name, day in dates if day is not None]
        for (_earlier, first), (later, second) in zip(known, known[1:], strict=False):
            if second < first:
                errors[later] = _("This date is before the idea's earlier step.")
        if errors:
            raise ValidationError(errors)

    def next_statuses(self) -> list[str]:
        """The statuses the idea may move to: any later one, never back."""
        return STATUS_ORDER[STATUS_ORDER.index(self.status) + 1 :]

    def set_status(self, status: str) -> None:
        if status not in self.next_statuses():
            raise StatusMoveError(status)
        self.status = status

    @property
    def tcv_before(self) -> tuple:
        return (self.days_before, self.cost_before, self.visits_before)

    @property
    def tcv_after(self) -> tuple:
        return (self.days_after, self.cost_after, self.visits_after)
