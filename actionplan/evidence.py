"""Checking an evidence file (প্রমাণক) before it is stored: by its content, by its name, by its size.

What a file is, is read from its first bytes (and, for a Word or Excel file, from the
[Content_Types].xml inside the zip), never taken from its name. The name's extension must then agree
with the content: a PDF named .jpg, a program named .pdf, a zip named .docx are refused. Accepted:

    PDF (.pdf), JPEG (.jpg, .jpeg), PNG (.png), Word (.docx), Excel (.xlsx), plain text (.txt, .csv)

Plain text is UTF-8 (with or without BOM) without control characters other than tab and line breaks.
"""

import io
import os
import unicodedata
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from bangla.forms import shown_digits

PDF, JPEG, PNG, DOCX, XLSX, TEXT = "pdf", "jpeg", "png", "docx", "xlsx", "text"
EXTENSIONS = {
    PDF: (".pdf",),
    JPEG: (".jpg", ".jpeg"),
    PNG: (".png",),
    DOCX: (".docx",),
    XLSX: (".xlsx",),
    TEXT: (".txt", ".csv"),
}
ACCEPTED_EXTENSIONS = tuple(ext for exts in EXTENSIONS.values() for ext in exts)
KIND_NAMES = {PDF: "PDF", JPEG: "JPEG", PNG: "PNG", DOCX: "Word (.docx)", XLSX: "Excel (.xlsx)", TEXT: "text"}

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
_OFFICE_MAIN_PARTS = {
    DOCX: b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    XLSX: b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
}
_MAX_CONTENT_TYPES_BYTES = 1024 * 1024  # [Content_Types].xml is a few KB; a zip bomb stops here
_EXECUTABLES = (b"MZ", b"\x7fELF", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe", b"\xce\xfa\xed\xfe", b"#!")
_TEXT_CONTROLS_ALLOWED = {"\t", "\n", "\r", "\f"}


def max_evidence_bytes() -> int:
    return int(getattr(settings, "SOBHA_EVIDENCE_MAX_BYTES", DEFAULT_MAX_BYTES))


def check_evidence(name: str, data: bytes, *, max_bytes: int | None = None) -> str:
    """The kind of an evidence file (PDF, JPEG …) from its content; ValidationError with a Bangla
    message if it is empty, too large, of a kind not accepted, or named as another kind."""
    shown = os.path.basename(name or "") or _("the file")
    check_size(shown, len(data), max_bytes=max_bytes)
    if not data:
        raise ValidationError(_("%(name)s is empty.") % {"name": shown}, code="empty")
    kind = content_kind(data)
    if kind is None:
        raise ValidationError(
            _(
                "%(name)s is not a file of an accepted kind: evidence may be PDF, JPEG, PNG, Word (.docx), Excel (.xlsx) or text (.txt, .csv)."
            )
            % {"name": shown},
            code="wrong_type",
        )
    extension = os.path.splitext(shown)[1].lower()
    if extension not in EXTENSIONS[kind]:
        raise ValidationError(
            _(
                "%(name)s is a %(kind)s file but its name ends in “%(extension)s”: its name must end in %(expected)s."
            )
            % {
                "name": shown,
                "kind": KIND_NAMES[kind],
                "extension": extension or _("nothing"),
                "expected": " / ".join(EXTENSIONS[kind]),
            },
            code="lying_extension",
        )
    return kind


def check_size(name: str, size: int, *, max_bytes: int | None = None) -> None:
    """Refuse a file larger than the limit (settings.SOBHA_EVIDENCE_MAX_BYTES), before reading it."""
    limit = max_evidence_bytes() if max_bytes is None else max_bytes
    if size > limit:
        raise ValidationError(
            _("%(name)s is too large (%(size)s MB): an evidence file may be at most %(limit)s MB.")
            % {"name": name, "size": _megabytes(size), "limit": _megabytes(limit)},
            code="too_large",
        )


def content_kind(data: bytes) -> str | None:
    """PDF, JPEG, PNG, DOCX, XLSX or TEXT, read from the bytes; None for anything else (programs,
    other zips, old Office files, other images …)."""
    if data.startswith(_EXECUTABLES):
        return None
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data.startswith(b"PK\x03\x04"):
        return _office_kind(data)
    return TEXT if _is_plain_text(data) else None


def _office_kind(data: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open("[Content_Types].xml") as part:
            content_types = part.read(_MAX_CONTENT_TYPES_BYTES)
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError, NotImplementedError, EOFError):
        return None
    return next((kind for kind, main in _OFFICE_MAIN_PARTS.items() if main in content_types), None)


def _is_plain_text(data: bytes) -> bool:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return not any(unicodedata.category(char) == "Cc" and char not in _TEXT_CONTROLS_ALLOWED for char in text)


def _megabytes(size: int) -> str:
    megabytes = size / (1024 * 1024)
    return shown_digits(f"{megabytes:.1f}".removesuffix(".0"))
