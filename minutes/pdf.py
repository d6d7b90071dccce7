"""The minutes document as HTML and as an A4 PDF made by WeasyPrint from that same HTML.

WeasyPrint may load only the portal's own static files (CSS, fonts): no network, no
other local file. Issued versions are rendered once and stored with content hashes;
drafts are rendered on demand.
"""

import hashlib
import mimetypes

from django.conf import settings
from django.contrib.staticfiles import finders
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse

from minutes import pdf_textlayer
from minutes.document import minutes_context
from minutes.models import IssuedDocument, Meeting

# Documents are rendered as if served from here; only its /static/ files resolve.
BASE_URL = "https://sobha.invalid/"
STATIC_PREFIX = BASE_URL + settings.STATIC_URL.lstrip("/")


class ForbiddenResource(ValueError):
    pass


def _static_only_fetcher():
    """WeasyPrint's URL fetcher, limited to the portal's static files: no network, no other file."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if not url.startswith(STATIC_PREFIX):
                raise ForbiddenResource(f"documents may not load {url!r}")
            path = url[len(STATIC_PREFIX) :].split("?")[0].split("#")[0]
            found = finders.find(path) if ".." not in path else None
            if not found:
                raise ForbiddenResource(f"no static file {path!r}")
            with open(found, "rb") as handle:
                body = handle.read()
            return URLFetcherResponse(url, body, {"Content-Type": mimetypes.guess_type(found)[0] or ""})

    return StaticOnlyFetcher()


def render_html(meeting: Meeting, *, verification: dict | None = None) -> str:
    return render_to_string("minutes/document.html", minutes_context(meeting, verification=verification))


def html_to_pdf(html: str) -> bytes:
    import weasyprint

    document = weasyprint.HTML(string=html, base_url=BASE_URL, url_fetcher=_static_only_fetcher())
    return pdf_textlayer.write_pdf(document, custom_metadata=True)


def render_pdf(meeting: Meeting) -> bytes:
    """A PDF rendered now (drafts, previews)."""
    return html_to_pdf(render_html(meeting))


def sha256(data: bytes | str) -> str:
    return hashlib.sha256(data.encode() if isinstance(data, str) else data).hexdigest()


def public_url(meeting: Meeting) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("public:document", args=[meeting.pk])


def store_issued_document(meeting: Meeting) -> IssuedDocument:
    """The issued version's HTML and PDF, rendered once and kept; later calls return what was stored.

    The content hash printed on the document is the hash of its HTML without the
    verification line, so a reader can compare a printed copy with the public page.
    """
    stored = IssuedDocument.objects.filter(meeting=meeting).first()
    if stored:
        return stored
    if not meeting.memo_number:
        raise ValueError("only issued minutes are stored")
    content_hash = sha256(render_html(meeting))
    html = render_html(meeting, verification={"url": public_url(meeting), "hash": content_hash})
    pdf = html_to_pdf(html)
    try:
        with transaction.atomic():
            return IssuedDocument.objects.create(
                meeting=meeting, html=html, html_sha256=content_hash, pdf=pdf, pdf_sha256=sha256(pdf)
            )
    except IntegrityError:  # rendered at the same time elsewhere: keep the first one stored
        return IssuedDocument.objects.get(meeting=meeting)
