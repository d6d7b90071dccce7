"""The whole life of minutes in the browser, with the demo users: entered, returned, approved, issued,
mailed and published, then read by an anonymous citizen."""

import pytest

from minutes.demo import load_minutes_demo
from minutes.models import Delivery, Meeting
from offices.demo import DEMO_PASSWORD, load_demo
from offices.models import Office
from tests.e2e.conftest import log_in, rich_text, screenshot, start_draft
from tests.minutes.test_delivery import smtp, wait_for  # noqa: F401 (smtp is a fixture)
from tests.worker import running_worker

pytestmark = [pytest.mark.browser, pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def log_out(page):
    page.get_by_role("button", name="লগ আউট").click()


def open_detail(page, meeting):
    page.goto(page.base_url + f"/minutes/{meeting.pk}/")


def test_drafter_approver_and_issuer_take_minutes_from_draft_to_the_public_page(page, smtp):  # noqa: F811
    load_demo()
    load_minutes_demo({office.name: office for office in Office.objects.all()})
    with running_worker(EMAIL_URL=smtp.url, SOBHA_DELIVERY_RETRY_SECONDS="1"):
        # The drafter enters the minutes and submits them.
        start_draft(page, date="2026-11-19", venue="সভাকক্ষ, সুরক্ষা সেবা বিভাগ")
        page.locator('[name="items-0-title"]').fill("বিবিধ।")
        rich_text(page, "items-0-decisions-0-text").fill("প্রমাণক সংরক্ষণ করবে।")
        page.locator('select[name="group"]').select_option(label="ইনোভেশন টিম ও অধিদপ্তর প্রধান")
        page.get_by_role("button", name="দলের সবাইকে যোগ করুন").click()
        page.locator('[name="recipients-4-designation"]').wait_for()
        for k in range(3):
            page.locator(f'[name="recipients-{k}-email"]').fill(f"member{k}@example.gov.bd")
        page.get_by_role("button", name="সংরক্ষণ করুন").first.click()
        page.get_by_text("কার্যবিবরণী সংরক্ষিত হয়েছে।").wait_for()
        meeting = Meeting.objects.get()
        open_detail(page, meeting)
        page.get_by_role("button", name="অনুমোদনের জন্য দাখিল করুন").click()
        page.get_by_text("অনুমোদনের জন্য দাখিলকৃত").first.wait_for()
        log_out(page)

        # The approver returns them with a comment.
        log_in(page, "approver", DEMO_PASSWORD)
        page.goto(page.base_url + "/minutes/inbox/")
        page.get_by_role("link", name=meeting.title).click()
        page.get_by_label("খসড়া প্রস্তুতকারীর জন্য মন্তব্য").fill("সিদ্ধান্তে সময়সীমা যোগ করুন।")
        page.get_by_role("button", name="মন্তব্যসহ ফেরত দিন").click()
        page.get_by_text("সিদ্ধান্তে সময়সীমা যোগ করুন।").wait_for()
        log_out(page)

        # The drafter fixes and resubmits.
        log_in(page, "drafter", DEMO_PASSWORD)
        page.goto(page.base_url + f"/minutes/{meeting.pk}/edit/")
        page.locator('[name="items-0-decisions-0-deadline_kind"]').select_option("working_days")
        page.locator('[name="items-0-decisions-0-deadline_working_days"]').fill("7")
        page.get_by_role("button", name="সংরক্ষণ করুন").first.click()
        page.get_by_text("কার্যবিবরণী সংরক্ষিত হয়েছে।").wait_for()
        open_detail(page, meeting)
        page.get_by_role("button", name="অনুমোদনের জন্য দাখিল করুন").click()
        page.get_by_text("অনুমোদনের জন্য দাখিলকৃত").first.wait_for()
        log_out(page)

        # The approver approves.
        log_in(page, "approver", DEMO_PASSWORD)
        open_detail(page, meeting)
        page.get_by_role("button", name="অনুমোদন করুন").click()
        page.locator("#meeting-state", has_text="অনুমোদিত").wait_for()
        log_out(page)

        # The issuing officer picks the file, reviews the memo number and issues: memo number and
        # both dates appear; the mails go out.
        log_in(page, "issuer", DEMO_PASSWORD)
        open_detail(page, meeting)
        page.locator('select[name="government_file"]').select_option(index=1)
        page.get_by_role("button", name="জারির আগে যাচাই করুন").click()
        assert "৫৮.০০.০০০০.০১৮.৩১.০০৬.১৭.২৬" in page.locator("#review-memo-number").inner_text()
        page.get_by_role("button", name="জারি ও বিতরণ করুন").click()
        memo_line = page.locator("#memo-line")
        assert "৫৮.০০.০০০০.০১৮.৩১.০০৬.১৭.২৬" in memo_line.inner_text()
        assert "অগ্রহায়ণ ১৪৩৩" in memo_line.inner_text() and "নভেম্বর ২০২৬" in memo_line.inner_text()
        assert wait_for(lambda: Delivery.objects.filter(status=Delivery.Status.SENT).count() == 3)
        for k in range(3):
            (message,) = smtp.to(f"member{k}@example.gov.bd")
            (attachment,) = message.iter_attachments()
            assert attachment.get_content_type() == "application/pdf"
        page.reload()
        assert page.locator("#deliveries").inner_text().count("পাঠানো হয়েছে") == 3
        page.get_by_role("button", name="ওয়েবসাইটে প্রকাশ করুন").click()
        page.locator("#meeting-state", has_text="প্রকাশিত").wait_for()
        screenshot(page, "issued-minutes")
        log_out(page)

    # An anonymous citizen reads the published minutes.
    page.goto(page.base_url + f"/public/minutes/{meeting.pk}/")
    text = page.locator("body").inner_text()
    assert meeting.title in text
    assert "স্মারক নম্বর: ৫৮.০০.০০০০.০১৮.৩১.০০৬.১৭.২৬" in text
    assert "খসড়া" not in text
    assert "যাচাই:" in text
    screenshot(page, "public-minutes")
