"""Reads of stored issued documents, for the staff pages, the e-mails and the public website alike.

The files are read through the "documents" storage and checked against the hash their names
carry: a file that was changed where it is kept is not served (StoredFileChanged, logged).
"""

import datetime
import hashlib
import logging
from pathlib import PurePosixPath

from django.db.models import QuerySet
from django.utils import timezone

from minutes.models import IssuedDocument, Meeting
from minutes.models.document import documents_storage

log = logging.getLogger(__name__)


class StoredFileChanged(Exception):
    """An issued file's bytes no longer match the hash in its name."""


def read_stored(name: str) -> bytes:
    """The bytes of an issued file, checked against the SHA-256 its name carries."""
    with documents_storage().open(name, "rb") as stored:
        data = stored.read()
    expected = PurePosixPath(name).stem.split("_")[0]  # a storage may have added "_<random>" to a name
    if hashlib.sha256(data).hexdigest() != expected:
        log.error("Issued file %s does not match its hash: not served", name)
        raise StoredFileChanged(name)
    return data


def issued_files(meeting: Meeting) -> IssuedDocument | None:
    """The stored document's row (names, hashes, size: the bytes are in its files), or None while it is
    being prepared."""
    return IssuedDocument.objects.filter(meeting=meeting).first()


def issued_html(meeting: Meeting) -> str | None:
    """The stored HTML of an issued version, or None while it is being prepared (the PDF is not read)."""
    stored = issued_files(meeting)
    return read_stored(stored.html_file.name).decode() if stored else None


def issued_pdf(meeting: Meeting) -> tuple[bytes, str] | None:
    """(PDF, its SHA-256) of an issued version, or None while it is being prepared."""
    stored = issued_files(meeting)
    return (read_stored(stored.pdf_file.name), stored.pdf_sha256) if stored else None


def issued_document_exists(meeting: Meeting) -> bool:
    return meeting.is_issued and IssuedDocument.objects.filter(meeting=meeting).exists()


def issued_without_document(*, older_than: datetime.timedelta) -> QuerySet[Meeting]:
    """Issued minutes whose document is still not stored some time after issue (a print that failed,
    a worker that was down): the sweep queues them again."""
    return Meeting.objects.filter(
        state__in=Meeting.ISSUED_STATES,
        issued_document__isnull=True,
        updated_at__lt=timezone.now() - older_than,
    )
