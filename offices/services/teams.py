"""Teams and committees: their members, roles and order."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from offices.access import require_admin
from offices.audit import Action, audit_record, changes_between, snapshot
from offices.models import (
    InnovationTeam,
    Official,
    TeamMember,
    User,
)
from offices.services.base import save_with_history


@transaction.atomic
def team_member_add(*, team: InnovationTeam, official: Official, role: str, by: User) -> TeamMember:
    require_admin(by, team.office)
    if TeamMember.objects.filter(team=team, official=official).exists():
        raise ValidationError(_("%(name)s is already a member.") % {"name": official.name})
    allowed = {team.office_id, *(team.office.children.values_list("pk", flat=True))}
    if official.office_id not in allowed:
        raise ValidationError(_("Members are officials of this office or of its subordinate offices."))
    last = TeamMember.objects.filter(team=team).aggregate(last=Max("order"))["last"]
    member = TeamMember(team=team, official=official, role=role, order=(last or 0) + 1)
    save_with_history(member, by)
    audit_record(
        office=team.office,
        by=by,
        action=Action.CREATED,
        record=member,
        name=f"{official.name} ({team.name})",
        changes=changes_between({}, snapshot(member, ["role", "order"])),
    )
    return member


@transaction.atomic
def team_member_update(*, member: TeamMember, role: str, order: int, by: User) -> TeamMember:
    require_admin(by, member.team.office)
    stored = TeamMember.objects.get(pk=member.pk)  # `member` may carry a form's values already
    before = snapshot(stored, ["role", "order"])
    save_with_history(member, by, role=role, order=order)
    changes = changes_between(before, snapshot(member, ["role", "order"]))
    if changes:
        name = f"{member.official.name} ({member.team.name})"
        audit_record(
            office=member.team.office, by=by, action=Action.CHANGED, record=member, name=name, changes=changes
        )
    return member


@transaction.atomic
def team_member_remove(*, member: TeamMember, by: User) -> None:
    require_admin(by, member.team.office)
    name = f"{member.official.name} ({member.team.name})"
    audit_record(office=member.team.office, by=by, action=Action.REMOVED, record=member, name=name)
    member._history_user = by
    member.delete()
