"""Who answers for an item: the one rule, read both ways.

A decision names its responsible offices, branches, posts or officials (minutes' Responsibility rows);
an indicator its responsible branch or post (actionplan's Indicator). Today, that means:

- an official: that official (while in office);
- a post: whoever holds the post now (an active official whose post it is): a transfer hands the
  items over with the post;
- a branch: the active officials of the branch (the portal does not know branch heads);
- an office: the office's focal point for its innovation work: the member-secretaries of its teams
  (ইনোভেশন টিম); if it has none, their chairs; if none either, the officials whose accounts
  administer the office.

A name typed outside the portal (no record matched) reaches no one: the office's approvers see the
item among those waiting in their office.

`responsible_officials` answers "who?" for items (the reminders ask it); `items_for_official` answers
"what?" for an official (My work asks it). Both cost a fixed number of queries.
"""

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Exists, OuterRef, Q, QuerySet

from actionplan.models import Indicator
from followup.models import Occurrence
from minutes.models import Responsibility
from offices.models import OfficeRole, Official, TeamMember

FOCAL_ROLES = (TeamMember.Role.MEMBER_SECRETARY, TeamMember.Role.CHAIR)  # in this order of preference


def team_officials(office_ids: set[int], roles: tuple[str, ...]) -> dict[int, list[Official]]:
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


def officials_with_role(office_ids: set[int], role: str) -> dict[int, list[Official]]:
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
    """{office id: the officials who answer for items assigned to the whole office} (two queries)."""
    office_ids = set(office_ids)
    result = team_officials(office_ids, FOCAL_ROLES) if office_ids else {}
    missing = office_ids - result.keys()
    if missing:
        result.update(officials_with_role(missing, OfficeRole.Role.ADMIN))
    return result


def responsible_officials(items: Occurrence | QuerySet | Iterable[Occurrence]):
    """Who answers for an item today: a list of officials for one Occurrence; for a queryset (or list)
    of them, {occurrence id: list of officials}. At most five queries, however many items."""
    single = isinstance(items, Occurrence)
    occurrences = [items] if single else list(items)
    decision_ids = {o.decision_id for o in occurrences if o.decision_id}
    indicator_ids = {o.indicator_id for o in occurrences if o.indicator_id}
    targets: dict[int, list[tuple[str, int]]] = defaultdict(list)  # decision/indicator key -> targets
    if decision_ids:
        rows = Responsibility.objects.filter(decision_id__in=decision_ids).order_by("decision", "order", "id")
        for r in rows.values("decision_id", "official_id", "post_id", "branch_id", "office_id"):
            for kind in ("official", "post", "branch", "office"):
                if r[f"{kind}_id"]:
                    targets[("decision", r["decision_id"])].append((kind, r[f"{kind}_id"]))
    if indicator_ids:
        rows = Indicator.objects.filter(pk__in=indicator_ids).values_list(
            "pk", "responsible_post_id", "responsible_branch_id"
        )
        for pk, post_id, branch_id in rows:
            for kind, target_id in (("post", post_id), ("branch", branch_id)):
                if target_id:
                    targets[("indicator", pk)].append((kind, target_id))
    wanted = defaultdict(set)
    for found in targets.values():
        for kind, pk in found:
            wanted[kind].add(pk)
    officials = _officials_by_target(wanted)
    focal = office_focal_points(wanted["office"])
    result = {}
    for occurrence in occurrences:
        key = (
            ("decision", occurrence.decision_id)
            if occurrence.decision_id
            else ("indicator", occurrence.indicator_id)
        )
        chosen: list[Official] = []
        for kind, pk in targets.get(key, []):
            for official in focal.get(pk, []) if kind == "office" else officials[(kind, pk)]:
                if official not in chosen:
                    chosen.append(official)
        result[occurrence.pk] = chosen
    return result[occurrences[0].pk] if single else result


def _officials_by_target(wanted: dict[str, set[int]]) -> dict[tuple[str, int], list[Official]]:
    """{("official"|"post"|"branch", id): active officials} in one query."""
    found = defaultdict(list)
    condition = (
        Q(pk__in=wanted["official"]) | Q(post_id__in=wanted["post"]) | Q(branch_id__in=wanted["branch"])
    )
    if not (wanted["official"] or wanted["post"] or wanted["branch"]):
        return found
    for official in Official.objects.filter(condition, is_active=True).order_by("name", "pk"):
        if official.pk in wanted["official"]:
            found[("official", official.pk)].append(official)
        if official.post_id in wanted["post"]:
            found[("post", official.post_id)].append(official)
        if official.branch_id in wanted["branch"]:
            found[("branch", official.branch_id)].append(official)
    return found


def offices_answered_by(official: Official) -> set[int]:
    """The offices whose whole-office items this official answers for (office_focal_points, reversed)."""
    candidates = set(
        TeamMember.objects.filter(official=official, role__in=FOCAL_ROLES).values_list(
            "team__office_id", flat=True
        )
    )
    candidates |= set(
        OfficeRole.objects.filter(user__official=official, role=OfficeRole.Role.ADMIN).values_list(
            "office_id", flat=True
        )
    )
    focal = office_focal_points(candidates)
    return {office_id for office_id, officials in focal.items() if official in officials}


def items_for_official(official: Official | None) -> QuerySet[Occurrence]:
    """Every item (any status) assigned to the official, to their post, to their branch or to an
    office they answer for; none for an official no longer in office."""
    if official is None or not official.is_active:
        return Occurrence.objects.none()
    assigned = Q(official=official.pk)
    by_decision_or_indicator = Q()
    if official.post_id:
        assigned |= Q(post=official.post_id)
        by_decision_or_indicator |= Q(indicator__responsible_post=official.post_id)
    if official.branch_id:
        assigned |= Q(branch=official.branch_id)
        by_decision_or_indicator |= Q(indicator__responsible_branch=official.branch_id)
    offices = offices_answered_by(official)
    if offices:
        assigned |= Q(office__in=offices)
    by_decision_or_indicator |= Exists(
        Responsibility.objects.filter(assigned, decision=OuterRef("decision_id"))
    )
    return Occurrence.objects.filter(by_decision_or_indicator)
