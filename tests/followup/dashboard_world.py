"""A ministry with two directorates (one with a district office below it) and an office outside,
their people, and the follow-up items of one directorate, made by hand (the clock stands at
Monday 20 January 2025: fiscal year 2024-25, two quarters ended).

Directorate ক's items, and what the dashboards must make of them (hand-computed):

    decision  due          status     done on     responsible              overdue  due in FY  on time
    d1        10.01.2025   open       -           the post (আইসিটি শাখা)    yes      yes        no
    d2        01.12.2024   done       30.11.2024  প্রশাসন শাখা              -        yes        yes
    d3        15.10.2024   confirmed  20.10.2024  karim (প্রশাসন শাখা)      -        yes        no (late)
    d4        01.09.2024   open       -           the whole office         yes      yes        no
    d5        01.03.2025   open       -           আইসিটি শাখা               -        no (later) -
    d6        01.11.2024   superseded -           প্রশাসন শাখা              never counted
    d7        10.08.2024   confirmed  09.08.2024  both branches            -        yes        yes
    d8        20.06.2024   open       -           প্রশাসন শাখা              yes      no (2023-24) -
    draft     05.01.2025   open       -           the post                 never shown (unissued minutes)

    -> 3 overdue decisions; 2 of 5 closed on time (40%).

    indicator         due          status     responsible
    1.1.1 quarter 1   15.10.2024   confirmed  প্রশাসন শাখা
    1.1.1 quarter 2   15.01.2025   open       প্রশাসন শাখা   overdue
    1.1.1 quarter 3   10.02.2025   open       প্রশাসন শাখা   due within 30 days
    1.1.2 quarter 2   19.02.2025   open       the post      due within 30 days (the 30th day)
    1.1.2 quarter 3   20.02.2025   open       the post      31 days ahead: not yet

    -> 1 overdue indicator, 2 due in the next 30 days.
    Overdue by branch: প্রশাসন শাখা 1 decision (d8) + 1 indicator; আইসিটি শাখা 1 decision (d1);
    no branch named 1 decision (d4).
    Score (total 10): 1.1.1 (count, weight 2, target 4) has 1 confirmed: 0.5 so far, on pace for 2
    of 4 -> 1; 1.1.2 (date, weight 1, 15.02.2025) unreported, its date ahead -> 0 so far, 1 projected.
    So far 0.5 of 10 (5%), projected 2 (20%).
"""

import datetime
import zoneinfo
from dataclasses import dataclass
from decimal import Decimal

import pytest
import time_machine
from django.utils import timezone

from actionplan.models import AchievementReport, Activity, Area, Indicator, Plan, Unit
from followup.models import Occurrence
from minutes.models import Meeting, Responsibility
from offices.models import Branch, Office, OfficeRole, Post
from tests.factories import MeetingFactory, OfficeFactory, OfficialFactory, user_with_role

R = OfficeRole.Role
S = Occurrence.Status
DHAKA = zoneinfo.ZoneInfo("Asia/Dhaka")
NOW = datetime.datetime(2025, 1, 20, 11, 0, tzinfo=DHAKA)
TODAY = NOW.date()


def day(text: str) -> datetime.date:
    d, m, y = (int(part) for part in text.split("."))
    return datetime.date(y, m, d)


def at(text: str) -> datetime.datetime:
    return datetime.datetime.combine(day(text), datetime.time(15, 0), tzinfo=DHAKA)


@dataclass
class World:
    ministry: Office
    directorate: Office  # দপ্তর ক: the items below
    sibling: Office  # দপ্তর খ: one overdue decision, no plan
    district: Office  # under দপ্তর ক
    outside: Office
    admin_branch: Branch
    ict_branch: Branch
    post: Post
    rahim: object  # the post's holder (আইসিটি শাখা), with a user
    karim: object  # প্রশাসন শাখা
    users: dict
    meeting: Meeting
    draft: Meeting
    decisions: dict
    items: dict  # name -> Occurrence
    plan: Plan


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False):
        yield NOW


