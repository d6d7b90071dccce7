"""Published minutes (and minutes in every other state) for the feeds, alerts, API and exports tests.

Minutes are published and withdrawn through the workflow's own services, so each step records its
Transition (the publication time the feeds show) and bumps the public version after the commit, as
in production; `steps` runs the after-commit callbacks."""

import datetime
import itertools

from minutes.models import AgendaItem, Decision, Meeting, Responsibility
from minutes.workflow import services as workflow
from offices.models import OfficeRole
from tests.factories import MeetingFactory, user_with_role

S = Meeting.State
_memo = itertools.count(1)


def issuer_of(office):
    user = OfficeRole.objects.filter(office=office, role=OfficeRole.Role.ISSUER).first()
    return user.user if user else user_with_role(office, OfficeRole.Role.ISSUER, OfficeRole.Role.APPROVER)


def minutes_in(
    office,
    state=S.ISSUED,
    *,
    title=None,
    item="ই-নথি",
    decisions=("<p>ই-নথির ব্যবহার বাড়াতে হবে।</p>",),
    **fields,
):
    """Minutes of `office` in `state` (never PUBLISHED: publish() takes that step), with one agenda item
    (titled `item`) and these decisions, each with a deadline and a responsible office."""
    number = next(_memo)
    issued = state == S.ISSUED
    meeting = MeetingFactory(
        office=office,
        state=state,
        title=title or f"ইনোভেশন টিমের {number} নম্বর সভার কার্যবিবরণী",
        date=fields.pop("date", datetime.date(2024, 3, 3)),
        memo_number=f"58.00.0000.018.31.006.17.{number}" if issued else "",
        issue_date=fields.pop("issue_date", datetime.date(2024, 3, 10)) if issued else None,
        **fields,
    )
    item = AgendaItem.objects.create(meeting=meeting, order=1, title=item, discussion="<p>আলোচনা।</p>")
    for order, text in enumerate(decisions, start=1):
        decision = Decision.objects.create(
            agenda_item=item,
            order=order,
            text=text,
            deadline_kind=Decision.Deadline.DATE,
            deadline_date=datetime.date(2024, 4, 30),
            status=Decision.Status.IN_PROGRESS,
        )
        Responsibility.objects.create(decision=decision, office=office, label="প্রশাসন-১ শাখা")
    return meeting


def publish(steps, meeting) -> Meeting:
    with steps(execute=True):
        return workflow.minutes_publish(meeting=meeting, by=issuer_of(meeting.office))


def withdraw(steps, meeting) -> Meeting:
    with steps(execute=True):
        return workflow.minutes_withdraw(meeting=meeting, by=issuer_of(meeting.office), reason="ভুল সংযুক্তি")


def published_in(steps, office, **kwargs) -> Meeting:
    return publish(steps, minutes_in(office, **kwargs))


def unpublished_world(steps, office) -> dict[str, Meeting]:
    """Minutes of `office` in every state the public must never see, by name."""
    world = {
        name: minutes_in(
            office, state, title=f"গোপন {name} কার্যবিবরণী", decisions=(f"<p>গোপন {name} সিদ্ধান্ত</p>",)
        )
        for name, state in (
            ("draft", S.DRAFT),
            ("submitted", S.SUBMITTED),
            ("returned", S.RETURNED),
            ("approved", S.APPROVED),
            ("issued", S.ISSUED),
        )
    }
    withdrawn = minutes_in(
        office, title="গোপন withdrawn কার্যবিবরণী", decisions=("<p>গোপন withdrawn সিদ্ধান্ত</p>",)
    )
    world["withdrawn"] = withdraw(steps, publish(steps, withdrawn))
    return world
