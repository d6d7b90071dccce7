"""Issue 14, item 5, as a new user would: a drafter records an idea and moves it forward, imports the
office's 7-column sheet and downloads it again; the administrator publishes an entry."""

import io

import openpyxl
import pytest

from actionplan.models import Idea
from offices.demo import DEMO_PASSWORD, load_demo
from offices.models import Office
from tests.actionplan.idea_sheets import PUBLISHED_HEADER, PUBLISHED_ROWS
from tests.actionplan.templates import xlsx_bytes
from tests.e2e.conftest import log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
OFFICE = "সুরক্ষা সেবা বিভাগ"


def test_a_drafter_keeps_the_bank_and_the_administrator_publishes(page, tmp_path):
    load_demo()
    office = Office.objects.get(name=OFFICE)
    log_in(page, "drafter", DEMO_PASSWORD)
    page.wait_for_url(page.base_url + "/")
    page.goto(f"{page.base_url}/plans/office/{office.pk}/")
    page.get_by_role("link", name="উদ্ভাবন ব্যাংক").click()
    page.get_by_role("heading", name=f"{OFFICE}-এর উদ্ভাবন ব্যাংক").wait_for()

    # A new idea, typed with Bangla digits.
    page.get_by_role("link", name="নতুন ধারণা").click()
    page.get_by_label("ধারণার নাম").fill("অনলাইনে পাসপোর্ট সত্যায়ন")
    page.get_by_label("ধরন").select_option(label="ডিজিটাইজেশন")
    page.get_by_label("সমস্যা", exact=True).fill("সত্যায়নের জন্য তিনবার অফিসে আসতে হয়")
    page.get_by_label("পূর্বে সময় (দিন)").fill("৭")
    page.get_by_label("পূর্বে যাতায়াত (বার)").fill("৩")
    page.get_by_label("পরে সময় (দিন)").fill("১")
    page.get_by_label("প্রস্তাবের তারিখ").fill("০১.০৮.২০২৩")
    page.get_by_role("button", name="সংরক্ষণ করুন").click()
    main = page.locator("main")
    assert "ধারণাটি সংরক্ষিত হয়েছে।" in main.inner_text()
    assert "অবস্থা: ধারণা" in main.inner_text()
    assert "প্রকাশ করুন" not in main.inner_text()  # a drafter does not publish

    # Moved forward to implemented; the step back is not offered.
    page.get_by_label("নতুন অবস্থা").select_option(label="বাস্তবায়িত")
    page.get_by_label("তারিখ", exact=True).fill("১৬.০৩.২০২৪")
    page.get_by_role("button", name="অবস্থা বদলান").click()
    assert "অবস্থা: বাস্তবায়িত" in main.inner_text()
    assert page.get_by_label("নতুন অবস্থা").locator("option").all_inner_texts() == ["রেপ্লিকেটেড"]
    screenshot(page, "innovation-bank-entry")

    # The office's 7-column sheet imported, then downloaded again.
    page.get_by_role("link", name="উদ্ভাবন ব্যাংক").first.click()
    page.get_by_role("link", name="শিট আমদানি").click()
    sheet = tmp_path / "bank.xlsx"
    sheet.write_bytes(xlsx_bytes(PUBLISHED_ROWS))
    page.get_by_label("শিট").set_input_files(str(sheet))
    page.get_by_role("button", name="আমদানি").click()
    assert "২টি ধারণা আমদানি হয়েছে।" in main.inner_text()
    page.get_by_label("অবস্থা").select_option(label="বাস্তবায়িত")
    page.get_by_role("button", name="ছাঁকুন").click()
    assert main.locator("tbody tr").count() == 3
    screenshot(page, "innovation-bank")
    page.get_by_role("button", name="রপ্তানি").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="৭ কলামের শিট (.xlsx)").click()
    rows = list(openpyxl.load_workbook(io.BytesIO(download.value.path().read_bytes())).active.values)
    assert list(rows[0]) == PUBLISHED_HEADER and len(rows) == 4

    # The administrator publishes the new idea.
    page.context.clear_cookies()
    log_in(page, "officeadmin", DEMO_PASSWORD)
    page.wait_for_url(page.base_url + "/")
    page.goto(page.base_url + Idea.objects.get(title="অনলাইনে পাসপোর্ট সত্যায়ন").get_absolute_url())
    page.get_by_role("button", name="প্রকাশ করুন").click()
    assert "ধারণাটি প্রকাশিত হয়েছে।" in main.inner_text()
    assert Idea.objects.filter(is_published=True).count() == 1
