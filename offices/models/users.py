"""The people who sign in, and their roles per office."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from offices.models.office import Office
from offices.models.people import Official


class User(AbstractUser):
    """A person who signs in; tied to the official they are, when known."""

    official = models.OneToOneField(
        Official,
        verbose_name=_("official"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="user",
    )
    deactivated_at = models.DateTimeField(_("deactivated"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def display_name(self) -> str:
        if self.official_id:
            return self.official.name
        return self.get_full_name() or self.username

    @property
    def account_state(self) -> str:
        """ "active"; "invited": has not set a password through the invitation yet; or "deactivated"."""
        if self.is_active:
            return "active"
        return "deactivated" if self.deactivated_at else "invited"


class OfficeRole(models.Model):
    """What a user may do in one office. A user may hold roles in several offices."""

    class Role(models.TextChoices):
        DRAFTER = "drafter", _("Drafter")
        APPROVER = "approver", _("Approver")
        ISSUER = "issuer", _("Issuing officer")
        ADMIN = "admin", _("Office administrator")

    user = models.ForeignKey(
        User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="office_roles"
    )
    office = models.ForeignKey(
        Office, verbose_name=_("office"), on_delete=models.CASCADE, related_name="user_roles"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("office role")
        verbose_name_plural = _("office roles")
        ordering = ["office", "user", "role"]
        constraints = [
            models.UniqueConstraint(fields=["user", "office", "role"], name="office_role_once"),
        ]

    def __str__(self):
        return f"{self.user.username}: {self.get_role_display()}, {self.office.name}"
