"""Writes to an office's records. Each checks the acting user's right to administer the office
(offices/access.py), validates, saves and writes its audit entry in one transaction.

Views, the invitation page and tests call these; nothing else writes these records.
"""

from offices.services.holidays import holiday_move, holiday_remove, holiday_save
from offices.services.people import post_transfer
from offices.services.records import file_create, file_set_starting_serial, office_record_save
from offices.services.teams import team_member_add, team_member_remove, team_member_update
from offices.services.users import (
    office_roles_set,
    user_deactivate,
    user_invitation_accept,
    user_invite,
    user_invite_again,
)

__all__ = [
    "office_record_save",
    "file_create",
    "file_set_starting_serial",
    "post_transfer",
    "holiday_save",
    "holiday_move",
    "holiday_remove",
    "team_member_add",
    "team_member_update",
    "team_member_remove",
    "office_roles_set",
    "user_invite",
    "user_invite_again",
    "user_invitation_accept",
    "user_deactivate",
]
