"""Issue 12, item 1: an office's administrator sets how the office writes its minutes (a preset, then
one change, with the preview following as they choose), and a drafter changes one convention for
one meeting in the editor; the document is written that way."""

import re

import pytest

from minutes.models import Meeting
from offices.demo import DEMO_PASSWORD, load_demo
from tests.e2e.conftest import log_in, rich_text, screenshot, start_draft

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
OFFICE = "সুরক্ষা সেবা বিভাগ"


def test_an_administrator_sets_the_conventions_and_a_drafter_adapts_them_for_one_meeting(page, browser):
    load_demo()
    log_in(page, "officeadmin", DEMO_PASSWORD)
    page.get_by_role("link", name="দপ্তর প্রশাসন").click()
    page.get_by_role("link", name=OFFICE, exact=True).click()
    page.get_by_role("navigation", name="দপ্তর প্রশাসন").get_by_role("link", name="দলিলের রীতি").click()
    preview = page.locator("#conventions-preview")
    assert "১৭.০২.২০২১ খ্রিস্টাব্দ" in preview.inner_text()  # the office's conventions so far

    page.get_by_role("button", name=re.compile("^মন্ত্রণালয়ের রূপ")).click()
    assert "নমুনা রূপটি বসানো হলো" in page.locator("main").inner_text()
    preview = page.locator("#conventions-preview")
    assert "১৭ ফেব্রুয়ারি, ২০২১" in preview.inner_text()
    assert "বিকাল ০৩.০০ ঘটিকা।" in preview.inner_text()

    # The preview follows each choice before anything is saved.
    page.get_by_label("সিদ্ধান্তের ক্রমিক বর্ণের রূপ").select_option(label="(ক)  (১)")
    page.locator("#conventions-preview", has_text="(ক) উদ্ভাবনী").wait_for()
    page.get_by_label("পৃষ্ঠার শীর্ষলেখ").fill("ইনোভেশন টিমের সভার কার্যবিবরণী")
    page.locator(
        "#conventions-preview", has_text="পরের পৃষ্ঠাগুলোর শীর্ষে: ইনোভেশন টিমের সভার কার্যবিবরণী"
    ).wait_for()
    screenshot(page, "conventions-settings")
    page.get_by_role("button", name="সংরক্ষণ করুন").click()
    assert "এখন থেকে শুরু করা কার্যবিবরণী এভাবে লেখা হবে" in page.locator("main").inner_text()
    assert page.get_by_label("সিদ্ধান্তের ক্রমিক বর্ণের রূপ").input_value() == "parens"

    # A drafter's new minutes start that way; the drafter numbers this meeting's recipients "১।".
    drafter = browser.new_context(locale="bn-BD", viewport={"width": 1280, "height": 900}).new_page()
    drafter.base_url = page.base_url
    start_draft(drafter)
    drafter.locator('[name="items-0-title"]').fill("ওয়েবসাইট হালনাগাদ")
    rich_text(drafter, "items-0-decisions-0-text").fill("সেবা বক্স হালনাগাদ করতে হবে।")
    drafter.get_by_text("দলিলটি কীভাবে লেখা হবে").click()
    assert drafter.get_by_label("সভার তারিখের রূপ").input_value() == "comma"
    drafter.get_by_label("প্রাপকদের ক্রমিক নম্বরের রূপ").select_option(label="ক।  ১।")
    drafter.get_by_role("button", name="প্রাপক যোগ করুন").click()
    drafter.locator('[name="recipients-0-designation"]').fill("অধিদপ্তর প্রধান (সকল)")
    drafter.get_by_role("button", name="সংরক্ষণ করুন").first.click()
    drafter.get_by_text("কার্যবিবরণী সংরক্ষিত হয়েছে").wait_for()

    meeting = Meeting.objects.filter(created_by__username="drafter").latest("created_at")
    drafter.goto(f"{page.base_url}/minutes/{meeting.pk}/document/")
    text = drafter.locator("body").inner_text()
    for expected in (
        "১৭ ফেব্রুয়ারি, ২০২১",
        "১৫.০০ ঘটিকা।",
        "(ক) সেবা বক্স হালনাগাদ করতে হবে।",
        "১। অধিদপ্তর প্রধান (সকল)",
    ):
        assert expected in text
    screenshot(drafter, "conventions-document")
