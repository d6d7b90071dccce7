"""Scoped reads of the innovation bank: internal to its office and the offices above it, like the
plans; published entries are for the public site (issue 16)."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from actionplan.models import Idea
from offices.access import can_administer_office, has_role, require_readable
from offices.models import Office, OfficeRole


def office_ideas(office: Office, *, kind: str = "", status: str = "") -> QuerySet[Idea]:
    ideas = Idea.objects.filter(office=office).select_related("indicator__plan").order_by("title", "pk")
    if kind:
        ideas = ideas.filter(kind=kind)
    if status:
        ideas = ideas.filter(status=status)
    return ideas


def published_ideas(office: Office) -> QuerySet[Idea]:
    """What the public site shows of an office's bank: its published entries only."""
    return office_ideas(office).filter(is_published=True)


def get_idea_for_user_or_404(user, pk) -> Idea:
    """404 for an entry of an office the user may not read."""
    idea = get_object_or_404(Idea.objects.select_related("office", "indicator__plan", "created_by"), pk=pk)
    require_readable(user, idea.office)
    return idea


def may_edit_ideas(user, office: Office) -> bool:
    """The office's drafters and its administrators (and those of the offices above it)."""
    return has_role(user, office, OfficeRole.Role.DRAFTER) or can_administer_office(user, office)


def may_publish_ideas(user, office: Office) -> bool:
    return can_administer_office(user, office)
