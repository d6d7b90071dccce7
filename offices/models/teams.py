"""Innovation teams and other committees, and their members."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from offices.models.office import Office
from offices.models.people import Official


class InnovationTeam(models.Model):
    """A team or committee of an office: its innovation team (ইনোভেশন টিম) or another committee that
    meets and keeps minutes; a joint team also covers the subordinate offices."""

    office = models.ForeignKey(
        Office, verbose_name=_("office"), on_delete=models.PROTECT, related_name="teams"
    )
    name = models.CharField(_("name"), max_length=300, default="ইনোভেশন টিম")
    covers_subordinates = models.BooleanField(_("joint team with subordinate offices"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("team / committee")
        verbose_name_plural = _("teams and committees")
        ordering = ["office", "name"]

    def __str__(self):
        return f"{self.office.name}: {self.name}"


class TeamMember(models.Model):
    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair / chief innovation officer")
        MEMBER_SECRETARY = "member_secretary", _("Member-secretary")
        MEMBER = "member", _("Member")

    team = models.ForeignKey(
        InnovationTeam, verbose_name=_("team / committee"), on_delete=models.CASCADE, related_name="members"
    )
    official = models.ForeignKey(
        Official, verbose_name=_("official"), on_delete=models.PROTECT, related_name="team_memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        ordering = ["team", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["team", "official"], name="team_member_once"),
        ]

    def __str__(self):
        return f"{self.official.name} ({self.get_role_display()})"
