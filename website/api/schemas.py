"""What the API answers, as OpenAPI describes it. Each object names its OParl 1.1 type in `type`
where one fits (Body, Meeting, AgendaItem, File); docs/api.md has the whole mapping."""

import datetime

from ninja import Schema

OPARL = "https://schema.oparl.org/1.1/"


class Pagination(Schema):
    totalElements: int  # noqa: N815 - OParl's names
    elementsPerPage: int  # noqa: N815
    offset: int


class Links(Schema):
    next: str | None
    prev: str | None


class OfficeRef(Schema):
    id: int
    name: str
    web: str


class Office(Schema):
    id: int
    type: str
    name: str
    name_en: str
    short_name: str
    kind: str
    parent: int | None
    web: str
    website: str
    publishes_decision_status: bool
    minutes: str
    feed: str


class File(Schema):
    type: str
    name: str
    mimeType: str  # noqa: N815
    accessUrl: str  # noqa: N815
    size: int | None = None
    sha256Checksum: str | None = None  # noqa: N815


class Decision(Schema):
    id: int
    meeting: int
    agenda_item: int
    number: int
    text: str
    text_html: str
    responsible: list[str]
    deadline: str
    deadline_kind: str
    due_date: datetime.date | None
    status: str | None


class AgendaItem(Schema):
    id: int
    type: str
    meeting: int
    number: int
    name: str
    discussion_html: str
    decisions: list[Decision]


class Minutes(Schema):
    id: int
    type: str
    name: str
    office: OfficeRef
    team: str | None
    date: datetime.date
    start: datetime.datetime
    location: str
    fiscal_year: str
    memo_number: str
    issue_date: datetime.date | None
    version: int
    replaces: int | None
    published_at: datetime.datetime | None
    web: str
    resultsProtocol: File  # noqa: N815
    agenda_items: str


class MinutesDetail(Minutes):
    chair_name: str
    chair_designation: str
    corrected_by: int | None
    auxiliaryFile: list[File]  # noqa: N815
    agendaItem: list[AgendaItem]  # noqa: N815


class OfficeList(Schema):
    data: list[Office]
    pagination: Pagination
    links: Links


class MinutesList(Schema):
    data: list[Minutes]
    pagination: Pagination
    links: Links


class DecisionList(Schema):
    data: list[Decision]
    pagination: Pagination
    links: Links


class Error(Schema):
    detail: str
