"""The office administration's audit log."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from offices.models.office import Office
from offices.models.users import User


class AuditEntry(models.Model):
    """One change made in an office's administration: who, when, what, to which record.

    Written by the services in the same transaction as the change (offices/audit.py). Like Django's
    admin log, it names the record by content type and keeps its name as it was; `changes` holds
    {field: [before, after]} as plain values, shown in the reader's language on the audit page.
    """

    class Action(models.TextChoices):
        CREATED = "created", pgettext_lazy("audit action", "created")
        CHANGED = "changed", _("changed")
        REMOVED = "removed", _("removed")
        INVITED = "invited", _("invited")
        INVITED_AGAIN = "invited_again", _("invitation sent again")
        JOINED = "joined", _("accepted the invitation")
        ROLE_GIVEN = "role_given", _("role given")
        ROLE_TAKEN = "role_taken", _("role taken away")
        DEACTIVATED = "deactivated", _("deactivated")
        TRANSFERRED = "transferred", _("transferred")
        STARTING_SERIAL_SET = "starting_serial_set", _("starting serial set")
        MOVED = "moved", _("moved")

    office = models.ForeignKey(
        Office, verbose_name=_("office"), on_delete=models.CASCADE, related_name="audit_entries"
    )
    at = models.DateTimeField(_("when"), default=timezone.now)
    actor = models.ForeignKey(
        User, verbose_name=_("by"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(_("action"), max_length=30, choices=Action.choices)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    object_repr = models.CharField(_("record"), max_length=300)
    changes = models.JSONField(_("changes"), default=dict, blank=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-at", "-id"]
        indexes = [
            # The audit page and the administration's overview: an office's latest entries.
            models.Index(fields=["office", "-at"], name="audit_office_latest"),
        ]

    def __str__(self):
        return f"{self.object_repr}: {self.get_action_display()}"
