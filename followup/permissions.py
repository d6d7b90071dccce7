"""Who may read, report on and review a follow-up item (the office rules live in offices/access.py).

- Reading: anyone who may read the item's office (the meeting's or the plan's office, and the offices
  above it), and the officials responsible for it (who may work in another office, named in a joint
  meeting's decision); others get 404.
- Reporting progress and marking done: the responsible officials, and the office's drafters (who
  report for them), while the item is open or awaiting confirmation.
- Confirming or reopening: the office's approvers; not the one who reported it done, when the office
  separates submitting and approving (Office.separate_submit_and_approve, on by default); an item
  reported done can be confirmed or reopened, a confirmed one reopened.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from followup.models import Occurrence, ProgressReport
from followup.responsibility import items_for_official
from offices.access import Role, can_read_office, has_role


def is_responsible(user, occurrence: Occurrence) -> bool:
    official = getattr(user, "official", None) if user.is_authenticated else None
    return official is not None and items_for_official(official).filter(pk=occurrence.pk).exists()


def may_read(user, occurrence: Occurrence) -> bool:
    return can_read_office(user, occurrence.office) or is_responsible(user, occurrence)


def may_report(user, occurrence: Occurrence) -> bool:
    """May the user report on the item (whatever its status: the services refuse a closed one)?"""
    return has_role(user, occurrence.office, Role.DRAFTER) or is_responsible(user, occurrence)


def may_review(user, occurrence: Occurrence) -> bool:
    """May the user confirm or reopen the item (whatever its status: the services refuse a move
    the status does not allow)?"""
    office = occurrence.office
    if not has_role(user, office, Role.APPROVER):
        return False
    if not office.separate_submit_and_approve:
        return True
    done_by = (
        occurrence.reports.filter(kind=ProgressReport.Kind.DONE)
        .order_by("-created_at", "-id")
        .values("by")
        .first()
    )
    return done_by is None or done_by["by"] != user.pk


def require_readable(user, occurrence: Occurrence) -> None:
    """404 rather than 403, so that guessing ids reveals nothing about other offices."""
    if not may_read(user, occurrence):
        raise Http404


def require_may_report(user, occurrence: Occurrence) -> None:
    require_readable(user, occurrence)
    if not may_report(user, occurrence):
        raise PermissionDenied


def require_may_review(user, occurrence: Occurrence) -> None:
    require_readable(user, occurrence)
    if not may_review(user, occurrence):
        raise PermissionDenied
