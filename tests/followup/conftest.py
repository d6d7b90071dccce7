"""Office A with its people, minutes issued on Sunday 1 September 2024 (the clock stands at
Thursday 5 September 2024), and a plan for 2024-25."""

import datetime
import zoneinfo
from dataclasses import dataclass
from decimal import Decimal

import pytest
import time_machine

from actionplan.models import Activity, Area, Indicator, Plan, QuarterTarget, Unit
from followup.models import ProgressEvidence
from followup.services import occurrences_for_meeting
from minutes.models import Decision, Meeting, Responsibility
from offices.models import Branch, OfficeRole, Post, TeamMember
from tests.factories import (
    InnovationTeamFactory,
    MeetingFactory,
    OfficialFactory,
    user_with_role,
)

R = OfficeRole.Role
DHAKA = zoneinfo.ZoneInfo("Asia/Dhaka")
NOW = datetime.datetime(2024, 9, 5, 10, 0, tzinfo=DHAKA)  # a Thursday
TODAY = NOW.date()
ISSUED_ON = datetime.date(2024, 9, 1)


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False):
        yield NOW


@pytest.fixture
def evidence_folder(monkeypatch, tmp_path):
    """Progress evidence goes to a temporary folder, returned to look into."""
    from django.core.files.storage import FileSystemStorage

    monkeypatch.setattr(
        ProgressEvidence._meta.get_field("file"), "storage", FileSystemStorage(location=tmp_path)
    )
    return tmp_path


@dataclass
class People:
    office: object
    branch: object  # ইনোভেশন শাখা
    post: object  # সিস্টেম এনালিস্ট (in the branch)
    holder: object  # the official holding the post, with a user (rahim)
    rahim: object
    colleague: object  # another official of the branch, with a user (karim)
    karim: object
    secretary: object  # member-secretary of the office's innovation team (no user)
    drafter: object
    approver: object
    issuer: object


def _user(office, username, official, *roles):
    user = user_with_role(office, *roles, username=username)
    user.official = official
    user.save()
    return user


@pytest.fixture
def people(office_a) -> People:
    branch = Branch.objects.create(office=office_a, name="ইনোভেশন শাখা")
    post = Post.objects.create(office=office_a, branch=branch, title="সিস্টেম এনালিস্ট")
    holder = OfficialFactory(
        office=office_a, branch=branch, post=post, name="মোঃ রহিম", designation="সিস্টেম এনালিস্ট"
    )
    colleague = OfficialFactory(office=office_a, branch=branch, name="মোঃ করিম", designation="প্রোগ্রামার")
    secretary = OfficialFactory(office=office_a, name="বেগম সালমা", designation="উপসচিব")
    team = InnovationTeamFactory(office=office_a)
    TeamMember.objects.create(team=team, official=secretary, role=TeamMember.Role.MEMBER_SECRETARY)
    approver_official = OfficialFactory(office=office_a, name="ড. তরুণ কান্তি", designation="অতিরিক্ত সচিব")
    return People(
        office=office_a,
        branch=branch,
        post=post,
        holder=holder,
        rahim=_user(office_a, "rahim", holder),
        colleague=colleague,
        karim=_user(office_a, "karim", colleague),
        secretary=secretary,
        drafter=_user(office_a, "dipu", OfficialFactory(office=office_a, name="দীপু"), R.DRAFTER),
        approver=_user(office_a, "anwar", approver_official, R.APPROVER),
        issuer=_user(office_a, "issa", OfficialFactory(office=office_a, name="ঈসা"), R.ISSUER),
    )


def make_meeting(office, *, state=Meeting.State.ISSUED, issue_date=ISSUED_ON, date=None, **fields) -> Meeting:
    return MeetingFactory(
        office=office,
        state=state,
        date=date or issue_date - datetime.timedelta(days=5),
        issue_date=issue_date if state in Meeting.ISSUED_STATES else None,
        memo_number=f"58.00.0000.018.31.006.17.{Meeting.objects.count() + 1}"
        if state in Meeting.ISSUED_STATES
        else "",
        **fields,
    )


def add_decision(meeting, text="ইনোভেশন শোকেসিং আয়োজন করতে হবে।", *, to=(), **deadline) -> Decision:
    """A decision with its deadline (deadline_kind=..., deadline_date=...) and responsibilities: each
    of `to` an Official, Post, Branch or Office (or a typed label)."""
    item = meeting.agenda_items.first() or meeting.agenda_items.create(order=0, title="বিবিধ")
    decision = item.decisions.create(order=item.decisions.count(), text=f"<p>{text}</p>", **deadline)
    for order, target in enumerate(to):
        key = {"Official": "official", "Post": "post", "Branch": "branch", "Office": "office"}.get(
            type(target).__name__
        )
        Responsibility.objects.create(
            decision=decision,
            order=order,
            label=str(getattr(target, "name", None) or target),
            **({key: target} if key else {}),
        )
    return decision


def due_on(day: datetime.date) -> dict:
    return {"deadline_kind": Decision.Deadline.DATE, "deadline_date": day}


@pytest.fixture
def issued(people):
    """Issued minutes of office A with three decisions: to the post (overdue), to the branch (due
    within a week) and to the office (later); their items made."""
    meeting = make_meeting(people.office, title="ইনোভেশন টিমের ৩য় সভা")
    to_post = add_decision(
        meeting, "ওয়েবসাইট হালনাগাদ করতে হবে।", to=[people.post], **due_on(datetime.date(2024, 9, 2))
    )
    to_branch = add_decision(
        meeting, "ই-নথি ব্যবহার বাড়াতে হবে।", to=[people.branch], **due_on(datetime.date(2024, 9, 10))
    )
    to_office = add_decision(
        meeting, "শোকেসিং আয়োজন করতে হবে।", to=[people.office], **due_on(datetime.date(2024, 10, 30))
    )
    occurrences_for_meeting(meeting=meeting, today=TODAY)
    return {"meeting": meeting, "to_post": to_post, "to_branch": to_branch, "to_office": to_office}


def make_plan(office, *, fiscal_year=2024, quarters=(1, 2, 3, 4), branch=None, post=None) -> Plan:
    """A plan with a count indicator (quarter targets in `quarters`) and a date indicator."""
    plan = Plan.objects.create(
        office=office, fiscal_year=fiscal_year, total_marks=50, origin=Plan.Origin.IMPORTED
    )
    area = Area.objects.create(plan=plan, number="1", title="প্রাতিষ্ঠানিক", marks=Decimal(10))
    activity = Activity.objects.create(area=area, number="1.1", title="ইনোভেশন টিমের সভা")
    count = Indicator.objects.create(
        plan=plan, activity=activity, number="1.1.1", title="সভা আয়োজিত", unit=Unit.COUNT, weight=Decimal(2),
        target_value=Decimal(4), responsible="ইনোভেশন শাখা", responsible_branch=branch, responsible_post=post, order=0,
    )  # fmt: skip
    for quarter in quarters:
        QuarterTarget.objects.create(indicator=count, quarter=quarter, value=Decimal(1))
    Indicator.objects.create(
        plan=plan, activity=activity, number="1.1.2", title="কর্মপরিকল্পনা প্রণীত", unit=Unit.DATE, weight=Decimal(1),
        target_date=datetime.date(2024, 10, 15), responsible="সিস্টেম এনালিস্ট", responsible_post=post, order=1,
    )  # fmt: skip
    return plan
