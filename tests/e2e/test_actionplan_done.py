"""Issue 14, "Done when": an office administrator imports the reference plan through the page; a
drafter links a decision to [১.১.১] through the editor's suggestion; the responsible official reports
that indicator's achievement with an evidence file and attaches the issued minutes to [১.৪.১]; the
approver confirms both reports; the plan page shows the new score; the quarterly progress sheet
downloads, opens, and says so."""

import datetime
import io

import openpyxl
import pytest
from django.core.files.storage import FileSystemStorage
from django.urls import reverse

from actionplan.models import DecisionLink, Evidence, Plan
from minutes.models import AgendaItem, Decision, Meeting
from offices.models import OfficeRole
from tests.actionplan.evidence_files import pdf
from tests.actionplan.templates import REFERENCE
from tests.e2e.conftest import log_in, screenshot
from tests.factories import BranchFactory, MeetingFactory, OfficeFactory, OfficialFactory, user_with_role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
R = OfficeRole.Role
RESPONSIBLE = "চিফ ইনোভেশন অফিসারের দপ্তর"  # বাস্তবায়নকারী of [১.১.১] and [১.৪.১] in the reference plan


def switch_user(page, username: str) -> None:
    page.context.clear_cookies()
    log_in(page, username, "pass-1234")


def plan_score(page) -> str:
    return page.locator("#plan-so-far").inner_text()


