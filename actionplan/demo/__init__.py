"""Demo data: the reference action plan in two offices, so every demo user meets the plan on log-in.

- মহিলা বিষয়ক অধিদপ্তর, fiscal year 2024-25 (the year of its issued minutes, 004): the plan imported,
  the issued minutes attached to the meeting indicator [১.৪.১], a decision linked to [১.১.১], two
  quarters' reports confirmed with an evidence file, and two entries in the innovation bank (one
  published on the website).
- সুরক্ষা সেবা বিভাগ, the current fiscal year: the plan imported by its administrator, and a first
  quarter's report by the drafter waiting for the approver.

The reference plan (plan-2021-22.csv, as the ministry received it) is moved to the demo's years by
shifting its dates; everything goes through the services, as a user's clicks would. Loading is
idempotent: an office that has its plan for the year is left as it is.
"""

import datetime
import re
from io import BytesIO
from pathlib import Path

import pikepdf
from django.db import transaction
from django.utils import timezone

from actionplan.ideas.services import idea_save, idea_set_published
from actionplan.links.services import decision_link, minutes_attach
from actionplan.models import Idea, IdeaKind, IdeaStatus, Indicator, Plan
from actionplan.reporting import Upload, achievement_confirm, achievement_report
from actionplan.services import plan_import
from bangla.digits import to_ascii_digits, to_bangla_digits
from bangla.fiscal import fiscal_year_start
from minutes.models import Decision, Meeting
from offices.models import Office, User

TEMPLATE = Path(__file__).with_name("plan-2021-22.csv")
TEMPLATE_YEAR = 2021
_DATE = re.compile(r"([০-৯]{2})-([০-৯]{2})-([০-৯]{4})")


def template_for(fiscal_year: int) -> bytes:
    """The reference plan with its target dates moved from 2021-22 to `fiscal_year`."""
    shift = fiscal_year - TEMPLATE_YEAR

    def moved(match: re.Match) -> str:
        year = int(to_ascii_digits(match[3])) + shift
        return f"{match[1]}-{match[2]}-{to_bangla_digits(str(year))}"

    return _DATE.sub(moved, TEMPLATE.read_text(encoding="utf-8")).encode("utf-8")


def evidence_pdf(title: str) -> Upload:
    """A small, real PDF to stand for a scanned letter (the evidence check reads its content)."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    pdf.docinfo["/Title"] = title
    out = BytesIO()
    pdf.save(out)
    return Upload(name=f"{title}.pdf", data=out.getvalue())


@transaction.atomic
def load_demo_plans(today: datetime.date | None = None) -> list[Plan]:
    today = today or timezone.localdate()
    users = {user.username: user for user in User.objects.filter(username__in=DEMO_USERS)}
    return [_women_affairs(users["dwa_drafter"]), _security_services(users, today)]


DEMO_USERS = ("dwa_drafter", "officeadmin", "drafter")


def _plan(office: Office, fiscal_year: int, by) -> tuple[Plan, bool]:
    existing = Plan.objects.filter(office=office, fiscal_year=fiscal_year).first()
    if existing:
        return existing, False
    data = template_for(fiscal_year)
    return plan_import(
        office=office, fiscal_year=fiscal_year, data=data, by=by, file_name=TEMPLATE.name
    ), True


def _women_affairs(by) -> Plan:
    """2024-25: the year of the issued minutes 004, with its reports confirmed."""
    office = Office.objects.get(name="মহিলা বিষয়ক অধিদপ্তর")
    plan, created = _plan(office, 2024, by)
    if not created:
        return plan
    indicators = {indicator.number: indicator for indicator in Indicator.objects.filter(plan=plan)}
    issued = Meeting.objects.filter(office=office, state__in=Meeting.ISSUED_STATES).first()
    if issued:
        minutes_attach(meeting=issued, indicator=indicators["1.4.1"], by=by)
        decision = Decision.objects.filter(agenda_item__meeting=issued).first()
        if decision:
            decision_link(decision=decision, indicator=indicators["1.1.1"], by=by)
    done = [
        ("1.3.1", 2, datetime.date(2024, 12, 18), "সেবা ডিজিটাইজেশনের অফিস আদেশ"),
        ("1.6.1", 2, 2, "কর্মশালার হাজিরা ও ছবি"),
        ("1.1.1", 3, datetime.date(2025, 3, 12), "উদ্ভাবনী ধারণা বাস্তবায়নের প্রতিবেদন"),
    ]
    for number, quarter, achieved, evidence in done:
        report = achievement_report(
            indicator=indicators[number],
            quarter=quarter,
            achieved=achieved,
            note=evidence,
            uploads=[evidence_pdf(evidence)],
            by=by,
        )
        achievement_confirm(report=report, by=by)
    _ideas(office, by)
    return plan


def _ideas(office: Office, by) -> None:
    implemented = Idea(
        office=office,
        title="অনলাইনে ভিজিডি উপকারভোগী নির্বাচন",
        kind=IdeaKind.SIMPLIFICATION,
        summary="ইউনিয়ন পরিষদে না গিয়ে অনলাইনে আবেদন ও যাচাই।",
        problem="আবেদনকারীকে একাধিকবার ইউনিয়ন পরিষদে যেতে হত।",
        solution="অনলাইন আবেদন, এসএমএসে অবহিতকরণ।",
        innovators="কেয়া খান",
        status=IdeaStatus.IMPLEMENTED,
        proposed_on=datetime.date(2024, 8, 4),
        implemented_on=datetime.date(2025, 3, 12),
    )
    idea_save(idea=implemented, by=by)
    idea_set_published(idea=implemented, published=True)
    idea_save(
        idea=Idea(
            office=office,
            title="মাতৃত্বকাল ভাতার তথ্য এক জায়গায়",
            kind=IdeaKind.IDEA,
            summary="ভাতাভোগীর তথ্য একটি ড্যাশবোর্ডে।",
            status=IdeaStatus.IDEA,
            proposed_on=datetime.date(2025, 1, 20),
        ),
        by=by,
    )


def _security_services(users: dict, today: datetime.date) -> Plan:
    """The current year: imported by the administrator, a first report waiting for the approver."""
    office = Office.objects.get(name="সুরক্ষা সেবা বিভাগ")
    plan, created = _plan(office, fiscal_year_start(today), users["officeadmin"])
    if created:
        indicator = Indicator.objects.get(plan=plan, number="2.1.1")
        achievement_report(
            indicator=indicator,
            quarter=1,
            achieved=1,
            note="সেবা বক্স হালনাগাদের স্ক্রিনশট",
            uploads=[evidence_pdf("সেবা বক্স হালনাগাদ")],
            by=users["drafter"],
            today=today,
        )
    return plan
