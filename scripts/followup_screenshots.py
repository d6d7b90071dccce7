"""Screenshots of the follow-up dashboards (docs/screenshots/followup-*.png), desktop and 360 px wide.

    .venv/bin/python scripts/followup_screenshots.py

Builds its own throwaway SQLite database (a division with nine directorates and two district
offices, their plans, reports, issued minutes and follow-up items, dated around today), serves it
with `manage.py runserver` on a free port of 127.0.0.1, and drives Debian's Chromium with Playwright.
"""

import datetime
import os
import socket
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from urllib.request import urlopen

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from config.standalone import ROOT, setup_django  # noqa: E402

DATABASE = f"sqlite:///{tempfile.mkdtemp()}/screens.sqlite3"
setup_django(database_url=DATABASE)
os.environ["DATABASE_URL"] = DATABASE

from django.core.management import call_command  # noqa: E402

OUT = ROOT / "docs" / "screenshots"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


PORT = _free_port()
BASE = f"http://127.0.0.1:{PORT}"
PASSWORD = "sobha-demo-2026"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]  # fmt: skip
DIRECTORATES = [
    "মাদকদ্রব্য নিয়ন্ত্রণ অধিদপ্তর", "ফায়ার সার্ভিস ও সিভিল ডিফেন্স অধিদপ্তর", "ইমিগ্রেশন ও পাসপোর্ট অধিদপ্তর",
    "কারা অধিদপ্তর", "বহিরাগমন অধিদপ্তর", "নিরাপত্তা সেবা পরিদপ্তর", "সুরক্ষা প্রশিক্ষণ ইনস্টিটিউট",
    "জরুরি সেবা অধিদপ্তর", "ডিজিটাল সুরক্ষা সেল",
]  # fmt: skip
DECISIONS = [
    "ওয়েবসাইটের সেবাবক্স হালনাগাদ করতে হবে।", "ই-নথিতে সকল পত্র জারি নিশ্চিত করতে হবে।",
    "উদ্ভাবনী ধারণা আহ্বান করে বাছাই করতে হবে।", "ইনোভেশন শোকেসিং আয়োজন করতে হবে।",
    "সেবা প্রদান প্রতিশ্রুতি হালনাগাদ করতে হবে।", "কর্মকর্তাদের ই-গভর্ন্যান্স প্রশিক্ষণ দিতে হবে।",
    "ডিজিটাল সেবার তালিকা প্রকাশ করতে হবে।", "অভিযোগ প্রতিকার ব্যবস্থা পর্যালোচনা করতে হবে।",
]  # fmt: skip


