"""The life of minutes: draft → submitted → approved → issued → published, or returned to the drafter.

Each step is a service function: it checks the acting user's role in the meeting's
office and the meeting's state, records who did it and when (Transition), and
refuses anything else with a message in the user's language. Issuing takes the next
serial of one of the office's files (নথি) as the memo number, in the same transaction,
so serials never repeat or skip and a failed issue uses up nothing.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from minutes.models import Meeting, Transition
from offices.access import Role, has_role
from offices.models import GovernmentFile, User

S = Meeting.State


class TransitionRefused(Exception):
    """The step is not allowed: wrong role, wrong state or bad input. str() is the user's message."""


# step: (states it starts from, state it leads to, roles that may take it)
STEPS = {
    "submit": ((S.DRAFT, S.RETURNED), S.SUBMITTED, (Role.DRAFTER, Role.ADMIN)),
    "return": ((S.SUBMITTED,), S.RETURNED, (Role.APPROVER,)),
    "approve": ((S.SUBMITTED,), S.APPROVED, (Role.APPROVER,)),
    "issue": ((S.APPROVED,), S.ISSUED, (Role.ISSUER,)),
    "publish": ((S.ISSUED,), S.PUBLISHED, (Role.ISSUER,)),
}


def available_steps(meeting: Meeting, user: User) -> list[str]:
    """The steps this user may take on these minutes now (for the buttons on the page)."""
    return [
        step
        for step, (sources, _target, roles) in STEPS.items()
        if meeting.state in sources and has_role(user, meeting.office, *roles)
    ]


def _locked(meeting: Meeting) -> Meeting:
    """The meeting's row, locked until the transaction ends: two tabs cannot both take a step."""
    return Meeting.objects.select_for_update().select_related("office").get(pk=meeting.pk)


def _take(step: str, meeting: Meeting, by: User, comment: str = "") -> Meeting:
    sources, target, roles = STEPS[step]
    meeting = _locked(meeting)
    if not has_role(by, meeting.office, *roles):
        raise TransitionRefused(_("You do not have the role in this office needed for this step."))
    if meeting.state not in sources:
        raise TransitionRefused(
            _("This cannot be done now: the minutes are “%(state)s”.")
            % {"state": meeting.get_state_display()}
        )
    official = by.official
    Transition.objects.create(
        meeting=meeting,
        from_state=meeting.state,
        to_state=target,
        by=by,
        by_name=official.name if official else by.get_full_name() or by.username,
        by_designation=official.designation if official else "",
        comment=comment,
    )
    meeting.state = target
    return meeting


@transaction.atomic
def meeting_submit(*, meeting: Meeting, by: User) -> Meeting:
    meeting = _take("submit", meeting, by)
    if not meeting.agenda_items.exists():
        raise TransitionRefused(_("The minutes need at least one agenda item."))
    if not meeting.chair_name:
        raise TransitionRefused(_("Name the chair before submitting."))
    meeting.save(update_fields=["state", "updated_at"])
    return meeting


@transaction.atomic
def meeting_return(*, meeting: Meeting, by: User, comment: str) -> Meeting:
    if not comment.strip():
        raise TransitionRefused(_("Write what the drafter should change."))
    meeting = _take("return", meeting, by, comment=comment.strip())
    meeting.save(update_fields=["state", "updated_at"])
    return meeting


@transaction.atomic
def meeting_approve(*, meeting: Meeting, by: User, comment: str = "") -> Meeting:
    """The approver's approval is the signature: their name and designation are frozen on the step."""
    meeting = _take("approve", meeting, by, comment=comment.strip())
    meeting.save(update_fields=["state", "updated_at"])
    return meeting


@transaction.atomic
def minutes_issue(*, meeting: Meeting, government_file: GovernmentFile, by: User) -> Meeting:
    """Give the approved minutes the file's next serial as memo number and today's date, then distribute."""
    meeting = _take("issue", meeting, by)
    if government_file.office_id != meeting.office_id:
        raise TransitionRefused(_("Issue from one of this office's own files."))
    government_file = GovernmentFile.objects.select_for_update().get(pk=government_file.pk)
    if not government_file.is_active:
        raise TransitionRefused(_("This file is closed; pick a file in use."))
    government_file.last_serial += 1
    government_file.save(update_fields=["last_serial"])
    meeting.government_file = government_file
    meeting.memo_serial = government_file.last_serial
    meeting.memo_number = f"{government_file.number}.{government_file.last_serial}"
    meeting.issue_date = timezone.localdate()
    if by.official:
        meeting.issuer_id = by.official_id
        meeting.issuer_name, meeting.issuer_designation = by.official.name, by.official.designation
    meeting.save()
    transaction.on_commit(lambda: _after_issue(meeting.pk))
    return meeting


def _after_issue(meeting_id: int) -> None:
    from minutes.tasks import issued_minutes_distribute

    issued_minutes_distribute.delay(meeting_id)


@transaction.atomic
def minutes_publish(*, meeting: Meeting, by: User) -> Meeting:
    meeting = _take("publish", meeting, by)
    meeting.save(update_fields=["state", "updated_at"])
    return meeting


@transaction.atomic
def minutes_correct(*, meeting: Meeting, by: User) -> Meeting:
    """Start a corrected version (সংশোধিত কার্যবিবরণী) of issued minutes: a new draft that replaces it
    once issued. The issued version stays as it was, readable, with its own memo number."""
    from minutes.services import meeting_copy

    meeting = _locked(meeting)
    if not has_role(by, meeting.office, Role.DRAFTER, Role.ADMIN):
        raise TransitionRefused(_("You do not have the role in this office needed for this step."))
    if meeting.state not in (S.ISSUED, S.PUBLISHED):
        raise TransitionRefused(_("Only issued minutes are corrected; edit the draft instead."))
    if Meeting.objects.filter(replaces=meeting).exists():
        raise TransitionRefused(_("A correction of these minutes already exists."))
    return meeting_copy(source=meeting, by=by)
