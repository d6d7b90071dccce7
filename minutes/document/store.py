"""Where printed documents are kept, and the only places that print them.

- An issued version is rendered once, by the issue step's after-commit task, and stored as two
  files (HTML, PDF) of the "documents" storage, written once under names that carry their
  SHA-256, with its hashes in an IssuedDocument row; pages only read it, and say "being
  prepared" until it is there.
- A draft's PDF (and any document printed on demand, such as the action plan's progress sheet)
  is printed by a Celery task once per content hash and kept in the cache; the
  page waits a few seconds for it (awaited_pdf), then says "being prepared". No web
  request prints.
"""

import hashlib
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.urls import reverse

from minutes.document.render import RenderFailed, RenderTimeout, html_to_pdf, render_html
from minutes.models import IssuedDocument, Meeting
from minutes.models.document import document_name, documents_storage
from offices.publication import public_content_changed

PDF_KEY = "pdf:{}"
PDF_QUEUED_KEY = "pdf-queued:{}"
FAILED = b"failed:"  # a cached PDF that could not be printed starts with this, then the reason
FAILURE_KEPT_SECONDS = 300


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
    pdf_hash = sha256(pdf)
    files = {
        "html_file": _write_once(document_name(meeting.pk, sha256(html), "html"), html.encode()),
        "pdf_file": _write_once(document_name(meeting.pk, pdf_hash, "pdf"), pdf),
    }
    try:
        with transaction.atomic():
            stored = IssuedDocument.objects.create(
                meeting=meeting, html_sha256=content_hash, pdf_sha256=pdf_hash, pdf_size=len(pdf), **files
            )
    except IntegrityError:  # stored meanwhile by another worker: keep the first one
        return IssuedDocument.objects.get(meeting=meeting)
    if meeting.is_public:  # published on issue: its page is no longer "being prepared"
        public_content_changed()
    return stored


def _write_once(name: str, data: bytes) -> str:
    """Keep `data` under `name` (which carries its hash): a file already there holds these very bytes
    and is left as it is; nothing is ever overwritten."""
    storage = documents_storage()
    if storage.exists(name):
        return name
    return storage.save(name, ContentFile(data))


# -- printed on demand: drafts, and other apps' documents ---------------------------------------------
# A draft's PDF, or a document another app prints from HTML it makes (the action plan's progress
# sheet), is printed by a Celery task once per content hash and kept in the cache; the page waits a
# few seconds for it (awaited_pdf), then says "being prepared".
def pdf_cache_key(html: str) -> str:
    return PDF_KEY.format(sha256(html))


def print_into_cache(html: str, *, time_limit: float | None = None) -> None:
    """Print the HTML and cache the PDF (or why it failed) under its content hash. Called only by
    Celery tasks."""
    key = pdf_cache_key(html)
    if cache.get(key) is not None:
        return
    try:
        pdf = html_to_pdf(html, time_limit=time_limit or settings.SOBHA_DRAFT_RENDER_TIME_LIMIT)
    except (RenderTimeout, RenderFailed) as error:  # said for a few minutes, then tried again
        cache.set(key, FAILED + str(error).encode(), timeout=FAILURE_KEPT_SECONDS)
        return
    cache.set(key, pdf, timeout=settings.SOBHA_DRAFT_PDF_CACHE_SECONDS)


def cached_pdf(html: str) -> bytes | None:
    """The PDF of this exact content if a worker printed it (FAILED + reason if it could not), else None."""
    return cache.get(pdf_cache_key(html))


def claim_print(html: str) -> bool:
    """True once per content (until the print's time limit passes): the caller queues the print."""
    return cache.add(PDF_QUEUED_KEY.format(pdf_cache_key(html)), 1, settings.SOBHA_DRAFT_RENDER_TIME_LIMIT)


def awaited_pdf(html: str, queue_print: Callable[[], object]) -> bytes | None:
    """The PDF of this content: cached, or printed by a worker (`queue_print()` queues the task that
    calls print_into_cache with this same HTML) within SOBHA_DRAFT_PDF_WAIT seconds (most are); None
    if it is still being prepared. FAILED + the reason if it could not be printed."""
    pdf = cached_pdf(html)
    if pdf is None and claim_print(html):
        queue_print()
    deadline = time.monotonic() + settings.SOBHA_DRAFT_PDF_WAIT
    while pdf is None and time.monotonic() < deadline:
        time.sleep(0.2)
        pdf = cached_pdf(html)
    return pdf


def draft_pdf_print(meeting: Meeting) -> None:
    """Print the draft as it is now and cache the PDF. Called only by a Celery task."""
    print_into_cache(render_html(meeting), time_limit=settings.SOBHA_DRAFT_RENDER_TIME_LIMIT)
