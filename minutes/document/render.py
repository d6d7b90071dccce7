"""The minutes document as HTML, and as an A4 PDF printed by WeasyPrint from that same HTML.

- The HTML comes from one context (minutes/document/context.py) and one template
  (templates/minutes/document.html); its body is sanitised last, so nothing a user typed can
  carry markup that runs, whatever the template or the context did with it.
- WeasyPrint may load only the portal's own static files (CSS, fonts): no network and no
  other local file. Bangla text in the PDF extracts correctly thanks to `pdftext`. The PDF is
  tagged, its running header and footer marked as artifacts (minutes/document/artifacts.py).
- Every print runs in a child process forked for it, killed when the time limit passes
  (RenderTimeout). The parent keeps one WeasyPrint font configuration, warmed once, that the
  children inherit: memory stays flat however many documents are printed.
"""

import contextlib
import gc
import math
import mimetypes
import os
import re
import selectors
import signal
import time
from pathlib import Path

import nh3
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.translation import gettext as _

import pdftext
from bangla.digits import to_bangla_digits
from minutes.document.artifacts import PageMargins, mark_running_artifacts
from minutes.document.context import minutes_context
from minutes.models import Meeting

# Documents are printed as if served from this address; only its /static/ files resolve.
BASE_URL = "https://sobha.invalid/"
STATIC_PREFIX = BASE_URL + settings.STATIC_URL.lstrip("/")

# Everything templates/minutes/document.html writes in its <body>, and nothing else.
DOCUMENT_TAGS = {
    "article", "header", "section", "nav", "div", "p", "h1", "h2", "span", "strong", "b", "i", "em", "u",
    "br", "a", "ol", "ul", "li", "table", "caption", "thead", "tbody", "tr", "th", "td", "img",
}  # fmt: skip
DOCUMENT_ATTRIBUTES = {"*": {"class", "id", "lang", "aria-hidden"}, "a": {"href"}, "img": {"src", "alt"}}
# The only images a document holds: its QR code, an SVG data URI made by verification_qr.
_QR_IMAGE = "data:image/svg+xml;"
DOCUMENT_ATTRIBUTES.update(
    {cell: {"scope", "colspan", "rowspan", *DOCUMENT_ATTRIBUTES["*"]} for cell in ("th", "td")}
)
_BODY = re.compile(r"(<body[^>]*>)(.*)(</body>)", re.DOTALL)


class RenderTimeout(Exception):
    """The print took longer than its limit and was stopped. str() is the user's message."""


class RenderFailed(Exception):
    """WeasyPrint failed on the document; str() says why (for logs)."""


def sanitize_document(html: str) -> str:
    """The document with its body passed through nh3 last: only the tags and attributes the
    template writes, only http(s) and mail links. The head is the template's own."""
    match = _BODY.search(html)
    body = nh3.clean(
        match[2],
        tags=DOCUMENT_TAGS,
        attributes=DOCUMENT_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "data"},
        attribute_filter=_only_qr_data,
        link_rel=None,
        strip_comments=True,
    )
    return html[: match.start(2)] + body + html[match.end(2) :]


def _only_qr_data(tag: str, attribute: str, value: str) -> str | None:
    """An <img> keeps its source only if it is the QR code's SVG data URI; data: URLs nowhere else."""
    if tag == "img" and attribute == "src":
        return value if value.startswith(_QR_IMAGE) else None
    return None if value.lower().lstrip().startswith("data:") else value


def render_html(meeting: Meeting, *, verification: dict | None = None, toolbar=None) -> str:
    context = minutes_context(meeting, verification=verification)
    return sanitize_document(render_to_string("minutes/document.html", {**context, "toolbar": toolbar}))


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
            if url.startswith(_QR_IMAGE):  # the QR code, written inline by the document itself
                return super().fetch(url, headers)
            path = url.removeprefix(STATIC_PREFIX).split("?")[0].split("#")[0]
            found = static_file(path) if url.startswith(STATIC_PREFIX) else None
            if found is None:
                raise ValueError(f"the document may not load {url!r}")
            content_type = mimetypes.guess_type(found.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, found.read_bytes(), {"Content-Type": content_type})

    return StaticOnly()


_font_config = None


