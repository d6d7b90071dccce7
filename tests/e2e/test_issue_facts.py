"""The issuing officer chooses the issue facts in the browser: the file (none is picked for them), an
issue date typed in Bangla digits (a day before the approval is refused in Bangla, the form kept),
and another issuing officer to sign the memo block instead of the one typed in the editor; they see
the memo number and the date in both calendars before confirming, then find all three on the issued
document."""

import datetime

import pytest
from django.utils import timezone

from bangla.dates import format_bangla_date, format_date, format_dual_date
from bangla.digits import to_bangla_digits
from minutes.models import Meeting, Transition
from minutes.workflow import services as workflow
from offices.models import OfficeRole
from tests.e2e.conftest import log_in, screenshot
from tests.factories import (
    GovernmentFileFactory,
    MeetingFactory,
    OfficeFactory,
    OfficialFactory,
    user_with_role,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
R = OfficeRole.Role


def person(office, username, name, *roles):
    user = user_with_role(office, *roles, username=username)
    user.official = OfficialFactory(office=office, name=name, designation="উপসচিব")
    user.save()
    return user


def dotted_bn(day: datetime.date) -> str:
    return to_bangla_digits(day.strftime("%d.%m.%Y"))


def test_the_issuer_picks_file_date_and_signer_and_finds_them_on_the_issued_document(page, celery_eager):
    office = OfficeFactory(name="সুরক্ষা সেবা বিভাগ")
    drafter = person(office, "drafter", "মোঃ আবদুল কাদির", R.DRAFTER)
    approver = person(office, "approver", "ড. তরুণ কান্তি শিকদার", R.APPROVER)
    person(office, "issuer", "জনাব মো: মনিরুজ্জামান", R.ISSUER)
    person(office, "deputy", "বেগম সালমা খাতুন", R.ISSUER)
    GovernmentFileFactory(office=office, number="05.00.0000.197.01.003.22", subject="অন্য নথি", last_serial=7)
    GovernmentFileFactory(office=office, number="58.00.0000.018.31.006.17", subject="ইনোভেশন", last_serial=25)
    today = timezone.localdate()
    meeting = MeetingFactory(
        office=office,
        created_by=drafter,
        date=today - datetime.timedelta(days=20),
        issuer_name="জনাব টাইপ করা নাম",
        issuer_designation="সিনিয়র সহকারী সচিব",
    )
    meeting.agenda_items.create(order=0, title="বিবিধ")
    workflow.meeting_submit(meeting=meeting, by=drafter)
    workflow.meeting_approve(meeting=meeting, by=approver)
    approved_on = today - datetime.timedelta(days=10)  # approved ten days ago, issued three days ago
    Transition.objects.filter(meeting=meeting, to_state=Meeting.State.APPROVED).update(
        at=timezone.make_aware(datetime.datetime.combine(approved_on, datetime.time(11)))
    )
    issue_day = today - datetime.timedelta(days=3)

    log_in(page, "issuer", "pass-1234")
    page.goto(page.base_url + f"/minutes/{meeting.pk}/")
    files = page.locator('select[name="government_file"]')
    assert files.input_value() == ""  # no file is picked for the issuer
    assert files.locator("option").first.inner_text() == "নথি বাছাই করুন"
    assert page.locator('input[name="issue_date"]').input_value() == dotted_bn(today)
    files.select_option(
        label="৫৮.০০.০০০০.০১৮.৩১.০০৬.১৭ — ইনোভেশন (স্মারক নম্বর হবে: ৫৮.০০.০০০০.০১৮.৩১.০০৬.১৭.২৬)"
    )

    # A day before the approval is refused in Bangla; the file picked stays picked.
    page.locator('input[name="issue_date"]').fill(dotted_bn(approved_on - datetime.timedelta(days=1)))
    page.get_by_role("button", name="জারির আগে যাচাই করুন").click()
    page.get_by_text(f"জারির তারিখ কার্যবিবরণী অনুমোদনের তারিখ {dotted_bn(approved_on)}-এর আগে").wait_for()
    assert "০০৬.১৭.২৬" in page.locator('select[name="government_file"] option:checked').inner_text()

    # The date typed in Bangla digits, another issuing officer to sign.
    page.locator('input[name="issue_date"]').fill(dotted_bn(issue_day))
    page.locator('select[name="signer"]').select_option(label="বেগম সালমা খাতুন, উপসচিব")
    page.get_by_role("button", name="জারির আগে যাচাই করুন").click()
    review = page.locator("#issue-review")
    assert "৫৮.০০.০০০০.০১৮.৩১.০০৬.১৭.২৬" in review.locator("#review-memo-number").inner_text()
    assert review.locator("#review-issue-date").inner_text() == format_dual_date(issue_day)
    assert "বেগম সালমা খাতুন" in review.locator("#review-signer").inner_text()
    screenshot(page, "issue-review")
    assert Meeting.objects.get(pk=meeting.pk).state == Meeting.State.APPROVED  # nothing issued yet

    review.get_by_role("button", name="জারি ও বিতরণ করুন").click()
    page.locator("#meeting-state", has_text="জারিকৃত").wait_for()

    page.goto(page.base_url + f"/minutes/{meeting.pk}/document/")
    memo_line = page.locator("#memo-line").inner_text()
    assert "৫৮.০০.০০০০.০১৮.৩১.০০৬.১৭.২৬" in memo_line
    # The two calendars' dates, one above the other (the office's conventions: plain forms).
    assert f"তারিখ:\n{format_bangla_date(issue_day)}\n{format_date(issue_day)}" in memo_line
    signature = page.locator(".signature.issuer").inner_text()
    assert "বেগম সালমা খাতুন" in signature and "জনাব টাইপ করা নাম" not in signature
    screenshot(page, "issued-with-chosen-facts")
