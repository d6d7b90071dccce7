"""Offices, the people in them, their files (নথি) and who may do what where.

Every other app hangs on these models. Names and designations of people are
kept here as they are today; documents freeze their own copy when signed.
"""

from offices.models.audit import AuditEntry
from offices.models.files import FILE_NUMBER_RE, GovernmentFile, memo_number
from offices.models.holidays import OfficeHoliday
from offices.models.office import Branch, Office
from offices.models.people import Official, Post
from offices.models.teams import InnovationTeam, TeamMember
from offices.models.users import OfficeRole, User

__all__ = [
    "FILE_NUMBER_RE",
    "AuditEntry",
    "Branch",
    "GovernmentFile",
    "InnovationTeam",
    "Office",
    "OfficeHoliday",
    "OfficeRole",
    "Official",
    "Post",
    "TeamMember",
    "User",
    "memo_number",
]
