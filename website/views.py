"""The public website: published minutes only, no log-in. Every page is read-only and goes through
website/pages.py (cache, validators, gzip); documents are served as they were stored on issue."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import parse_etags
from django.views.decorators.http import require_safe

from bangla.digits import to_ascii_digits
from minutes.document.selectors import StoredFileChanged, read_stored
from website import selectors
from website.addresses import fiscal_year_segment, minutes_url, office_url, parse_fiscal_year
from website.documents import framed
from website.pages import public_page

PER_PAGE = 20
KEPT_PAGES = 20  # a list's first pages are kept in the cache; deeper ones are built when asked
LATEST = 10


@dataclass(frozen=True)
class Filters:
    """A list's filters as understood from the query string; what was not understood is left out
    (the page shows everything) and such a page is not kept in the cache."""

    fiscal_year: int | None = None
    team: int | None = None
    query: str = ""
    subordinates: bool = False
    page: int = 1
    understood: bool = True

    @classmethod
    def from_request(cls, request) -> "Filters":
        get, understood = request.GET, True
        fiscal_year = parse_fiscal_year(get.get("fy", "")) if get.get("fy") else None
        understood &= fiscal_year is not None or not get.get("fy")
        team = _whole_number(get.get("team", ""))
        understood &= team is not None or not get.get("team")
        page = _whole_number(get.get("page", "")) or 1
        query = " ".join(get.get("q", "").split())[:200]
        subordinates = get.get("sub") == "1"
        return cls(fiscal_year, team, query, subordinates, page, understood)

    def key(self) -> tuple | None:
        """The cache key's part, or None: a text query or a deep page is not kept."""
        if self.query or self.page > KEPT_PAGES or not self.understood:
            return None
        return (self.fiscal_year, self.team, self.subordinates, self.page)

    def query_string(self, **changes) -> str:
        """The filters (and page) as a query string for links, from what was understood only."""
        values = {
            "fy": fiscal_year_segment(self.fiscal_year) if self.fiscal_year else "",
            "team": self.team or "",
            "sub": "1" if self.subordinates else "",
            "q": self.query,
        }
        values.update(changes)
        return urlencode({name: value for name, value in values.items() if value})


def _whole_number(text: str) -> int | None:
    digits = to_ascii_digits(text).strip()
    return int(digits) if digits.isascii() and digits.isdigit() and len(digits) < 10 else None


def _years(years: list[int]) -> list[tuple[int, str]]:
    """(year, its address form) for a fiscal-year filter's options."""
    return [(year, fiscal_year_segment(year)) for year in years]


def _paginate(minutes, filters: Filters):
    page = Paginator(minutes, PER_PAGE).get_page(filters.page)  # past the end: the last page
    return {
        "page": page,
        "minutes": [(meeting, minutes_url(meeting)) for meeting in page.object_list],
        "filters": filters,
        "page_links": _page_links(page, filters),
    }


def _page_links(page, filters: Filters) -> dict:
    def link(number):
        return "?" + filters.query_string(page=number if number > 1 else "")

    return {
        "previous": link(page.previous_page_number()) if page.has_previous() else None,
        "next": link(page.next_page_number()) if page.has_next() else None,
    }


# ---- Pages -------------------------------------------------------------------------------------------


@require_safe
def home(request):
    def build():
        latest = selectors.published_minutes()[:LATEST]
        ctx = {
            "latest": [(meeting, minutes_url(meeting)) for meeting in latest],
            "offices": [(office, office_url(office)) for office in selectors.top_offices()],
        }
        return render(request, "website/home.html", ctx)

    return public_page(request, ("home",), build)


@require_safe
def minutes_list(request):
    """All published minutes, by fiscal year and text."""
    filters = Filters.from_request(request)

    def build():
        minutes = selectors.published_minutes(fiscal_year=filters.fiscal_year, query=filters.query)
        ctx = {**_paginate(minutes, filters), "fiscal_years": _years(selectors.fiscal_years())}
        return render(request, "website/minutes_list.html", ctx)

    key = filters.key()
    return public_page(request, key and ("list", *key), build)


@require_safe
def office(request, office, fiscal_year=None):
    """An office's published minutes (and, if asked, those of the offices below it), by fiscal year,
    committee and text; the offices right below it; the way to its innovation bank."""
    filters = Filters.from_request(request)
    if fiscal_year is not None:
        filters = Filters(fiscal_year, filters.team, filters.query, filters.subordinates, filters.page)

    def build():
        found = selectors.get_office_or_404(office)
        if found.web_name != office:  # found by its number, but it has a web address now
            args = [found.web_name] if fiscal_year is None else [found.web_name, fiscal_year]
            target = reverse("public:office" if fiscal_year is None else "public:office_year", args=args)
            return HttpResponsePermanentRedirect(target + _query(request))
        subordinates, below = selectors.office_tree(found)
        teams = selectors.office_teams(found)
        team = filters.team if filters.team in {t.pk for t in teams} else None
        minutes = selectors.published_minutes(
            offices=below if filters.subordinates else [found.pk],
            fiscal_year=filters.fiscal_year,
            team=team,
            query=filters.query,
        )
        ctx = {
            "office": found,
            "subordinates": [(sub, office_url(sub)) for sub in subordinates],
            "teams": teams,
            "team": team,
            "fiscal_years": _years(selectors.fiscal_years(below if filters.subordinates else [found.pk])),
            "has_ideas": selectors.has_published_ideas(found),
            **_paginate(minutes, filters),
        }
        response = render(request, "website/office.html", ctx)
        response.not_kept = team != filters.team  # a committee of another office: not kept
        return response

    key = filters.key()
    return public_page(request, key and ("office", office, *key), build)


