"""Writes to an office's records. Each checks the acting user's role, validates and saves in one transaction."""

from django.db import transaction

from offices.access import Role, require_role
from offices.models import Branch, GovernmentFile, Official, User


@transaction.atomic
def office_record_save(*, record: Branch | Official | GovernmentFile, by: User):
    """Create or update a branch, official or file of an office; only the office's administrators may."""
    require_role(by, record.office, Role.ADMIN)
    record.full_clean()
    record.save()
    return record
