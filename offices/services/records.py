"""Offices' records: branches, officials and posts (transfers), files and their starting serials, and the
office's own settings."""

from django.db import transaction

from offices.access import require_admin
from offices.audit import Action, audit_record, changes_between, snapshot
from offices.models import (
    Branch,
    GovernmentFile,
    InnovationTeam,
    Office,
    Official,
    Post,
    User,
)
from offices.publication import public_content_changed
from offices.services.base import office_of, save_with_history

Record = Office | Branch | Post | Official | GovernmentFile | InnovationTeam


# ---- Offices' records: branches, officials, posts, files, teams; the office's own settings ----------


@transaction.atomic
def office_record_save(*, record: Record, fields: list[str], by: User) -> Record:
    """Create or update a record of an office from the fields a form edited (or the office's own
    settings); only those who administer the office may. The audit entry lists what changed."""
    office = office_of(record)
    require_admin(by, office)
    stored = type(record).objects.filter(pk=record.pk).first() if record.pk else None
    before = snapshot(stored, fields) if stored else {}
    save_with_history(record, by)
    changes = changes_between(before, snapshot(record, fields))
    if stored is None or changes:
        action = Action.CHANGED if stored else Action.CREATED
        audit_record(office=office, by=by, action=action, record=record, changes=changes)
    if isinstance(record, Office | InnovationTeam) and changes:
        public_content_changed()  # the public pages show offices' settings and committees' names
    return record


@transaction.atomic
def file_create(*, government_file: GovernmentFile, fields: list[str], starting_serial: int | None, by: User):
    """Record a file (নথি); one already used on paper starts from the last serial issued on paper."""
    if starting_serial is not None:
        government_file.set_starting_serial(starting_serial)
        fields = [*fields, "starting_serial", "last_serial"]
    return office_record_save(record=government_file, fields=fields, by=by)


@transaction.atomic
def file_set_starting_serial(*, government_file: GovernmentFile, serial: int, by: User) -> GovernmentFile:
    """Set, once, the serial of the last letter issued from the file on paper, before the portal's
    first issue from it. The row stays locked until commit, so an issue cannot slip in between."""
    require_admin(by, government_file.office)
    locked = (
        GovernmentFile.objects.select_for_update(of=("self",))
        .select_related("office")
        .get(pk=government_file.pk)
    )
    before = snapshot(locked, ["starting_serial", "last_serial"])
    locked.set_starting_serial(serial)
    locked._change_reason = "starting serial set"
    save_with_history(locked, by)
    audit_record(
        office=locked.office,
        by=by,
        action=Action.STARTING_SERIAL_SET,
        record=locked,
        name=locked.number_bn,
        changes=changes_between(before, snapshot(locked, ["starting_serial", "last_serial"])),
    )
    return locked
