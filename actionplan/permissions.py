"""Who may report and review an indicator's achievements (the rules live in offices/access.py).

- Reading: anyone who may read the plan's office (its staff, and the offices above it); others get 404.
- Reporting: the office's drafters, and the indicator's responsible official (the user whose official
  holds the indicator's responsible post, or works in its responsible branch, in that office).
- Confirming or returning: the office's approvers; not the one who reported, when the office
  separates submitting and approving (Office.separate_submit_and_approve, on by default).
"""

from django.core.exceptions import PermissionDenied

from actionplan.models import AchievementReport, Indicator
from offices.access import Role, has_role, require_readable


def is_responsible_official(user, indicator: Indicator) -> bool:
    official = getattr(user, "official", None) if user.is_authenticated else None
    if official is None or not official.is_active or official.office_id != indicator.plan.office_id:
        return False
    by_post = indicator.responsible_post_id is not None and official.post_id == indicator.responsible_post_id
    by_branch = (
        indicator.responsible_branch_id is not None and official.branch_id == indicator.responsible_branch_id
    )
    return by_post or by_branch


def may_report(user, indicator: Indicator) -> bool:
    return has_role(user, indicator.plan.office, Role.DRAFTER) or is_responsible_official(user, indicator)


def may_review(user, report: AchievementReport) -> bool:
    """May the user confirm or return this report (whatever its state)?"""
    office = report.indicator.plan.office
    if not has_role(user, office, Role.APPROVER):
        return False
    return not (office.separate_submit_and_approve and report.reported_by_id == user.pk)


def require_may_report(user, indicator: Indicator) -> None:
    require_readable(user, indicator.plan.office)
    if not may_report(user, indicator):
        raise PermissionDenied


def require_may_review(user, report: AchievementReport) -> None:
    require_readable(user, report.indicator.plan.office)
    if not may_review(user, report):
        raise PermissionDenied