def build(today: datetime.date):
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from actionplan.models import AchievementReport, Activity, Area, Indicator, Plan
    from bangla.fiscal import fiscal_year_start
    from followup.models import Occurrence
    from minutes.models import Meeting, Responsibility
    from offices.models import Branch, Office, OfficeRole, User

    S = Occurrence.Status
    fiscal_year = fiscal_year_start(today)
    ministry = Office.objects.create(name="সুরক্ষা সেবা বিভাগ", kind=Office.Kind.DIVISION)
    user = User.objects.create(username="ministry", password=make_password(PASSWORD), first_name="বিভাগ")
    OfficeRole.objects.create(user=user, office=ministry, role=OfficeRole.Role.APPROVER)
    offices = [
        Office.objects.create(name=name, parent=ministry, kind=Office.Kind.DIRECTORATE)
        for name in DIRECTORATES
    ]
    for parent in offices[:2]:
        offices.append(
            Office.objects.create(name=f"{parent.name}, ঢাকা জেলা কার্যালয়", parent=parent, kind="district")
        )
    now = timezone.now()
    quarter_ends = [datetime.date(fiscal_year, 10, 15), datetime.date(fiscal_year + 1, 1, 15),
                    datetime.date(fiscal_year + 1, 4, 15), datetime.date(fiscal_year + 1, 7, 15)]  # fmt: skip
    for i, office in enumerate(offices):
        branches = [
            Branch.objects.create(office=office, name=name)
            for name in ("প্রশাসন শাখা", "আইসিটি শাখা", "পরিকল্পনা শাখা")
        ]
        if i % 5 != 4:  # a few offices have no plan yet
            plan = Plan.objects.create(
                office=office, fiscal_year=fiscal_year, total_marks=Decimal(50), origin="imported"
            )
            area = Area.objects.create(plan=plan, number="1", title="প্রাতিষ্ঠানিক", marks=Decimal(50))
            activity = Activity.objects.create(area=area, number="1.1", title="কার্যক্রম")
            for k, title in enumerate(("ইনোভেশন টিমের সভা আয়োজিত", "সেবা সহজিকরণ বাস্তবায়িত", "কর্মশালা আয়োজিত",
                                       "ডিজিটাল সেবা চালু", "প্রশিক্ষণ প্রদান")):  # fmt: skip
                indicator = Indicator.objects.create(
                    plan=plan, activity=activity, number=f"1.1.{k + 1}", title=title, unit="count", weight=Decimal(10),
                    target_value=Decimal(4), responsible_branch=branches[k % 3], order=k,
                )  # fmt: skip
                AchievementReport.objects.create(
                    indicator=indicator, quarter=1, achieved_value=Decimal((i * (k + 1)) % 5), state="confirmed",
                    reported_by=user, reported_at=now,
                )  # fmt: skip
                for q, due in enumerate(quarter_ends):
                    if q == 1 and k < 2:  # a second quarter's report asked early: due within 30 days
                        due = today + datetime.timedelta(days=5 + 9 * k + i % 7)
                    late = q == 0 and (i + k) % 4 == 0
                    status = S.OPEN if due >= today or late else S.CONFIRMED
                    Occurrence.objects.create(
                        indicator=indicator, office=office, period=q + 1, due_date=due, status=status
                    )
        meeting = Meeting.objects.create(
            office=office, title="ইনোভেশন টিমের ১ম সভা", date=today - datetime.timedelta(days=100),
            start_time=datetime.time(11), venue="সভাকক্ষ", state="issued", issue_date=today - datetime.timedelta(days=95),
            memo_number=f"58.00.0000.018.31.{i:03d}.26.1", created_by=user,
        )  # fmt: skip
        item = meeting.agenda_items.create(order=0, title="বিবিধ")
        for k, text in enumerate(DECISIONS):
            decision = item.decisions.create(order=k, text=f"<p>{text}</p>")
            branch = branches[(i + k) % 3] if k % 4 else None
            Responsibility.objects.create(decision=decision, branch=branch, office=None if branch else office,
                                          label=branch.name if branch else office.name)  # fmt: skip
            due = today - datetime.timedelta(days=80 - 18 * k)
            done = (i + k) % 3 != 0 and due < today
            on_time = (i * k) % 4 != 1
            Occurrence.objects.create(
                decision=decision, office=office, due_date=due, status=S.DONE if done else S.OPEN,
                done_at=timezone.make_aware(datetime.datetime.combine(due - datetime.timedelta(days=1 if on_time else -5),
                                                                      datetime.time(12))) if done else None,
            )  # fmt: skip
    return ministry, offices[0]


def main():
    call_command("migrate", verbosity=0)
    from django.utils import timezone

    ministry, office = build(timezone.localdate())
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "manage.py"), "runserver", f"127.0.0.1:{PORT}", "--noreload"],
        env={**os.environ, "DATABASE_URL": DATABASE},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(60):
            try:
                urlopen(f"{BASE}/health/", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        shoot(ministry, office)
    finally:
        server.terminate()
        server.wait(timeout=10)


def shoot(ministry, office):
    from playwright.sync_api import sync_playwright

    pages = {
        "followup-office-dashboard": f"/followup/dashboard/office/{office.pk}/",
        "followup-subordinates-dashboard": f"/followup/dashboard/office/{ministry.pk}/subordinates/?sort=-overdue_decisions",
    }
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for suffix, viewport in (
            ("", {"width": 1280, "height": 900}),
            ("-phone", {"width": 360, "height": 740}),
        ):
            context = browser.new_context(locale="en-US", viewport=viewport, device_scale_factor=1)
            page = context.new_page()
            page.goto(f"{BASE}/accounts/login/")
            page.get_by_label("ব্যবহারকারীর নাম").fill("ministry")
            page.get_by_label("পাসওয়ার্ড").fill(PASSWORD)
            page.get_by_role("button", name="লগ ইন").click()
            page.wait_for_url(f"{BASE}/")
            for name, path in pages.items():
                page.goto(BASE + path)
                page.wait_for_load_state("networkidle")
                target = OUT / f"{name}{suffix}.png"
                page.screenshot(path=str(target), full_page=True)
                print(target)
            context.close()
        browser.close()


if __name__ == "__main__":
    sys.exit(main())
