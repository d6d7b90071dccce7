"""Reads of stored issued documents, for the staff pages and the public website alike."""

import datetime

from django.db.models import QuerySet
from django.utils import timezone

from minutes.models import IssuedDocument, Meeting


def issued_html(meeting: Meeting) -> str | None:
    """The stored HTML of an issued version, or None while it is being prepared (the PDF is not loaded)."""
    return IssuedDocument.objects.filter(meeting=meeting).values_list("html", flat=True).first()


def issued_pdf(meeting: Meeting) -> tuple[bytes, str] | None:
    """(PDF, its SHA-256) of an issued version, or None while it is being prepared."""
    row = IssuedDocument.objects.filter(meeting=meeting).values_list("pdf", "pdf_sha256").first()
    return (bytes(row[0]), row[1]) if row else None


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