@require_safe
def ideas(request, office):
    """The office's published innovation bank."""
    filters = Filters.from_request(request)

    def build():
        found = selectors.get_office_or_404(office)
        if found.web_name != office:
            return HttpResponsePermanentRedirect(office_url(found) + "ideas/")
        page = Paginator(selectors.office_ideas(found), PER_PAGE).get_page(filters.page)
        ctx = {"office": found, "page": page, "page_links": _page_links(page, Filters(page=filters.page))}
        return render(request, "website/ideas.html", ctx)

    return public_page(
        request, ("ideas", office, filters.page) if filters.page <= KEPT_PAGES else None, build
    )


@require_safe
def minutes_page(request, office, fiscal_year, memo_number):
    """Published minutes as they were issued: the stored HTML, framed with the way back, the PDF,
    the versions before and after it, and (if the office publishes it) its decisions' status."""

    def build():
        found = selectors.get_office_or_404(office)
        meeting = selectors.get_published_minutes_or_404(found, fiscal_year, memo_number)
        if found.web_name != office:
            return HttpResponsePermanentRedirect(minutes_url(meeting))
        stored = getattr(meeting, "issued_document", None)
        if stored is None:
            return _being_prepared(request, meeting)
        try:
            html = read_stored(stored.html_file.name).decode()
        except (StoredFileChanged, FileNotFoundError):
            return _being_prepared(request, meeting, status=503)
        ctx = _document_context(meeting, stored)
        return HttpResponse(
            framed(
                html,
                head=render_to_string("website/_document_head.html", ctx, request),
                top=render_to_string("website/_document_top.html", ctx, request),
                bottom=render_to_string("website/_document_bottom.html", ctx, request),
            ),
            content_type="text/html; charset=utf-8",
        )

    return public_page(request, ("minutes", office, fiscal_year, memo_number), build)


def _document_context(meeting, stored) -> dict:
    def published(version):
        if version is None or not version.is_public:
            return None
        version.office = meeting.office
        return {"meeting": version, "url": minutes_url(version)}

    return {
        "meeting": meeting,
        "stored": stored,
        "pdf_url": minutes_url(meeting, pdf=True),
        "office_url": office_url(meeting.office),
        "earlier": published(meeting.replaces),
        "later": published(getattr(meeting, "corrected_by", None)),
        "decisions": selectors.decision_statuses(meeting) if meeting.office.publish_decision_status else [],
    }


@require_safe
def minutes_pdf(request, office, fiscal_year, memo_number):
    """The issued PDF as stored, checked against its hash; 304 if the reader has it already."""
    found = selectors.get_office_or_404(office)
    meeting = selectors.get_published_minutes_or_404(found, fiscal_year, memo_number)
    if found.web_name != office:
        return HttpResponsePermanentRedirect(minutes_url(meeting, pdf=True))
    stored = getattr(meeting, "issued_document", None)
    if stored is None:
        return _being_prepared(request, meeting)
    etag = f'"{stored.pdf_sha256}"'
    if etag in parse_etags(request.headers.get("If-None-Match", "")):
        return _pdf_headers(HttpResponse(status=304), stored)
    try:
        pdf = read_stored(stored.pdf_file.name)
    except (StoredFileChanged, FileNotFoundError):
        return _being_prepared(request, meeting, status=503)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="minutes-{meeting.memo_number}.pdf"'
    return _pdf_headers(response, stored)


def _pdf_headers(response, stored):
    response["ETag"] = f'"{stored.pdf_sha256}"'
    response["Cache-Control"] = "public, max-age=300"
    return response


def _being_prepared(request, meeting, status=202):
    """Issued and published, but the worker has not stored the document yet (or, 503, its file cannot
    be served now): a page that reloads itself. Never kept."""
    ctx = {"meeting": meeting, "office_url": office_url(meeting.office)}
    response = render(request, "website/preparing.html", ctx, status=status)
    response["Cache-Control"] = "no-cache"
    return response


def _query(request) -> str:
    return f"?{request.GET.urlencode()}" if request.GET else ""


# ---- The first addresses, printed in the QR codes of documents issued before these pages -----------


@require_safe
def old_document(request, pk):
    return HttpResponsePermanentRedirect(minutes_url(selectors.get_published_by_pk_or_404(pk)))


@require_safe
def old_pdf(request, pk):
    return HttpResponsePermanentRedirect(minutes_url(selectors.get_published_by_pk_or_404(pk), pdf=True))
