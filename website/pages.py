"""How every public page is answered: from the cache when it can, with validators, compressed.

- A page is built once per *public version* (offices/publication.py), language and address, and
  kept in the cache as its bytes and their gzip, so a repeat costs two cache reads and no query.
  Each web process also keeps the pages it served last (the key holds the version, so a kept
  page is never stale): a repeat then costs one small cache read, the version's.
  Only 200 answers to canonical addresses are kept: a 404, a "being prepared" page, a text query
  or a deep page number are built each time, so made-up addresses cannot fill the cache.
- ETag (of the page's bytes) and Last-Modified (when the public version last changed) on every
  page, and 304 when the reader's copy is current; Cache-Control lets browsers and proxies keep
  a page for a few minutes, so a withdrawn document leaves their copies soon after.
- gzip for readers that accept it. BREACH needs a secret in the same compressed answer as the
  reader's input; public pages carry none (no CSRF token, no session, the same bytes for every
  reader), which is why compression is done here, for these pages only, not by a middleware.
"""

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from django.utils.regex_helper import _lazy_re_compile
from django.utils.text import compress_string
from django.utils.translation import get_language

from offices.publication import public_version, version_time

KEPT_SECONDS = 3600  # a cached page is dropped after this long even if nothing changed
BROWSER_SECONDS = 300  # how long browsers and proxies may keep a page without asking again
ACCEPTS_GZIP = _lazy_re_compile(r"\bgzip\b")
KEPT_IN_PROCESS = 200  # pages (of some tens of kB each) a web process keeps for itself


@dataclass(frozen=True)
class Page:
    content: bytes
    gzipped: bytes | None
    content_type: str
    etag: str
    last_modified: int


def public_page(request: HttpRequest, key: tuple | None, build: Callable[[], HttpResponse]) -> HttpResponse:
    """The page for `key` (the view's validated parameters; None: never kept) from the cache, or
    built by `build()` and kept if it is a plain 200 page."""
    version = public_version()
    cache_key = _cache_key(version, key) if key is not None else None
    page = _recent.get(cache_key) if cache_key else None
    if page is None and cache_key:
        page = cache.get(cache_key)
        _recent.put(cache_key, page)
    if page is None:
        response = build()
        if response.status_code != 200 or response.streaming:
            return _headers(response, cacheable=response.status_code in (200, 301))
        page = _page(response, version)
        if cache_key and not getattr(response, "not_kept", False):
            cache.set(cache_key, page, KEPT_SECONDS)
            _recent.put(cache_key, page)
    return _answer(request, page)


class _Recent:
    """The pages this process served last, by cache key (least recently used dropped first)."""

    def __init__(self, size: int):
        self.size, self.pages, self.lock = size, OrderedDict(), threading.Lock()

    def get(self, key: str) -> "Page | None":
        with self.lock:
            page = self.pages.get(key)
            if page is not None:
                self.pages.move_to_end(key)
            return page

    def put(self, key: str, page: "Page | None") -> None:
        if page is None:
            return
        with self.lock:
            self.pages[key] = page
            self.pages.move_to_end(key)
            while len(self.pages) > self.size:
                self.pages.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.pages.clear()


_recent = _Recent(KEPT_IN_PROCESS)


def _cache_key(version: str, key: tuple) -> str:
    digest = hashlib.sha256(repr((get_language(), key)).encode()).hexdigest()
    return f"public-page:{version}:{digest}"


def _page(response: HttpResponse, version: str) -> Page:
    content = response.content
    gzipped = compress_string(content) if len(content) >= 200 else None
    if gzipped is not None and len(gzipped) >= len(content):
        gzipped = None
    etag = f'W/"{hashlib.sha256(content).hexdigest()[:32]}"'
    return Page(content, gzipped, response["Content-Type"], etag, int(version_time(version)))


def _answer(request: HttpRequest, page: Page) -> HttpResponse:
    gzip = page.gzipped is not None and ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", ""))
    response = HttpResponse(page.gzipped if gzip else page.content, content_type=page.content_type)
    if gzip:
        response["Content-Encoding"] = "gzip"
    response["Content-Length"] = str(len(response.content))
    response["ETag"] = page.etag
    response["Last-Modified"] = http_date(page.last_modified)
    patch_vary_headers(response, ("Accept-Encoding",))
    response = get_conditional_response(
        request, etag=page.etag, last_modified=page.last_modified, response=response
    )
    return _headers(response, cacheable=True)


def _headers(response: HttpResponse, *, cacheable: bool) -> HttpResponse:
    if cacheable:
        response["Cache-Control"] = f"public, max-age={BROWSER_SECONDS}"
    else:
        response["Cache-Control"] = "no-cache"
    return response
