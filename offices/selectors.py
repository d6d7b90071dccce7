"""Scoped reads: every query here is limited to what the user may see."""

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from offices.access import readable_office_ids, require_readable, roles_by_office
from offices.models import Branch, GovernmentFile, Office, OfficeRole, Official, TeamMember


def offices_for_user(user) -> QuerySet[Office]:
    readable = readable_office_ids(user)
    offices = Office.objects.select_related("parent")
    return offices if readable is None else offices.filter(pk__in=readable)


def get_office_for_user_or_404(user, pk) -> Office:
    office = get_object_or_404(Office.objects.select_related("parent"), pk=pk)
    require_readable(user, office)
    return office


def user_roles_listing(user) -> list[tuple[Office, list[str]]]:
    """The user's offices with the names of the roles held in each, for the home page."""
    roles = roles_by_office(user)
    offices = Office.objects.filter(pk__in=roles.keys()).select_related("parent").order_by("name")
    labels = dict(OfficeRole.Role.choices)
    return [
        (office, [labels[r] for r in OfficeRole.Role.values if r in roles[office.pk]]) for office in offices
    ]


def office_records(office: Office) -> dict:
    """Everything shown on an office's page, each list fetched in one query."""
    return {
        "children": list(office.children.order_by("name")),
        "branches": list(Branch.objects.filter(office=office).select_related("parent").order_by("name")),
        "officials": list(
            Official.objects.filter(office=office)
            .select_related("branch", "user")
            .order_by("-is_active", "name")
        ),
        "files": list(
            GovernmentFile.objects.filter(office=office).select_related("branch").order_by("number")
        ),
        "teams": list(
            office.teams.prefetch_related(
                Prefetch(
                    "members",
                    queryset=TeamMember.objects.select_related("official", "official__office"),
                )
            )
        ),
        "roles": list(
            OfficeRole.objects.filter(office=office)
            .select_related("user", "user__official")
            .order_by("user__username")
        ),
    }


def get_official_for_user_or_404(user, pk) -> Official:
    official = get_object_or_404(Official.objects.select_related("office", "branch"), pk=pk)
    require_readable(user, official.office)
    return official


def get_file_for_user_or_404(user, pk) -> GovernmentFile:
    government_file = get_object_or_404(GovernmentFile.objects.select_related("office", "branch"), pk=pk)
    require_readable(user, government_file.office)
    return government_file
