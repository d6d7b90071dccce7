"""The administration's audit log: every service that changes an office's records writes one
AuditEntry in the same transaction, and the audit page reads them back in the reader's language.

An entry keeps plain values ({field: [before, after]}): names of linked records as text, choices
as their codes, numbers as numbers. Labels and choices are looked up again when shown, so an entry
written in an English session reads in Bangla too.
"""

import re

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bangla.digits import to_bangla_digits
from offices.models import AuditEntry, Office, User

Action = AuditEntry.Action

# Values an entry records that are no field of the record's model.
EXTRA_LABELS = {"holders": gettext_lazy("held by")}
NUMERIC = re.compile(r"[+]?[0-9][0-9 .-]*")


def plain(value):
    """A value as the log keeps it: text for linked records, the value itself otherwise."""
    if isinstance(value, models.Model):
        return str(value)
    if value is None or isinstance(value, (bool, int, str)):
        return value
    return str(value)


def snapshot(record: models.Model, fields) -> dict:
    return {name: plain(getattr(record, name)) for name in fields}


def changes_between(before: dict, after: dict) -> dict:
    """{field: [before, after]} for the fields whose value differs."""
    return {name: [before.get(name), value] for name, value in after.items() if before.get(name) != value}


def audit_record(
    *,
    office: Office,
    by: User | None,
    action: str,
    record: models.Model,
    changes: dict | None = None,
    name: str | None = None,
) -> AuditEntry:
    """Write one entry; `name` is how the record is named in the log (its str() by default)."""
    return AuditEntry.objects.create(
        office=office,
        actor=by if by is not None and by.is_authenticated else None,
        action=action,
        content_type=ContentType.objects.get_for_model(record, for_concrete_model=False),
        object_id=record.pk,
        object_repr=(name or str(record))[:300],
        changes=changes or {},
    )


# ---- Reading the log back ---------------------------------------------------------------------------


def _shown(field, value) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, list):  # several values of one kind (a plan indicator's tiers)
        return ", ".join(_shown(field, item) for item in value)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if field is not None and getattr(field, "choices", None):
        return str(dict(field.flatchoices).get(value, value))
    value = str(value)
    # Numbers, file numbers and phone numbers in Bangla digits; names and addresses as written.
    return to_bangla_digits(value) if NUMERIC.fullmatch(value) else value


def describe_changes(entry: AuditEntry) -> list[tuple[str, str, str]]:
    """[(label, before, after)] of an entry, in the current language."""
    model = entry.content_type.model_class()
    rows = []
    for name, (before, after) in entry.changes.items():
        field, label = _field_and_label(model, name)
        rows.append((label, _shown(field, before), _shown(field, after)))
    return rows


def _field_and_label(model, name: str):
    """The model's field of that name and its label; a list of related rows (a group's members) is
    labelled by what they are; other names by EXTRA_LABELS."""
    if name in EXTRA_LABELS:
        return None, str(EXTRA_LABELS[name])
    try:
        field = model._meta.get_field(name)
    except (AttributeError, FieldDoesNotExist):
        return None, str(EXTRA_LABELS.get(name, name))
    if field.auto_created and not field.concrete:
        return None, str(field.related_model._meta.verbose_name_plural)
    return field, str(field.verbose_name)


def kind_of(entry: AuditEntry) -> str:
    model = entry.content_type.model_class()
    return str(model._meta.verbose_name) if model is not None else entry.content_type.model
