"""The minutes app's models, one module per concept."""

from minutes.models.content import (
    AgendaItem,
    Attendee,
    Decision,
    DistributionGroup,
    DistributionGroupMember,
    Recipient,
    RecipientFields,
    Responsibility,
)
from minutes.models.conventions import ConventionFields, OfficeConventions
from minutes.models.delivery import Delivery
from minutes.models.document import IssuedDocument
from minutes.models.meeting import (
    DEFAULT_ATTENDANCE_NOTE,
    DEFAULT_CLOSING,
    DEFAULT_OPENING,
    EARLIEST_MEETING_DATE,
    Meeting,
)
from minutes.models.search import SearchEntry, SearchWord
from minutes.models.workflow import Transition

__all__ = [
    "DEFAULT_ATTENDANCE_NOTE",
    "DEFAULT_CLOSING",
    "DEFAULT_OPENING",
    "EARLIEST_MEETING_DATE",
    "AgendaItem",
    "ConventionFields",
    "Attendee",
    "Decision",
    "Delivery",
    "DistributionGroup",
    "DistributionGroupMember",
    "IssuedDocument",
    "Meeting",
    "OfficeConventions",
    "Recipient",
    "RecipientFields",
    "Responsibility",
    "SearchEntry",
    "SearchWord",
    "Transition",
]
