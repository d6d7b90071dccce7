"""Who is told of an item: those responsible for it and, once it is long overdue, the head of their
office and the superior office's innovation team. A fixed number of queries for any number of items.

Responsible: followup/responsibility.py, the one rule My work, the feeds and the dashboards use too:
- an official named on the decision: that official, while in office;
- a post: whoever holds it now (an active official whose post it is), so a transfer hands it over;
- a branch: the branch's active officials (the portal does not know who heads a branch);
- an office: its focal point for innovation work: the member-secretaries of its teams, else their
  chairs, else the officials whose accounts administer the office;
- an indicator: its responsible post, else its responsible branch, as above.
A name typed outside the portal reaches nobody.

The head of an office is the chair of its innovation team (সভাপতি: "Chair / chief innovation
officer", who approves its minutes); an office without a team chair: the officials whose accounts
hold the approver role there. The superior office's team is the member-secretary of the parent
office's team (who follows up the subordinate offices), else its chair.
"""

from collections.abc import Iterable

from followup.responsibility import officials_with_role, responsible_officials, team_officials
from offices.models import Office, OfficeRole, Official, TeamMember

__all__ = ["office_heads", "responsible_officials", "superior_teams"]

Role = TeamMember.Role


def office_heads(office_ids: Iterable[int]) -> dict[int, list[Official]]:
    """{office id: the head of the office}: its team's chair, else the officials who approve there."""
    office_ids = set(office_ids)
    result = team_officials(office_ids, (Role.CHAIR,)) if office_ids else {}
    missing = office_ids - result.keys()
    if missing:
        result.update(officials_with_role(missing, OfficeRole.Role.APPROVER))
    return result


def superior_teams(office_ids: Iterable[int]) -> dict[int, list[Official]]:
    """{office id: the member-secretary (else the chair) of its superior office's team}; offices with
    no superior office are left out."""
    parents = dict(
        Office.objects.filter(pk__in=set(office_ids), parent__isnull=False).values_list("pk", "parent_id")
    )
    teams = team_officials(set(parents.values()), (Role.MEMBER_SECRETARY, Role.CHAIR)) if parents else {}
    return {office_id: teams[parent_id] for office_id, parent_id in parents.items() if parent_id in teams}
