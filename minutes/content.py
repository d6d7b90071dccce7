"""The content of a meeting as the editor hands it to the services: plain data, no forms, no HTTP."""

from dataclasses import dataclass, field
from datetime import date


@dataclass
class DecisionContent:
    text: str
    responsible: list[str] = field(default_factory=list)
    deadline_kind: str = "none"
    deadline_date: date | None = None
    deadline_working_days: int | None = None
    deadline_rule: str = ""
    status: str = "pending"
    progress_note: str = ""
    id: int | None = None


@dataclass
class AgendaItemContent:
    title: str
    discussion: str = ""
    decisions: list[DecisionContent] = field(default_factory=list)
    id: int | None = None


@dataclass
class AttendeeContent:
    name: str
    designation: str = ""
    workplace: str = ""
    mobile: str = ""
    email: str = ""
    is_present: bool = True
    official_id: int | None = None
    id: int | None = None


@dataclass
class RecipientContent:
    designation: str = ""
    name: str = ""
    branch: str = ""
    office_name: str = ""
    request: str = ""
    email: str = ""
    office_id: int | None = None
    id: int | None = None


@dataclass
class MeetingContent:
    """Everything below the header, in document order."""

    agenda_items: list[AgendaItemContent] = field(default_factory=list)
    attendees: list[AttendeeContent] = field(default_factory=list)
    recipients: list[RecipientContent] = field(default_factory=list)
