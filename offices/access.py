"""Who may do what in which office. Every app asks these questions here.

A user holds roles per office (OfficeRole). Holding any role in an office
lets the user read that office's records and those of every office below
it; changing things needs the specific role in that very office.

Administration is the one exception: an office administrator also administers
every office below their own (a division's administrator keeps its
directorates' users, officials, files and teams). Never upwards, never sideways.
The minutes' workflow still asks for roles in the meeting's own office.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from offices.models import Office, OfficeRole

Role = OfficeRole.Role


def roles_by_office(user) -> dict[int, frozenset[str]]:
    """{office_id: roles} for the user; computed once per request and kept on the user object."""
    if not user.is_authenticated:
        return {}
    cached = getattr(user, "_sobha_roles_by_office", None)
    if cached is None:
        found: dict[int, set[str]] = {}
        for office_id, role in OfficeRole.objects.filter(user=user).values_list("office_id", "role"):
            found.setdefault(office_id, set()).add(role)
        cached = {office_id: frozenset(roles) for office_id, roles in found.items()}
        user._sobha_roles_by_office = cached
    return cached


def subordinate_office_ids(office_ids) -> set[int]:
    """The given offices and every office below them (one query per level of the hierarchy)."""
    result = set(office_ids)
    frontier = set(office_ids)
    while frontier:
        frontier = set(Office.objects.filter(parent_id__in=frontier).values_list("id", flat=True)) - result
        result |= frontier
    return result


def readable_office_ids(user) -> set[int] | None:
    """Offices whose records the user may read; None means every office (superusers)."""
    if user.is_authenticated and user.is_superuser:
        return None
    cached = getattr(user, "_sobha_readable_office_ids", None)
    if cached is None:
        cached = subordinate_office_ids(roles_by_office(user).keys())
        if user.is_authenticated:
            user._sobha_readable_office_ids = cached
    return cached


def can_read_office(user, office: Office) -> bool:
    readable = readable_office_ids(user)
    return readable is None or office.pk in readable


def has_role(user, office: Office, *roles: str) -> bool:
    """Does the user hold one of `roles` in this very office? Superusers hold every role."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return bool(roles_by_office(user).get(office.pk, frozenset()) & set(roles))


def administered_office_ids(user) -> set[int] | None:
    """Offices the user administers: where they hold the administrator role, and every office below
    those; None means every office (superusers)."""
    if user.is_authenticated and user.is_superuser:
        return None
    cached = getattr(user, "_sobha_administered_office_ids", None)
    if cached is None:
        own = [office_id for office_id, roles in roles_by_office(user).items() if Role.ADMIN in roles]
        cached = subordinate_office_ids(own)
        if user.is_authenticated:
            user._sobha_administered_office_ids = cached
    return cached


def administers_any_office(user) -> bool:
    """Whether to show the user the way into the administration."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or any(Role.ADMIN in roles for roles in roles_by_office(user).values())


def can_administer_office(user, office: Office) -> bool:
    """May the user keep this office's users, officials, posts, branches, teams, files, distribution
    groups and policies? Its own administrators and those of any office above it may."""
    if not user.is_authenticated:
        return False
    administered = administered_office_ids(user)
    return administered is None or office.pk in administered


def require_admin(user, office: Office) -> None:
    """Every write of the administration checks this: 404 for an office the user may not even read,
    403 for one they may read but not administer."""
    if not can_administer_office(user, office):  # the offices administered are all readable
        require_readable(user, office)
        raise PermissionDenied


def can_manage_account(user, account) -> bool:
    """May `user` deactivate or re-invite `account`? Only if they administer every office where the
    account holds a role (or its official works), so that no office can lock out another's staff.
    Superusers and staff accounts are kept in Django's admin."""
    if account.is_superuser or account.is_staff or account.pk == user.pk:
        return False
    administered = administered_office_ids(user)
    if administered is None:
        return True
    offices = set(OfficeRole.objects.filter(user=account).values_list("office_id", flat=True))
    if account.official_id:
        offices.add(account.official.office_id)
    return bool(offices) and offices <= administered


def require_role(user, office: Office, *roles: str) -> None:
    """Services call this; Django answers the PermissionDenied it raises with 403."""
    if not has_role(user, office, *roles):
        raise PermissionDenied


def require_readable(user, office: Office) -> None:
    """404 rather than 403, so that guessing ids reveals nothing about other offices."""
    if not can_read_office(user, office):
        raise Http404
