"""The issued document as it was rendered once, on issue, and is served ever after."""

from django.core.files.storage import storages
from django.db import models
from django.utils.translation import gettext_lazy as _

from minutes.models.meeting import Meeting


def documents_storage():
    """The storage named "documents" in settings.STORAGES: files under the var directory by default,
    an S3-compatible bucket when configured (README, "Production")."""
    return storages["documents"]


def document_name(meeting_id: int, sha256: str, extension: str) -> str:
    """Where an issued file is kept: its name carries the SHA-256 of its bytes, so it is written once
    and never overwritten, and what is read back can be checked against its name."""
    return f"minutes/{meeting_id}/{sha256}.{extension}"


class IssuedDocument(models.Model):
    """The rendered HTML and PDF of an issued version, stored once as files, with their hashes.

    Written only by the issue step's after-commit task (minutes/document/store.py); every
    page reads it (minutes/document/selectors.py), the HTML without reading the PDF.
    """

    meeting = models.OneToOneField(Meeting, on_delete=models.PROTECT, related_name="issued_document")
    html_file = models.FileField(_("HTML"), storage=documents_storage, max_length=200)
    # The hash printed on the document: its HTML without the verification line (store.py).
    html_sha256 = models.CharField(max_length=64)
    pdf_file = models.FileField(_("PDF"), storage=documents_storage, max_length=200)
    pdf_sha256 = models.CharField(max_length=64)
    pdf_size = models.PositiveIntegerField(_("PDF size (bytes)"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("issued document")
        verbose_name_plural = _("issued documents")

    def __str__(self):
        return f"{self.meeting} ({self.pdf_sha256[:12]})"
