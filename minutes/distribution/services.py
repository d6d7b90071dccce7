"""Writes to distribution groups. Only those who administer the group's office may (offices/access.py);
every change is written to the office's audit log."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from minutes.models import DistributionGroup, DistributionGroupMember
from offices.access import require_admin
from offices.audit import Action, audit_record
from offices.models import User


@transaction.atomic
def distribution_group_save(*, group: DistributionGroup, name: str, members: list[dict], by: User):
    """Create or update a group: its name and its members, in the order given (each a dict of
    RecipientFields.CONTENT_FIELDS). The audit entry names the members added and removed."""
    require_admin(by, group.office)
    name = name.strip()
    if DistributionGroup.objects.filter(office=group.office, name=name).exclude(pk=group.pk).exists():
        raise ValidationError({"name": _("This office already has a distribution group with this name.")})
    created = group.pk is None
    before_name = group.name if created else DistributionGroup.objects.get(pk=group.pk).name
    before = [] if created else [member.line() for member in group.members.all()]
    group.name = name
    group.full_clean()
    group.save()
    rows = [DistributionGroupMember(group=group, order=i, **fields) for i, fields in enumerate(members)]
    for row in rows:
        row.full_clean(exclude=["group"])
    DistributionGroupMember.objects.filter(group=group).delete()
    DistributionGroupMember.objects.bulk_create(rows)
    after = [row.line() for row in rows]
    changes = {}
    if created or before_name != name:
        changes["name"] = [None if created else before_name, name]
    removed, added = (
        [line for line in before if line not in after],
        [line for line in after if line not in before],
    )
    if removed or added:
        changes["members"] = ["; ".join(removed) or None, "; ".join(added) or None]
    if created or changes:
        action = Action.CREATED if created else Action.CHANGED
        audit_record(office=group.office, by=by, action=action, record=group, changes=changes)
    return group


@transaction.atomic
def distribution_group_delete(*, group: DistributionGroup, by: User) -> None:
    """Minutes keep their own copy of the recipients: deleting a group changes no minutes."""
    require_admin(by, group.office)
    audit_record(office=group.office, by=by, action=Action.REMOVED, record=group)
    group.delete()
