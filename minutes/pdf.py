"""The minutes document as HTML and as an A4 PDF printed by WeasyPrint from that same HTML.

WeasyPrint may load only the portal's own static files (CSS, fonts): no network and no other
local file. Bangla text in the PDF extracts correctly thanks to minutes.pdf_textlayer. Issued
versions are rendered once and stored with their hashes; drafts are rendered on demand.
"""

import hashlib
import mimetypes
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse

from minutes import pdf_textlayer
from minutes.document import ISSUED_STATES, minutes_context
from minutes.models import IssuedDocument, Meeting

# Documents are printed as if served from this address; only its /static/ files resolve.
BASE_URL = "https://sobha.invalid/"
STATIC_PREFIX = BASE_URL + settings.STATIC_URL.lstrip("/")


def static_file(path: str) -> Path | None:
    """The static file at `path` (in a static source folder, or collected under a hashed name), or None."""
    if not path or path.startswith("/") or ".." in Path(path).parts:
        return None
    found = finders.find(path)
    if found:
        return Path(found)
    try:
        collected = Path(staticfiles_storage.path(path))
    except NotImplementedError:  # a storage without local files
        return None
    return collected if collected.is_file() else None


def _url_fetcher():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnly(URLFetcher):
        """Serves the portal's static files; refuses every other URL (WeasyPrint then skips it)."""

        def fetch(self, url, headers=None):
            path = url.removeprefix(STATIC_PREFIX).split("?")[0].split("#")[0]
            found = static_file(path) if url.startswith(STATIC_PREFIX) else None
            if found is None:
                raise ValueError(f"the document may not load {url!r}")
            content_type = mimetypes.guess_type(found.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, found.read_bytes(), {"Content-Type": content_type})

    return StaticOnly()


def render_html(meeting: Meeting, *, verification: dict | None = None, toolbar=None) -> str:
    context = minutes_context(meeting, verification=verification)
    return render_to_string("minutes/document.html", {**context, "toolbar": toolbar})


def html_to_pdf(html: str) -> bytes:
    """Print the document HTML. Title, author (the office) and language come from its <head>."""
    import weasyprint

    document = weasyprint.HTML(string=html, base_url=BASE_URL, url_fetcher=_url_fetcher())
    return pdf_textlayer.write_pdf(document)


def render_pdf(source: Meeting | str) -> bytes:
    """The PDF of a meeting as it is now (drafts, previews), or of document HTML already rendered."""
    return html_to_pdf(source if isinstance(source, str) else render_html(source))


def sha256(data: bytes | str) -> str:
    return hashlib.sha256(data.encode() if isinstance(data, str) else data).hexdigest()


def pdf_sha256(pdf: bytes) -> str:
    return sha256(bytes(pdf))


def public_url(meeting: Meeting) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("public:document", args=[meeting.pk])


def issued_pdf(meeting: Meeting) -> bytes | None:
    """The stored PDF of an issued version, or None if it has not been stored yet."""
    pdf = IssuedDocument.objects.filter(meeting=meeting).values_list("pdf", flat=True).first()
    return None if pdf is None else bytes(pdf)


def store_issued_document(meeting: Meeting) -> IssuedDocument:
    """Render the issued version's HTML and PDF once and keep them; later calls return what was stored.

    The hash printed on the document (html_sha256) is the hash of its HTML without the
    verification line, so that a printed copy can be checked against the public page.
    """
    stored = IssuedDocument.objects.filter(meeting=meeting).first()
    if stored:
        return stored
    if meeting.state not in ISSUED_STATES or not meeting.memo_number:
        raise ValueError("only issued minutes, with their memo number, are stored")
    content_hash = sha256(render_html(meeting))
    html = render_html(meeting, verification={"url": public_url(meeting), "hash": content_hash})
    pdf = html_to_pdf(html)
    try:
        with transaction.atomic():
            return IssuedDocument.objects.create(
                meeting=meeting, html=html, html_sha256=content_hash, pdf=pdf, pdf_sha256=pdf_sha256(pdf)
            )
    except IntegrityError:  # stored meanwhile by another worker: keep the first one
        return IssuedDocument.objects.get(meeting=meeting)
