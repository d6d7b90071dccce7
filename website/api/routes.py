"""The API's operations: GET only, no log-in, published minutes only. Every answer goes through
website/pages.py like the public pages (cache per public version, ETag and Last-Modified, 304,
Cache-Control, gzip). Parameters are checked by their declared types and bounds: what is not
understood gets 422 (or 400) with a JSON body saying why, an unknown or unpublished id 404."""

import datetime
import zoneinfo
from functools import wraps
from typing import Annotated
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from ninja import Field, NinjaAPI, Path, Query, Schema
from ninja.decorators import decorate_view
from ninja.errors import HttpError
from ninja.renderers import JSONRenderer

from minutes.document.context import deadline_text
from minutes.models import AgendaItem, Decision, Meeting
from offices.models import Office
from website.addresses import fiscal_year_of, fiscal_year_segment, minutes_url, office_url
from website.api import reads
from website.api import schemas as s
from website.feeds import feed_path
from website.following import BadCriteria, Criteria, clean_query, site_url
from website.opendata import due_date, responsible, shown_status
from website.pages import public_page

MAX_ID = 2**63 - 1
MAX_LIMIT = 100
MAX_OFFSET = 10_000_000
KEPT_QUERY = 200  # longer query strings are answered but not kept in the cache

Id = Annotated[int, Path(ge=1, le=MAX_ID)]


class Paging(Schema):
    limit: int = Field(20, ge=1, le=MAX_LIMIT, description="At most 100.")
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class Filters(Paging):
    office: int | None = Field(None, ge=1, le=MAX_ID, description="An office's id.")
    subordinates: bool = Field(False, description="With the offices below the office.")
    fiscal_year: int | None = Field(
        None, ge=1971, le=2200, description="The year it starts: 2022 for 2022-23."
    )
    q: str = Field("", max_length=200, description="Words of the title, a memo number or an office.")


class Renderer(JSONRenderer):
    json_dumps_params = {"ensure_ascii": False}  # Bangla as it is, not as \u escapes


api = NinjaAPI(
    title="Sobha open data",
    version="1",
    description="Published minutes of Bangladesh government offices' innovation teams: offices, minutes, "
    "agenda items and decisions, read-only. See docs/api.md for the OParl mapping.",
    renderer=Renderer(),
    urls_namespace="public:api",  # included under website/urls.py (app "public")
)


def public_answer(run):
    """A Django view decorator for the operations: answered through public_page (the query string, if
    short, is part of the cache key)."""

    @wraps(run)
    def view(request, *args, **kwargs):
        query = request.META.get("QUERY_STRING", "")
        key = ("api", request.path, query) if len(query) <= KEPT_QUERY else None
        return public_page(request, key, lambda: run(request, *args, **kwargs))

    return view


def _criteria(filters: Filters) -> Criteria:
    try:
        query = clean_query(filters.q)
    except BadCriteria as error:
        raise HttpError(400, str(error)) from error
    found = reads.get_office_or_404(filters.office) if filters.office is not None else None
    subordinates = filters.subordinates and found is not None
    return Criteria(office=found, subordinates=subordinates, query=query, fiscal_year=filters.fiscal_year)


def _page(request, query, paging: Paging) -> dict:
    """A list's page as OParl pages lists, with the addresses of the pages before and after it."""
    limit, offset = paging.limit, paging.offset
    total = query.count()

    def link(at):
        params = {**request.GET.dict(), "offset": at, "limit": limit}
        return site_url(request.path) + "?" + urlencode(params)

    return {
        "data": query[offset : offset + limit],
        "pagination": {"totalElements": total, "elementsPerPage": limit, "offset": offset},
        "links": {
            "next": link(offset + limit) if offset + limit < total else None,
            "prev": link(max(0, offset - limit)) if offset > 0 else None,
        },
    }


# ---- Objects as the API shows them -------------------------------------------------------------------


def _office(office: Office) -> dict:
    return {
        "id": office.pk,
        "type": s.OPARL + "Body",
        "name": office.name,
        "name_en": office.name_en,
        "short_name": office.short_name,
        "kind": office.kind,
        "parent": office.parent_id,
        "web": site_url(office_url(office)),
        "website": office.website,
        "publishes_decision_status": office.publish_decision_status,
        "minutes": site_url(reverse("public:api:minutes")) + f"?office={office.pk}",
        "feed": site_url(feed_path(Criteria(office=office))),
    }


def _files(meeting: Meeting) -> tuple[dict, dict]:
    """(the PDF, the HTML page) as OParl files; facts of the stored files once they are stored."""
    stored = getattr(meeting, "issued_document", None)
    pdf = {
        "type": s.OPARL + "File",
        "name": f"minutes-{meeting.memo_number}.pdf",
        "mimeType": "application/pdf",
        "accessUrl": site_url(minutes_url(meeting, pdf=True)),
        "size": stored.pdf_size if stored else None,
        "sha256Checksum": stored.pdf_sha256 if stored else None,
    }
    html = {
        "type": s.OPARL + "File",
        "name": meeting.title,
        "mimeType": "text/html",
        "accessUrl": site_url(minutes_url(meeting)),
    }
    return pdf, html