def test_import_link_report_attach_confirm_score_and_the_quarterly_sheet(page, monkeypatch, tmp_path):
    monkeypatch.setattr(
        Evidence._meta.get_field("file"), "storage", FileSystemStorage(location=tmp_path / "evidence")
    )
    office = OfficeFactory(name="সুরক্ষা সেবা বিভাগ")
    branch = BranchFactory(office=office, name=RESPONSIBLE)
    user_with_role(office, R.ADMIN, username="admin")
    user_with_role(office, R.DRAFTER, username="dipu")
    responsible = user_with_role(office, R.DRAFTER, username="rahim")
    responsible.official = OfficialFactory(office=office, branch=branch, name="রহিম উদ্দিন")
    responsible.save()
    user_with_role(office, R.APPROVER, username="anwar")
    draft = MeetingFactory(office=office, date=datetime.date(2022, 2, 15), title="ইনোভেশন টিমের সভা")
    decision = Decision.objects.create(
        agenda_item=AgendaItem.objects.create(meeting=draft, title="উদ্ভাবনী ধারণা"),
        text="<p>কার্যক্রম ১.১.১ অনুযায়ী নতুন উদ্ভাবনী ধারণাটি ১৫ মার্চের মধ্যে বাস্তবায়ন করতে হবে।</p>",
    )
    MeetingFactory(
        office=office,
        date=datetime.date(2021, 8, 25),
        state=Meeting.State.ISSUED,
        memo_number="৫৮.০০.০০০০.০১৮.৩১.০০৬.১৭.২৬",
        issue_date=datetime.date(2021, 8, 29),
        title="উদ্ভাবনী উদ্যোগ পর্যালোচনা সভা",
    )
    evidence = tmp_path / "উদ্ভাবন-বাস্তবায়ন-প্রতিবেদন.pdf"
    evidence.write_bytes(pdf())

    # 1. The office administrator imports the reference plan through the page.
    log_in(page, "admin", "pass-1234")
    page.goto(page.base_url + reverse("actionplan:office", args=[office.pk]))
    page.get_by_role("link", name="কর্মপরিকল্পনা আমদানি").click()
    page.get_by_label("অর্থবছর").select_option(label="২০২১-২২")
    page.get_by_label("মোট মান").fill("৫০")
    page.get_by_label("টেমপ্লেট ফাইল").set_input_files(str(REFERENCE))
    page.get_by_role("button", name="আমদানি").click()
    assert "কর্মপরিকল্পনাটি আমদানি হয়েছে।" in page.locator("main").inner_text()
    plan = Plan.objects.get(office=office, fiscal_year=2021)
    assert plan.indicators.count() == 13 and plan.indicators.get(number="1.1.1").responsible_branch == branch
    assert plan_score(page) == "৫০-এর মধ্যে ০"

    # 2. A drafter links the decision to [১.১.১], from the editor's suggestion.
    switch_user(page, "dipu")
    page.goto(page.base_url + reverse("minutes:edit", args=[draft.pk]))
    suggestion = page.locator(f"#decision-links-{decision.pk}")
    suggestion.get_by_text("[১.১.১] একটি নতুন উদ্ভাবনী ধারণা বাস্তবায়িত").wait_for()
    suggestion.get_by_role("button", name="যুক্ত করুন").click()
    page.locator(".linked-indicator", has_text="[১.১.১]").wait_for()
    assert DecisionLink.objects.get().indicator.number == "1.1.1"

    # 3. The responsible official reports [১.১.১] with an evidence file, attaches the issued
    #    minutes to the meeting indicator [১.৪.১] and reports it too.
    switch_user(page, "rahim")
    page.goto(page.base_url + plan.get_absolute_url())
    page.locator("#indicator-1\\.1\\.1").get_by_role("link", name="[১.১.১]").click()
    assert "ইনোভেশন টিমের সভা" in page.locator("#indicator-decisions").inner_text()  # the linked decision
    page.locator("#quarter-3").get_by_role("link", name="অর্জনের প্রতিবেদন দিন").click()
    page.get_by_label("সম্পন্ন হওয়ার তারিখ").fill("১০.০৩.২০২২")
    page.get_by_label("প্রমাণক ফাইল").set_input_files([str(evidence)])
    page.get_by_role("button", name="প্রতিবেদন দিন").click()
    assert "নিশ্চিতকরণের অপেক্ষায়" in page.locator("#quarter-3").inner_text()

    page.goto(page.base_url + plan.get_absolute_url())
    page.locator("#indicator-1\\.4\\.1").get_by_role("link", name="[১.৪.১]").click()
    page.locator(".attachable-minutes", has_text="উদ্ভাবনী উদ্যোগ পর্যালোচনা সভা").get_by_role(
        "button", name="সংযুক্ত করুন"
    ).click()
    assert page.locator("#first-meeting-date").inner_text() == "২৫ আগস্ট ২০২১"
    page.locator("#quarter-1").get_by_role("link", name="অর্জনের প্রতিবেদন দিন").click()
    page.get_by_label("সম্পন্ন হওয়ার তারিখ").fill("২৫.০৮.২০২১")
    page.get_by_role("button", name="প্রতিবেদন দিন").click()
    assert "নিশ্চিতকরণের অপেক্ষায়" in page.locator("#quarter-1").inner_text()
    page.goto(page.base_url + plan.get_absolute_url())
    # The issued minutes count at once (nothing to confirm); [১.১.১] waits for the approver.
    assert plan_score(page) == "৫০-এর মধ্যে ৪"
    assert "১টি প্রতিবেদন নিশ্চিতকরণের অপেক্ষায়" in page.locator("#indicator-1\\.1\\.1").inner_text()

    # 4. The approver confirms both.
    switch_user(page, "anwar")
    for number, quarter in (("1.1.1", 3), ("1.4.1", 1)):
        page.goto(
            page.base_url + reverse("actionplan:indicator", args=[plan.indicators.get(number=number).pk])
        )
        page.locator(f"#quarter-{quarter}").get_by_role("button", name="নিশ্চিত করুন").click()
        assert "প্রতিবেদনটি নিশ্চিত করা হয়েছে।" in page.locator("main").inner_text()

    # 5. The plan page shows the new score: [১.১.১] done before its target (৫) and the meeting (৪).
    page.goto(page.base_url + plan.get_absolute_url())
    assert plan_score(page) == "৫০-এর মধ্যে ৯"
    assert "৫ / ৫" in page.locator("#indicator-1\\.1\\.1 .score-so-far").inner_text()
    page.locator("#progress-sheets").scroll_into_view_if_needed()
    screenshot(page, "actionplan-progress-links")

    # 6. The quarterly sheet (to the 3rd quarter) downloads and opens.
    with page.expect_download() as download:
        page.get_by_role("link", name="৩য় ত্রৈমাসিক পর্যন্ত অগ্রগতি, Excel").click()
    assert download.value.suggested_filename == "কর্মপরিকল্পনার অগ্রগতি ২০২১-২২ ৩য় ত্রৈমাসিক সুরক্ষা সেবা বিভাগ.xlsx"
    sheet = openpyxl.load_workbook(io.BytesIO(download.value.path().read_bytes())).active
    assert sheet["A1"].value == "সুরক্ষা সেবা বিভাগ"
    assert "২০২১-২০২২" in sheet["A2"].value and "৩য় ত্রৈমাসিক" in sheet["A3"].value
    heading = {
        (sheet.cell(6, col).value or sheet.cell(5, col).value): col for col in range(1, sheet.max_column + 1)
    }
    rows = {sheet.cell(row, 4).value.split()[0]: row for row in range(8, 21)}
    done, meeting = rows["[১.১.১]"], rows["[১.৪.১]"]
    assert sheet.cell(done, heading["৩য় কোয়ার্টার"]).value == "১০-০৩-২০২২"
    assert sheet.cell(done, heading["মোট অর্জন (৩য় ত্রৈমাসিক পর্যন্ত)"]).value == "১০-০৩-২০২২"
    assert sheet.cell(done, heading["অর্জিত মান"]).value == "৫"
    assert sheet.cell(meeting, heading["১ম কোয়ার্টার"]).value == "২৫-০৮-২০২১"
    assert sheet.cell(meeting, heading["অর্জিত মান"]).value == "৪"
    assert sheet.cell(21, heading["অর্জিত মান"]).value == "৯"  # the total
