"""The workflow of minutes, as one table of steps.

    draft ──submit──▶ submitted ──approve──▶ approved ──issue──▶ issued ──publish──▶ published
      ▲  ╲                │                                       ╲  ▲              ╱   │
      │   edit          return                                     ╲ └─ withdraw ───────┘
      └── returned ◀──────┘                                         ╲── correct ───╱
                                                                   (a new draft version)
    a draft or returned minutes may also be deleted (never issued ones)

Each step names the states it starts from, the state it leads to, the office roles that
may take it, and the office's policies that may refuse it. Everything else derives from
this table: the services that take steps, `available_steps` (the buttons on a meeting's
page), `can_edit` (the editor), the inbox, and who may start minutes. A refused step
raises StepRefused, whose message says why, in the user's language.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from minutes.models import Meeting
from offices.access import Role, has_role, roles_by_office
from offices.models import Office

S = Meeting.State
Policy = Callable[[Meeting, object], str | None]  # (meeting, user) -> why it is refused, or None


class StepRefused(Exception):
    """A workflow step is not allowed now. str() is the reason, for the user; `meeting` is where
    the user is sent back to (None: the list of minutes)."""

    def __init__(self, reason: str, meeting: Meeting | None = None):
        super().__init__(reason)
        self.meeting = meeting


def submitter_may_not_approve(meeting: Meeting, user) -> str | None:
    """Separation of duties, on by default per office (Office.separate_submit_and_approve)."""
    if meeting.office.separate_submit_and_approve and meeting.submitted_by_id == user.pk:
        return _("You submitted these minutes; under this office's rules someone else must approve them.")
    return None


def not_corrected_yet(meeting: Meeting, user) -> str | None:
    if Meeting.objects.filter(replaces=meeting).exists():
        return _("A correction of these minutes already exists.")
    return None


@dataclass(frozen=True)
class Step:
    name: str
    sources: tuple[str, ...]
    target: str | None  # None: the meeting stays where it is (edit) or a new version starts (correct)
    roles: tuple[str, ...]
    label: str
    policies: tuple[Policy, ...] = ()


EDITORS = (Role.DRAFTER, Role.ADMIN)
STEPS = {
    step.name: step
    for step in (
        Step("edit", (S.DRAFT, S.RETURNED), None, EDITORS, gettext_lazy("Edit")),
        Step("submit", (S.DRAFT, S.RETURNED), S.SUBMITTED, EDITORS, gettext_lazy("Submit for approval")),
        Step("return", (S.SUBMITTED,), S.RETURNED, (Role.APPROVER,), gettext_lazy("Return with comments")),
        Step(
            "approve",
            (S.SUBMITTED,),
            S.APPROVED,
            (Role.APPROVER,),
            gettext_lazy("Approve"),
            (submitter_may_not_approve,),
        ),
        Step("issue", (S.APPROVED,), S.ISSUED, (Role.ISSUER,), gettext_lazy("Issue and distribute")),
        Step("publish", (S.ISSUED,), S.PUBLISHED, (Role.ISSUER,), gettext_lazy("Publish on the website")),
        # Taken off every public page (with the reason, in the record); it may be published again.
        Step(
            "withdraw",
            (S.PUBLISHED,),
            S.ISSUED,
            (Role.ISSUER, Role.APPROVER),
            gettext_lazy("Withdraw from the website"),
        ),
        Step(
            "correct",
            Meeting.ISSUED_STATES,
            None,
            EDITORS,
            gettext_lazy("Start a correction (new version)"),
            (not_corrected_yet,),
        ),
        Step("delete", (S.DRAFT, S.RETURNED), None, EDITORS, gettext_lazy("Delete this draft")),
    )
}
# The inbox: what waits for someone, by the step they would take next.
INBOX_STEPS = ("submit", "approve", "issue", "publish")


def refusal(step_name: str, meeting: Meeting, user) -> str | None:
    """Why `user` may not take this step on `meeting` now, or None if they may."""
    step = STEPS[step_name]
    if not has_role(user, meeting.office, *step.roles):
        return _("You do not have the role in this office needed for this step.")
    if meeting.state not in step.sources:
        return _("This cannot be done now: the minutes are “%(state)s”.") % {
            "state": meeting.get_state_display()
        }
    for policy in step.policies:
        reason = policy(meeting, user)
        if reason:
            return reason
    return None


def check(step_name: str, meeting: Meeting, user) -> None:
    reason = refusal(step_name, meeting, user)
    if reason:
        raise StepRefused(reason, meeting)


def available_steps(meeting: Meeting, user) -> list[str]:
    """The steps this user may take on these minutes now, in the table's order."""
    return [name for name in STEPS if refusal(name, meeting, user) is None]


def can_edit(meeting: Meeting, user) -> bool:
    return refusal("edit", meeting, user) is None


def may_start_minutes(user, office: Office) -> bool:
    """Who may start a new draft in an office: those who may edit its drafts."""
    return has_role(user, office, *STEPS["edit"].roles)


def offices_where_user_starts_minutes(user) -> QuerySet[Office]:
    offices = Office.objects.order_by("name")
    if user.is_superuser:
        return offices
    roles = set(STEPS["edit"].roles)
    return offices.filter(pk__in=[pk for pk, held in roles_by_office(user).items() if held & roles])


def inbox(user, *, limit: int = 100) -> list[tuple[Step, list[Meeting]]]:
    """What waits for the user, per step they may take: [(step, meetings)], most recent first."""
    held = roles_by_office(user)
    sections = []
    for name in INBOX_STEPS:
        step = STEPS[name]
        meetings = Meeting.objects.filter(state__in=step.sources).select_related("office")
        if not user.is_superuser:
            offices = [pk for pk, roles in held.items() if roles & set(step.roles)]
            if not offices:
                continue
            meetings = meetings.filter(office_id__in=offices)
        waiting = [m for m in meetings.order_by("-updated_at")[:limit] if refusal(name, m, user) is None]
        if waiting:
            sections.append((step, waiting))
    return sections