def _warm_font_config():
    """This process's one font configuration, with the portal's fonts already loaded into it."""
    global _font_config
    if _font_config is None:
        import weasyprint
        from weasyprint.text.fonts import FontConfiguration

        config = FontConfiguration()
        fonts = static("css/fonts.css")
        warm_up = f'<link rel="stylesheet" href="{fonts}"><p style="font-family: Sobha Serif Bangla">সভা</p>'
        weasyprint.HTML(string=warm_up, base_url=BASE_URL, url_fetcher=_url_fetcher()).render(
            font_config=config
        )
        _font_config = config
    return _font_config


def _print(html: str) -> bytes:
    """A tagged PDF (a structure tree for screen readers) whose running header and footer are
    marked as artifacts, so that readers and extractors skip them."""
    import weasyprint

    html = weasyprint.HTML(string=html, base_url=BASE_URL, url_fetcher=_url_fetcher())
    document = html.render(font_config=_warm_font_config())
    pdf = pdftext.write_pdf(document, pdf_tags=True)
    return mark_running_artifacts(pdf, [_margins(page) for page in document.pages])


def _margins(page) -> PageMargins:
    """The page's top and bottom margins in points (WeasyPrint lays out in CSS pixels)."""
    box = page._page_box  # WeasyPrint is pinned (pdftext.WEASYPRINT_VERSION)
    return PageMargins(top=box.margin_top * 0.75, bottom=box.margin_bottom * 0.75)


def html_to_pdf(html: str, *, time_limit: float | None = None) -> bytes:
    """Print the document HTML (title, author and language come from its <head>) in a child process
    that is killed after `time_limit` seconds (default SOBHA_RENDER_TIME_LIMIT)."""
    _warm_font_config()
    return run_forked(lambda: _print(html), time_limit or settings.SOBHA_RENDER_TIME_LIMIT)


def run_forked(function, time_limit: float) -> bytes:
    """function() -> bytes, run in a forked child; RenderTimeout if it has not finished in time.

    The child is killed at the limit, and reaped whatever happens in the parent (a Celery time
    limit or a shutdown raising while it waits); a child whose parent died stops itself a few
    seconds after its limit (SIGALRM).
    """
    read_end, write_end = os.pipe()
    gc.freeze()  # the child then leaves the parent's objects alone: fewer pages copied on write
    try:
        pid = os.fork()
    except BaseException:
        gc.unfreeze()
        os.close(read_end)
        os.close(write_end)
        raise
    if pid == 0:
        _child(function, time_limit, read_end, write_end)
    gc.unfreeze()
    os.close(write_end)
    try:
        payload = _read_until(read_end, time.monotonic() + time_limit)
    finally:
        _stop(pid)
    if payload is None:
        raise RenderTimeout(
            _("The document took longer than %(seconds)s seconds to print and was stopped.")
            % {"seconds": to_bangla_digits(f"{time_limit:g}")}
        )
    if not payload.startswith(b"\0"):
        raise RenderFailed(payload[1:].decode(errors="replace") or "the printing process died")
    return payload[1:]


def _child(function, time_limit: float, read_end: int, write_end: int):
    """In the forked child: print, hand the bytes over, leave without running any cleanup."""
    status = 0
    try:
        gc.disable()  # a short life: nothing to collect that exiting does not free
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
        signal.alarm(math.ceil(time_limit) + 5)
        os.close(read_end)
        try:
            payload = b"\0" + function()
        except BaseException as error:  # noqa: BLE001 - reported to the parent
            payload, status = b"\1" + f"{type(error).__name__}: {error}".encode(), 1
        with os.fdopen(write_end, "wb") as out:
            out.write(payload)
    finally:
        os._exit(status)


def _read_until(read_end: int, deadline: float) -> bytes | None:
    """Everything the child writes, or None if it has not finished by the deadline."""
    chunks = []
    with os.fdopen(read_end, "rb", buffering=0) as pipe, selectors.DefaultSelector() as selector:
        selector.register(pipe, selectors.EVENT_READ)
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not selector.select(remaining):
                return None
            chunk = pipe.read(1 << 20)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)


def _stop(pid: int) -> None:
    """Kill the child if it still runs, and reap it."""
    with contextlib.suppress(ChildProcessError):
        if os.waitpid(pid, os.WNOHANG) == (0, 0):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
