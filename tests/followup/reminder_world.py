"""The reminders' world (fixtures reminders_world and reminders_clock, a plugin of tests/conftest.py): a directorate under a division, the official holding the post that five
decisions of issued minutes are assigned to, the heads and team of both offices; the clock stands
at 09:05 on Tuesday 3 March 2026 in Dhaka (09:00 is the default digest hour).

Decisions fall due in 7 days, in 1 day, today, 3 days ago and 30 days ago, each item's next reminder
where the follow-up puts it when it makes the item (Occurrence.first_reminder: 7 days before)."""

import datetime
import zoneinfo
from dataclasses import dataclass, field
from decimal import Decimal

import pytest
import time_machine

from actionplan.models import Activity, Area, Indicator, Plan, Unit
from followup.models import Occurrence
from minutes.models import Meeting, Responsibility
from offices.models import Branch, Office, Post, TeamMember
from tests.factories import InnovationTeamFactory, MeetingFactory, OfficeFactory, OfficialFactory

DHAKA = zoneinfo.ZoneInfo("Asia/Dhaka")
NOW = datetime.datetime(2026, 3, 3, 9, 5, tzinfo=DHAKA)
TODAY = NOW.date()
DAY = datetime.timedelta(days=1)
DUE_IN = {"in 7 days": 7, "in 1 day": 1, "today": 0, "3 days ago": -3, "30 days ago": -30}


@dataclass
class World:
    superior: Office
    office: Office
    post: Post
    rahim: object  # holds the post: responsible for every decision
    head: object  # chair of the office's innovation team
    secretary: object  # member-secretary of the office's team (not responsible for these decisions)
    superior_secretary: object  # member-secretary of the superior office's team
    superior_chair: object
    meeting: Meeting
    items: dict[str, Occurrence] = field(default_factory=dict)

    def add_decision(
        self, label: str, due: datetime.date, *, post=None, official=None, office=None
    ) -> Occurrence:
        agenda = self.meeting.agenda_items.first()
        decision = agenda.decisions.create(
            order=agenda.decisions.count(),
            text=f"<p>{label}: ই-নথির ব্যবহার শতভাগে উন্নীত করবে।</p>",
            deadline_kind="date",
            deadline_date=due,
        )
        Responsibility.objects.create(
            decision=decision,
            post=post if post or official or office else self.post,
            official=official,
            office=office,
            label="সিস্টেম এনালিস্ট",
        )
        item = Occurrence.objects.create(
            decision=decision,
            office=self.office,
            due_date=due,
            next_reminder_on=Occurrence.first_reminder(due),
        )
        self.items[label] = item
        return item

    def add_indicator(self, due: datetime.date) -> Occurrence:
        plan = Plan.objects.create(office=self.office, fiscal_year=2025, total_marks=50, origin="import")
        area = Area.objects.create(plan=plan, number="1", title="উদ্ভাবন", marks=Decimal(10))
        activity = Activity.objects.create(area=area, number="1.1", title="ইনোভেশন টিমের সভা")
        indicator = Indicator.objects.create(
            plan=plan,
            activity=activity,
            number="1.1.1",
            title="সভা আয়োজিত",
            unit=Unit.COUNT,
            weight=Decimal(2),
            target_value=Decimal(4),
            responsible_post=self.post,
        )
        return Occurrence.objects.create(
            indicator=indicator,
            office=self.office,
            due_date=due,
            period=3,
            next_reminder_on=Occurrence.first_reminder(due),
        )


def make_world(today: datetime.date = TODAY) -> World:
    superior = OfficeFactory(name="সুরক্ষা সেবা বিভাগ", kind=Office.Kind.DIVISION)
    office = OfficeFactory(name="মাদকদ্রব্য নিয়ন্ত্রণ অধিদপ্তর", parent=superior)
    branch = Branch.objects.create(office=office, name="আইসিটি শাখা")
    post = Post.objects.create(office=office, branch=branch, title="সিস্টেম এনালিস্ট")
    rahim = OfficialFactory(
        office=office,
        branch=branch,
        post=post,
        name="মোঃ রহিম উদ্দিন",
        designation="সিস্টেম এনালিস্ট",
        email="rahim@dnc.gov.bd",
        mobile="01711000001",
    )
    head = OfficialFactory(office=office, name="ড. সালমা খাতুন", designation="মহাপরিচালক", email="dg@dnc.gov.bd")
    secretary = OfficialFactory(office=office, name="জনাব কামাল", designation="উপপরিচালক", email="dd@dnc.gov.bd")
    team = InnovationTeamFactory(office=office)
    TeamMember.objects.create(team=team, official=head, role=TeamMember.Role.CHAIR)
    TeamMember.objects.create(team=team, official=secretary, role=TeamMember.Role.MEMBER_SECRETARY, order=1)
    superior_chair = OfficialFactory(
        office=superior, name="জনাব আলম", designation="অতিরিক্ত সচিব", email="as@ssd.gov.bd"
    )
    superior_secretary = OfficialFactory(
        office=superior, name="বেগম নাসরিন", designation="উপসচিব", email="ds@ssd.gov.bd"
    )
    superior_team = InnovationTeamFactory(office=superior)
    TeamMember.objects.create(team=superior_team, official=superior_chair, role=TeamMember.Role.CHAIR)
    TeamMember.objects.create(
        team=superior_team, official=superior_secretary, role=TeamMember.Role.MEMBER_SECRETARY
    )
    meeting = MeetingFactory(
        office=office,
        title="ইনোভেশন টিমের ২০২৫-২৬ অর্থবছরের ৮ম সভার কার্যবিবরণী",
        state=Meeting.State.ISSUED,
        memo_number="58.00.0000.018.31.006.17.26",
        issue_date=today - 40 * DAY,
    )
    meeting.agenda_items.create(order=0, title="ই-নথি")
    return World(superior, office, post, rahim, head, secretary, superior_secretary, superior_chair, meeting)


@pytest.fixture
def reminders_clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def reminders_world(db) -> World:
    w = make_world()
    for label, days in DUE_IN.items():
        w.add_decision(label, TODAY + days * DAY)
    return w
