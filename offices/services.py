"""Writes to an office's records. Each checks the acting user's role, validates and saves in one transaction."""

from django.db import transaction

from offices.access import Role, require_role
from offices.models import Branch, GovernmentFile, Office, OfficeRole, Official, User


@transaction.atomic
def office_record_save(*, record: Branch | Official | GovernmentFile, by: User):
    """Create or update a branch, official or file of an office; only the office's administrators may."""
    require_role(by, record.office, Role.ADMIN)
    record.full_clean()
    record.save()
    return record


@transaction.atomic
def office_role_grant(*, user: User, office: Office, role: str, by: User) -> OfficeRole:
    require_role(by, office, Role.ADMIN)
    office_role, _created = OfficeRole.objects.get_or_create(user=user, office=office, role=role)
    return office_role


@transaction.atomic
def office_role_revoke(*, office_role: OfficeRole, by: User) -> None:
    require_role(by, office_role.office, Role.ADMIN)
    office_role.delete()