def _user(office, username, official=None, *roles):
    user = user_with_role(office, *roles, username=username)
    if official is not None:
        user.official = official
        user.save()
    return user


def issued_meeting(office, title, **fields) -> Meeting:
    return MeetingFactory(
        office=office,
        title=title,
        state=Meeting.State.ISSUED,
        date=day("05.07.2024"),
        issue_date=day("10.07.2024"),
        memo_number=f"58.00.0000.018.31.006.24.{Meeting.objects.count() + 1}",
        **fields,
    )


def decision(meeting, text, *to):
    item = meeting.agenda_items.first() or meeting.agenda_items.create(order=0, title="বিবিধ")
    made = item.decisions.create(order=item.decisions.count(), text=f"<p>{text}</p>")
    for order, target in enumerate(to):
        key = type(target).__name__.lower()
        Responsibility.objects.create(decision=made, order=order, label=str(target), **{key: target})
    return made


def occurrence(office, due, status=S.OPEN, done=None, **what) -> Occurrence:
    """An item made by hand (the materialisation is the other helper's), as it would be after its history."""
    item = Occurrence.objects.create(office=office, due_date=day(due), status=status, **what)
    if done:
        item.done_at = at(done)
        if status == S.CONFIRMED:
            item.confirmed_at = item.done_at + datetime.timedelta(days=1)
        item.save()
    return item


def make_plan(office, *, branch=None, post=None, total=10) -> Plan:
    plan = Plan.objects.create(
        office=office, fiscal_year=2024, total_marks=Decimal(total), origin=Plan.Origin.IMPORTED
    )
    area = Area.objects.create(plan=plan, number="1", title="প্রাতিষ্ঠানিক", marks=Decimal(3))
    activity = Activity.objects.create(area=area, number="1.1", title="ইনোভেশন টিমের সভা")
    Indicator.objects.create(
        plan=plan, activity=activity, number="1.1.1", title="ইনোভেশন টিমের সভা আয়োজিত", unit=Unit.COUNT,
        weight=Decimal(2), target_value=Decimal(4), responsible="প্রশাসন শাখা", responsible_branch=branch, order=0,
    )  # fmt: skip
    Indicator.objects.create(
        plan=plan, activity=activity, number="1.1.2", title="উদ্ভাবন কর্মপরিকল্পনা প্রণীত", unit=Unit.DATE,
        weight=Decimal(1), target_date=day("15.02.2025"), responsible="সিস্টেম এনালিস্ট", responsible_post=post,
        order=1,
    )  # fmt: skip
    return plan


def confirm_report(indicator, quarter, value, by):
    AchievementReport.objects.create(
        indicator=indicator, quarter=quarter, achieved_value=Decimal(value),
        state=AchievementReport.State.CONFIRMED, reported_by=by, reported_at=timezone.now(),
    )  # fmt: skip


