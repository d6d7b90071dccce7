"""The issued document as it was rendered once, on issue, and is served ever after."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from minutes.models.meeting import Meeting


class IssuedDocument(models.Model):
    """The rendered HTML and PDF of an issued version, stored once, with their content hashes.

    Written only by the issue step's after-commit task (minutes/document/store.py); every
    page reads it (minutes/document/selectors.py), the HTML without loading the PDF's bytes.
    """

    meeting = models.OneToOneField(Meeting, on_delete=models.PROTECT, related_name="issued_document")
    html = models.TextField()
    html_sha256 = models.CharField(max_length=64)
    pdf = models.BinaryField()
    pdf_sha256 = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("issued document")
        verbose_name_plural = _("issued documents")

    def __str__(self):
        return f"{self.meeting} ({self.pdf_sha256[:12]})"
