"""Writes to an office's conventions: only its administrators (or a superior office's) may; every
change is written to the office's audit log."""

from django.db import transaction

from minutes.models import ConventionFields, OfficeConventions
from offices.access import require_admin
from offices.audit import Action, audit_record, changes_between, snapshot
from offices.models import Office, User


@transaction.atomic
def office_conventions_save(*, office: Office, values: dict, by: User) -> OfficeConventions:
    """Set the office's conventions to `values` ({field: value}, every one of ConventionFields.FIELDS).
    Meetings started afterwards take them; drafts already started keep their own copy."""
    require_admin(by, office)
    conventions = OfficeConventions.of(office)
    created = conventions.pk is None
    before = snapshot(OfficeConventions(office=office) if created else conventions, ConventionFields.FIELDS)
    for name in ConventionFields.FIELDS:
        setattr(conventions, name, values[name])
    conventions.full_clean()
    conventions.save()
    changes = changes_between(before, snapshot(conventions, ConventionFields.FIELDS))
    if changes:
        action = Action.CREATED if created else Action.CHANGED
        audit_record(office=office, by=by, action=action, record=conventions, changes=changes)
    return conventions
