"""Where printed documents are kept, and the only places that print them.

- An issued version is rendered once, by the issue step's after-commit task, and stored with
  its hashes (IssuedDocument); pages only read it, and say "being prepared" until it is there.
- A draft's PDF is printed by a Celery task once per content hash and kept in the cache; the
  page waits a few seconds for it, then says "being prepared". No web request prints.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.urls import reverse

from minutes.document.render import RenderFailed, RenderTimeout, html_to_pdf, render_html
from minutes.models import IssuedDocument, Meeting

DRAFT_PDF_KEY = "draft-pdf:{}"
DRAFT_PDF_QUEUED_KEY = "draft-pdf-queued:{}"
FAILED = b"failed:"  # a cached draft PDF that could not be printed starts with this, then the reason


def sha256(data: bytes | str) -> str:
    return hashlib.sha256(data.encode() if isinstance(data, str) else bytes(data)).hexdigest()


def public_url(meeting: Meeting) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("public:document", args=[meeting.pk])


# -- issued versions ---------------------------------------------------------------------------------
def store_issued_document(meeting: Meeting) -> IssuedDocument:
    """Render the issued version's HTML and PDF once and keep them; later calls return what was stored.

    Called only by Celery tasks. The hash printed on the document (html_sha256) is the hash of
    its HTML without the verification line, so a printed copy can be checked against the
    public page.
    """
    stored = IssuedDocument.objects.filter(meeting=meeting).first()
    if stored:
        return stored
    if not meeting.is_issued or not meeting.memo_number:
        raise ValueError("only issued minutes, with their memo number, are stored")
    content_hash = sha256(render_html(meeting))
    html = render_html(meeting, verification={"url": public_url(meeting), "hash": content_hash})
    pdf = html_to_pdf(html)
    try:
        with transaction.atomic():
            return IssuedDocument.objects.create(
                meeting=meeting, html=html, html_sha256=content_hash, pdf=pdf, pdf_sha256=sha256(pdf)
            )
    except IntegrityError:  # stored meanwhile by another worker: keep the first one
        return IssuedDocument.objects.get(meeting=meeting)


def issued_html(meeting: Meeting) -> str | None:
    """The stored HTML of an issued version, or None while it is being prepared (PDF bytes not loaded)."""
    return IssuedDocument.objects.filter(meeting=meeting).values_list("html", flat=True).first()


def issued_pdf(meeting: Meeting) -> tuple[bytes, str] | None:
    """(PDF, its SHA-256) of an issued version, or None while it is being prepared."""
    row = IssuedDocument.objects.filter(meeting=meeting).values_list("pdf", "pdf_sha256").first()
    return (bytes(row[0]), row[1]) if row else None


# -- drafts --------------------------------------------------------------------------------------------
def draft_pdf_key(html: str) -> str:
    return DRAFT_PDF_KEY.format(sha256(html))


def draft_pdf_print(meeting: Meeting) -> None:
    """Print the draft as it is now and cache the PDF (or why it failed) under its content hash.
    Called only by a Celery task."""
    html = render_html(meeting)
    key = draft_pdf_key(html)
    if cache.get(key) is not None:
        return
    try:
        pdf = html_to_pdf(html, time_limit=settings.SOBHA_DRAFT_RENDER_TIME_LIMIT)
    except (RenderTimeout, RenderFailed) as error:
        pdf = FAILED + str(error).encode()
    cache.set(key, pdf, timeout=settings.SOBHA_DRAFT_PDF_CACHE_SECONDS)


def draft_pdf(meeting: Meeting, html: str, *, wait: float) -> bytes | None:
    """The draft's PDF for this exact content: from the cache, or printed by a worker within `wait`
    seconds; None if it is still being prepared. A failure comes back as FAILED + reason."""
    from minutes.tasks import draft_pdf_print_task

    key = draft_pdf_key(html)
    pdf = cache.get(key)
    if pdf is None and cache.add(
        DRAFT_PDF_QUEUED_KEY.format(key), 1, timeout=settings.SOBHA_DRAFT_RENDER_TIME_LIMIT
    ):
        draft_pdf_print_task.delay(meeting.pk)
    deadline = time.monotonic() + wait
    while pdf is None and time.monotonic() < deadline:
        time.sleep(0.1)
        pdf = cache.get(key)
    return pdf
