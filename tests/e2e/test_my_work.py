"""Issue 15, part 1: an official opens My work, reports progress with a file and marks the decision
done; the approver confirms it; the minutes page shows the decision's history."""

import datetime

import pytest
from django.utils import timezone

from followup.models import ProgressEvidence
from minutes import tasks
from minutes.models import Decision, Meeting, Responsibility
from minutes.workflow import services as workflow
from offices.models import Branch, OfficeRole, Post
from tests.actionplan.evidence_files import pdf
from tests.e2e.conftest import log_in, open_item_to_confirm, report_progress_then_done, screenshot
from tests.factories import (
    GovernmentFileFactory,
    MeetingFactory,
    OfficeFactory,
    OfficialFactory,
    user_with_role,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
R = OfficeRole.Role


def test_an_official_reports_a_decision_done_and_the_approver_confirms_it(page, monkeypatch, tmp_path):
    from django.core.files.storage import FileSystemStorage

    monkeypatch.setattr(
        ProgressEvidence._meta.get_field("file"), "storage", FileSystemStorage(location=tmp_path / "s")
    )
    monkeypatch.setattr(tasks.issued_minutes_store_and_distribute, "delay", lambda meeting_id: None)
    office = OfficeFactory(name="পরীক্ষা মন্ত্রণালয়")
    branch = Branch.objects.create(office=office, name="আইসিটি শাখা")
    post = Post.objects.create(office=office, branch=branch, title="সিস্টেম এনালিস্ট")
    rahim = user_with_role(office, username="rahim")  # no role: an official who carries decisions out
    rahim.official = OfficialFactory(
        office=office, branch=branch, post=post, name="মোঃ রহিম", designation="সিস্টেম এনালিস্ট"
    )
    rahim.save()
    approver = user_with_role(office, R.APPROVER, username="anwar")
    approver.official = OfficialFactory(office=office, name="ড. আনোয়ার হোসেন", designation="অতিরিক্ত সচিব")
    approver.save()
    issuer = user_with_role(office, R.ISSUER, username="issa")
    today = timezone.localdate()
    meeting = MeetingFactory(
        office=office,
        title="ইনোভেশন টিমের ৫ম সভা",
        state=Meeting.State.APPROVED,
        date=today - datetime.timedelta(days=3),
    )
    decision = meeting.agenda_items.create(order=0, title="ওয়েবসাইট").decisions.create(
        order=0, text="<p>দপ্তরের ওয়েবসাইট হালনাগাদ করতে হবে।</p>",
        deadline_kind=Decision.Deadline.DATE, deadline_date=today + datetime.timedelta(days=3),
    )  # fmt: skip
    Responsibility.objects.create(decision=decision, post=post, label="সিস্টেম এনালিস্ট")
    workflow.minutes_issue(meeting=meeting, government_file=GovernmentFileFactory(office=office), by=issuer)
    screenshot_file = tmp_path / "ওয়েবসাইট.pdf"
    screenshot_file.write_bytes(pdf())

    # The official finds the decision in My work, due within a week.
    log_in(page, "rahim", "pass-1234")
    page.get_by_role("link", name="আমার কাজ").click()
    week = page.locator("#this-week")
    assert "দপ্তরের ওয়েবসাইট হালনাগাদ করতে হবে।" in week.inner_text()
    assert "সিস্টেম এনালিস্ট" in week.inner_text()
    screenshot(page, "my-work")

    # Progress with a file, then done.
    week.get_by_role("link", name="খুলুন").click()
    report_progress_then_done(
        page, "হোমপেজ হালনাগাদ হয়েছে; সেবা পাতা বাকি।", screenshot_file, "সেবা পাতাসহ পুরো ওয়েবসাইট হালনাগাদ সম্পন্ন।"
    )
    screenshot(page, "my-work-reported-done")

    # The approver confirms it from their list.
    open_item_to_confirm(page, "anwar")
    with page.expect_download() as download:
        page.get_by_role("link", name="ওয়েবসাইট.pdf").click()
    assert download.value.path().read_bytes() == pdf()
    page.get_by_role("button", name="সম্পন্ন বলে নিশ্চিত করুন").click()
    assert "সম্পন্ন বলে নিশ্চিত করা হয়েছে।" in page.locator("main").inner_text()
    assert Decision.objects.get(pk=decision.pk).status == Decision.Status.DONE

    # The minutes page shows the decision's history.
    page.get_by_role("link", name="ইনোভেশন টিমের ৫ম সভা").click()
    history = page.locator("#followup").inner_text()
    assert "হোমপেজ হালনাগাদ হয়েছে" in history and "পুরো ওয়েবসাইট হালনাগাদ সম্পন্ন" in history
    assert "মোঃ রহিম" in history and "ড. আনোয়ার হোসেন" in history and "ওয়েবসাইট.pdf" in history
    screenshot(page, "minutes-followup-history")
