"""What every service of the office administration shares."""

from django.db import models

from offices.models import (
    Office,
    User,
)


def office_of(record: models.Model) -> Office:
    return record if isinstance(record, Office) else record.office


def save_with_history(record: models.Model, by: User | None, **fields) -> None:
    """Validate and save, naming the user in the record's own history (django-simple-history)."""
    record._history_user = by
    for name, value in fields.items():
        setattr(record, name, value)
    record.full_clean()
    record.save()
