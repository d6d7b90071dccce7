"""Who is told of an item: those responsible for it and, once it is long overdue, the head of their
office and the superior office's innovation team. A fixed number of queries for any number of items.

Responsible (the same rule as followup/responsibility.py on the `followup` branch, which answers
"who?" for My work: the coordinator keeps one of the two):
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

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Q

from actionplan.models import Indicator
from minutes.models import Responsibility
from offices.models import Office, OfficeRole, Official, TeamMember

Role = TeamMember.Role


def responsible_officials(occurrences: Iterable) -> dict[int, list[Official]]:
    """{occurrence id: the active officials responsible for it, in the order the decision names them}."""
    occurrences = list(occurrences)
    targets: dict[tuple[str, int], list[tuple[str, int]]] = defaultdict(list)
    decision_ids = {o.decision_id for o in occurrences if o.decision_id}
    for row in (
        Responsibility.objects.filter(decision_id__in=decision_ids)
        .order_by("decision", "order", "id")
        .values("decision_id", "official_id", "post_id", "branch_id", "office_id")
    ):
        kind = next((k for k in ("official", "post", "branch", "office") if row[f"{k}_id"]), None)
        if kind:
            targets[("decision", row["decision_id"])].append((kind, row[f"{kind}_id"]))
    indicator_ids = {o.indicator_id for o in occurrences if o.indicator_id}
    for pk, post_id, branch_id in Indicator.objects.filter(pk__in=indicator_ids).values_list(
        "pk", "responsible_post_id", "responsible_branch_id"
    ):
        if post_id or branch_id:
            targets[("indicator", pk)].append(("post", post_id) if post_id else ("branch", branch_id))
    wanted: dict[str, set[int]] = defaultdict(set)
    for found in targets.values():
        for kind, pk in found:
            wanted[kind].add(pk)
    people = _officials_for(wanted)
    people.update({("office", pk): found for pk, found in office_focal_points(wanted["office"]).items()})
    result = {}
    for occurrence in occurrences:
        key = (
            ("decision", occurrence.decision_id)
            if occurrence.decision_id
            else ("indicator", occurrence.indicator_id)
        )
        chosen: list[Official] = []
        for target in targets.get(key, []):
            chosen += [official for official in people.get(target, []) if official not in chosen]
        result[occurrence.pk] = chosen
    return result


def _officials_for(wanted: dict[str, set[int]]) -> dict[tuple[str, int], list[Official]]:
    """{("official" | "post" | "branch", id): active officials}, in one query."""
    found: dict[tuple[str, int], list[Official]] = defaultdict(list)
    if not (wanted["official"] or wanted["post"] or wanted["branch"]):
        return found
    condition = (
        Q(pk__in=wanted["official"]) | Q(post_id__in=wanted["post"]) | Q(branch_id__in=wanted["branch"])
    )
    for official in Official.objects.filter(condition, is_active=True).order_by("name", "pk"):
        for kind, pk in (
            ("official", official.pk),
            ("post", official.post_id),
            ("branch", official.branch_id),
        ):
            if pk in wanted[kind]:
                found[(kind, pk)].append(official)
    return found


def _team_officials(office_ids: set[int], roles: tuple[str, ...]) -> dict[int, list[Official]]:
    """{office id: the active officials holding the first of `roles` found in the office's teams}."""
    by_role: dict[int, dict[str, list[Official]]] = defaultdict(lambda: defaultdict(list))
    members = (
        TeamMember.objects.filter(team__office_id__in=office_ids, role__in=roles, official__is_active=True)
        .select_related("official", "team")
        .order_by("team__name", "order", "id")
    )
    for member in members:
        found = by_role[member.team.office_id][member.role]
        if member.official not in found:
            found.append(member.official)
    return {
        office_id: next(found[role] for role in roles if found.get(role))
        for office_id, found in by_role.items()
    }


def _officials_with_role(office_ids: set[int], role: str) -> dict[int, list[Official]]:
    """{office id: active officials whose active accounts hold `role` there}."""
    result: dict[int, list[Official]] = defaultdict(list)
    for office_role in (
        OfficeRole.objects.filter(office_id__in=office_ids, role=role, user__is_active=True)
        .filter(user__official__is_active=True)
        .select_related("user__official")
        .order_by("user__official__name", "user__official__id")
    ):
        result[office_role.office_id].append(office_role.user.official)
    return result


def office_focal_points(office_ids: Iterable[int]) -> dict[int, list[Official]]:
    """{office id: who answers for items assigned to the whole office}."""
    office_ids = set(office_ids)
    result = _team_officials(office_ids, (Role.MEMBER_SECRETARY, Role.CHAIR)) if office_ids else {}
    missing = office_ids - result.keys()
    if missing:
        result.update(_officials_with_role(missing, OfficeRole.Role.ADMIN))
    return result


def office_heads(office_ids: Iterable[int]) -> dict[int, list[Official]]:
    """{office id: the head of the office}: its team's chair, else the officials who approve there."""
    office_ids = set(office_ids)
    result = _team_officials(office_ids, (Role.CHAIR,)) if office_ids else {}
    missing = office_ids - result.keys()
    if missing:
        result.update(_officials_with_role(missing, OfficeRole.Role.APPROVER))
    return result


def superior_teams(office_ids: Iterable[int]) -> dict[int, list[Official]]:
    """{office id: the member-secretary (else the chair) of its superior office's team}; offices with
    no superior office are left out."""
    parents = dict(
        Office.objects.filter(pk__in=set(office_ids), parent__isnull=False).values_list("pk", "parent_id")
    )
    teams = _team_officials(set(parents.values()), (Role.MEMBER_SECRETARY, Role.CHAIR)) if parents else {}
    return {office_id: teams[parent_id] for office_id, parent_id in parents.items() if parent_id in teams}