@pytest.fixture
def world(db) -> World:
    ministry = OfficeFactory(name="সুরক্ষা সেবা বিভাগ", kind=Office.Kind.DIVISION)
    directorate = OfficeFactory(name="দপ্তর ক", parent=ministry)
    sibling = OfficeFactory(name="দপ্তর খ", parent=ministry)
    district = OfficeFactory(name="দপ্তর ক, জেলা কার্যালয়", parent=directorate, kind=Office.Kind.DISTRICT)
    outside = OfficeFactory(name="বাইরের দপ্তর")
    admin_branch = Branch.objects.create(office=directorate, name="প্রশাসন শাখা")
    ict_branch = Branch.objects.create(office=directorate, name="আইসিটি শাখা")
    post = Post.objects.create(office=directorate, branch=ict_branch, title="সিস্টেম এনালিস্ট")
    rahim = OfficialFactory(
        office=directorate, branch=ict_branch, post=post, name="মোঃ রহিম", designation="সিস্টেম এনালিস্ট"
    )
    karim = OfficialFactory(
        office=directorate, branch=admin_branch, name="মোঃ করিম", designation="সহকারী সচিব"
    )
    users = {
        "rahim": _user(directorate, "rahim", rahim, R.DRAFTER),
        "karim": _user(directorate, "karim", karim),
        "head": _user(directorate, "head", None, R.APPROVER, R.ADMIN),
        "ministry": _user(ministry, "ministry", None, R.APPROVER),
        "sibling": _user(sibling, "sibling", None, R.DRAFTER),
        "district": _user(district, "district", None, R.DRAFTER),
        "outsider": _user(outside, "outsider", None, R.DRAFTER, R.ADMIN),
    }
    meeting = issued_meeting(directorate, "দপ্তর ক-এর ইনোভেশন টিমের ৪র্থ সভা")
    draft = MeetingFactory(
        office=directorate, title="খসড়া সভা", state=Meeting.State.DRAFT, date=day("02.01.2025")
    )
    d = {
        "d1": decision(meeting, "ওয়েবসাইটের সেবাবক্স হালনাগাদ করতে হবে।", post),
        "d2": decision(meeting, "ই-নথিতে সকল পত্র জারি করতে হবে।", admin_branch),
        "d3": decision(meeting, "উদ্ভাবনী ধারণা আহ্বান করতে হবে।", karim),
        "d4": decision(meeting, "শোকেসিং আয়োজন করতে হবে।", directorate),
        "d5": decision(meeting, "ডিজিটাল সেবার তালিকা প্রকাশ করতে হবে।", ict_branch),
        "d6": decision(meeting, "পুরনো সিদ্ধান্ত।", admin_branch),
        "d7": decision(meeting, "প্রশিক্ষণ আয়োজন করতে হবে।", admin_branch, ict_branch),
        "d8": decision(meeting, "গত বছরের প্রতিবেদন পাঠাতে হবে।", admin_branch),
        "draft": decision(draft, "খসড়ার গোপন সিদ্ধান্ত।", post),
    }
    items = {
        "d1": occurrence(directorate, "10.01.2025", decision=d["d1"]),
        "d2": occurrence(directorate, "01.12.2024", S.DONE, "30.11.2024", decision=d["d2"]),
        "d3": occurrence(directorate, "15.10.2024", S.CONFIRMED, "20.10.2024", decision=d["d3"]),
        "d4": occurrence(directorate, "01.09.2024", decision=d["d4"]),
        "d5": occurrence(directorate, "01.03.2025", decision=d["d5"]),
        "d6": occurrence(directorate, "01.11.2024", S.SUPERSEDED, decision=d["d6"]),
        "d7": occurrence(directorate, "10.08.2024", S.CONFIRMED, "09.08.2024", decision=d["d7"]),
        "d8": occurrence(directorate, "20.06.2024", decision=d["d8"]),
        "draft": occurrence(directorate, "05.01.2025", decision=d["draft"]),
    }
    plan = make_plan(directorate, branch=admin_branch, post=post)
    count, dated = plan.indicators.order_by("order")
    confirm_report(count, 1, 1, users["head"])
    items |= {
        "i1q1": occurrence(directorate, "15.10.2024", S.CONFIRMED, "14.10.2024", indicator=count, period=1),
        "i1q2": occurrence(directorate, "15.01.2025", indicator=count, period=2),
        "i1q3": occurrence(directorate, "10.02.2025", indicator=count, period=3),
        "i2q2": occurrence(directorate, "19.02.2025", indicator=dated, period=2),
        "i2q3": occurrence(directorate, "20.02.2025", indicator=dated, period=3),
    }
    sibling_meeting = issued_meeting(sibling, "দপ্তর খ-এর সভা")
    items["sibling"] = occurrence(
        sibling, "01.01.2025", decision=decision(sibling_meeting, "দপ্তর খ-এর কাজ।", sibling)
    )
    outside_meeting = issued_meeting(outside, "বাইরের দপ্তরের সভা")
    items["outside"] = occurrence(
        outside, "25.01.2025", decision=decision(outside_meeting, "বাইরের দপ্তরের গোপন কাজ।", outside)
    )
    return World(
        ministry, directorate, sibling, district, outside, admin_branch, ict_branch, post, rahim, karim,
        users, meeting, draft, d, items, plan,
    )  # fmt: skip