def _minutes(meeting: Meeting) -> dict:
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    return {
        "id": meeting.pk,
        "type": s.OPARL + "Meeting",
        "name": meeting.title,
        "office": {
            "id": meeting.office.pk,
            "name": meeting.office.name,
            "web": site_url(office_url(meeting.office)),
        },
        "team": meeting.team.name if meeting.team_id else None,
        "date": meeting.date,
        "start": datetime.datetime.combine(meeting.date, meeting.start_time, tzinfo=zone),
        "location": meeting.venue,
        "fiscal_year": fiscal_year_segment(fiscal_year_of(meeting)),
        "memo_number": meeting.memo_number,
        "issue_date": meeting.issue_date,
        "version": meeting.version,
        "replaces": meeting.replaces_id if meeting.replaces_published else None,
        "published_at": meeting.published_at,
        "web": site_url(minutes_url(meeting)),
        "resultsProtocol": _files(meeting)[0],
        "agenda_items": site_url(reverse("public:api:agenda_items", args=[meeting.pk])),
    }


def _decision(decision: Decision, meeting: Meeting) -> dict:
    decision.agenda_item.meeting = meeting
    return {
        "id": decision.pk,
        "meeting": meeting.pk,
        "agenda_item": decision.agenda_item_id,
        "number": decision.number,
        "text": decision.plain_text(),
        "text_html": decision.text,
        "responsible": responsible(decision),
        "deadline": deadline_text(decision, meeting.issue_date),
        "deadline_kind": decision.deadline_kind,
        "due_date": due_date(decision),
        "status": shown_status(decision),
    }


def _agenda_item(item: AgendaItem) -> dict:
    return {
        "id": item.pk,
        "type": s.OPARL + "AgendaItem",
        "meeting": item.meeting_id,
        "number": item.number,
        "name": item.title,
        "discussion_html": item.discussion,
        "decisions": [_decision(decision, item.meeting) for decision in item.decisions.all()],
    }


# ---- Operations --------------------------------------------------------------------------------------


@api.get("/offices", response=s.OfficeList, url_name="offices", summary="Offices (OParl Body)")
@decorate_view(public_answer)
def office_list(request, paging: Query[Paging]):
    page = _page(request, reads.offices(), paging)
    return {**page, "data": [_office(o) for o in page["data"]]}


@api.get("/offices/{office_id}", response=s.Office, url_name="office", summary="One office")
@decorate_view(public_answer)
def office_detail(request, office_id: Id):
    return _office(reads.get_office_or_404(office_id))


@api.get("/minutes", response=s.MinutesList, url_name="minutes", summary="Published minutes (OParl Meeting)")
@decorate_view(public_answer)
def minutes_list(request, filters: Query[Filters]):
    page = _page(request, reads.minutes(_criteria(filters)), filters)
    return {**page, "data": [_minutes(m) for m in page["data"]]}


@api.get(
    "/minutes/{minutes_id}", response=s.MinutesDetail, url_name="minutes_detail", summary="Published minutes"
)
@decorate_view(public_answer)
def minutes_detail(request, minutes_id: Id):
    meeting = reads.get_minutes_or_404(minutes_id)
    corrected_by = getattr(meeting, "corrected_by", None)
    pdf, html = _files(meeting)
    return {
        **_minutes(meeting),
        "chair_name": meeting.chair_name,
        "chair_designation": meeting.chair_designation,
        "corrected_by": corrected_by.pk if corrected_by is not None and corrected_by.is_public else None,
        "auxiliaryFile": [html],
        "agendaItem": [_agenda_item(item) for item in reads.agenda_items([meeting.pk])],
    }


@api.get(
    "/minutes/{minutes_id}/agenda-items",
    response=list[s.AgendaItem],
    url_name="agenda_items",
    summary="The agenda items of published minutes, with their decisions",
)
@decorate_view(public_answer)
def agenda_item_list(request, minutes_id: Id):
    items = reads.agenda_items([minutes_id])
    if not items and not Meeting.objects.filter(pk=minutes_id, state=reads.PUBLISHED).exists():
        raise HttpError(404, "Not Found")
    return [_agenda_item(item) for item in items]


@api.get("/agenda-items/{item_id}", response=s.AgendaItem, url_name="agenda_item", summary="One agenda item")
@decorate_view(public_answer)
def agenda_item_detail(request, item_id: Id):
    return _agenda_item(reads.get_agenda_item_or_404(item_id))


@api.get(
    "/decisions", response=s.DecisionList, url_name="decisions", summary="Decisions of published minutes"
)
@decorate_view(public_answer)
def decision_list(request, filters: Query[Filters]):
    page = _page(request, reads.decisions(_criteria(filters)), filters)
    return {**page, "data": [_decision(d, d.agenda_item.meeting) for d in page["data"]]}


@api.get("/decisions/{decision_id}", response=s.Decision, url_name="decision", summary="One decision")
@decorate_view(public_answer)
def decision_detail(request, decision_id: Id):
    decision = reads.get_decision_or_404(decision_id)
    return _decision(decision, decision.agenda_item.meeting)
