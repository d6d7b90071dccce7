"""Issue 13, item 1: an office administrator, who is no superuser, runs the office from the portal's
own pages: gives a new user a role, creates a committee and sets a file's starting serial."""

import re
from urllib.parse import urlparse

import pytest

from offices.demo import DEMO_PASSWORD, load_demo
from offices.models import User
from tests.e2e.conftest import log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
OFFICE = "সুরক্ষা সেবা বিভাগ"


def test_an_office_administrator_gives_a_role_creates_a_committee_and_sets_a_files_serial(
    page, celery_eager, mailoutbox
):
    load_demo()
    assert not User.objects.get(username="officeadmin").is_superuser
    log_in(page, "officeadmin", DEMO_PASSWORD)
    page.wait_for_url(page.base_url + "/")

    # The way in: the navigation bar, then the office (the division's administrator also keeps
    # the directorates below it, so the portal asks which office).
    page.get_by_role("link", name="দপ্তর প্রশাসন").click()
    assert "মাদকদ্রব্য নিয়ন্ত্রণ অধিদপ্তর" in page.locator("main").inner_text()
    page.get_by_role("link", name=OFFICE, exact=True).click()
    page.get_by_role("heading", name=OFFICE).wait_for()
    screenshot(page, "administration-overview")

    # 1. A new user, invited by e-mail with a role.
    menu = page.get_by_role("navigation", name="দপ্তর প্রশাসন")
    menu.get_by_role("link", name="ব্যবহারকারী ও ভূমিকা").click()
    page.get_by_role("link", name="ব্যবহারকারীকে আমন্ত্রণ").click()
    page.get_by_label("ই-মেইল").fill("rumana@ssd.example.gov.bd")
    page.get_by_label("নাম", exact=True).fill("রুমানা আক্তার")
    page.get_by_label("অনুমোদনকারী").check()
    screenshot(page, "administration-invite")
    page.get_by_role("button", name="আমন্ত্রণ পাঠান").click()
    assert "আমন্ত্রণ rumana@ssd.example.gov.bd ঠিকানায় পাঠানো হচ্ছে" in page.locator("main").inner_text()
    assert page.get_by_label("অনুমোদনকারী").is_checked()
    assert "আমন্ত্রিত: এখনো পাসওয়ার্ড ঠিক করেননি" in page.locator("main").inner_text()
    menu.get_by_role("link", name="ব্যবহারকারী ও ভূমিকা").click()
    row = page.locator("#users tr", has_text="রুমানা আক্তার")
    assert "অনুমোদনকারী" in row.inner_text()
    screenshot(page, "administration-users")

    # 2. A committee other than the innovation team, with its chair.
    menu.get_by_role("link", name="টিম ও কমিটি").click()
    page.get_by_role("link", name="নতুন টিম বা কমিটি").click()
    page.get_by_label("টিম বা কমিটির নাম").fill("ই-নথি বাস্তবায়ন কমিটি")
    page.get_by_role("button", name="সংরক্ষণ করুন").click()
    assert "সংরক্ষণ করা হয়েছে" in page.locator("main").inner_text()
    page.get_by_role("link", name="ই-নথি বাস্তবায়ন কমিটি").first.click()
    page.get_by_label("কর্মকর্তা").select_option(label="জনাব মল্লিক সাঈদ মাহবুব, যুগ্মসচিব (সুরক্ষা সেবা বিভাগ)")
    page.get_by_label("ভূমিকা").last.select_option(label="সভাপতি / চিফ ইনোভেশন অফিসার")
    page.get_by_role("button", name="যোগ করুন").click()
    assert "জনাব মল্লিক সাঈদ মাহবুব এখন সদস্য" in page.locator("main").inner_text()
    screenshot(page, "administration-committee")
    menu.get_by_role("link", name="টিম ও কমিটি").click()
    committee = page.locator("section", has_text="ই-নথি বাস্তবায়ন কমিটি")
    assert "জনাব মল্লিক সাঈদ মাহবুব" in committee.inner_text()
    assert "সভাপতি / চিফ ইনোভেশন অফিসার" in committee.inner_text()

    # 3. A file used on paper for years: recorded, then its starting serial set, once.
    menu.get_by_role("link", name="নথিসমূহ").click()
    page.get_by_role("link", name="নথি যোগ করুন").click()
    page.get_by_label("নথি নম্বর").fill("৫৮.০০.০০০০.০১৮.৩১.০১১.১৮")
    page.get_by_label("বিষয়").fill("সেবা সহজিকরণ")
    page.get_by_role("button", name="সংরক্ষণ করুন").click()
    row = page.locator("#files tr", has_text="৫৮.০০.০০০০.০১৮.৩১.০১১.১৮")
    row.get_by_role("link", name="শুরুর ক্রমিক ঠিক করুন").click()
    page.get_by_label("কাগজে জারিকৃত সর্বশেষ পত্রের ক্রমিক").fill("৩৫০")
    screenshot(page, "administration-starting-serial")
    page.get_by_role("button", name="শুরুর ক্রমিক ঠিক করুন").click()
    assert "শুরুর ক্রমিক ঠিক করা হয়েছে" in page.locator("main").inner_text()
    row = page.locator("#files tr", has_text="৫৮.০০.০০০০.০১৮.৩১.০১১.১৮")
    assert row.locator("td").nth(3).inner_text() == "৩৫০"  # the last serial: the portal's next is ৩৫১
    assert row.get_by_role("link", name="শুরুর ক্রমিক ঠিক করুন").count() == 0  # set once
    screenshot(page, "administration-files")

    # Every change is in the audit log, with who made it.
    menu.get_by_role("link", name="সাম্প্রতিক পরিবর্তন").click()
    audit = page.locator("main").inner_text()
    for what in ("রুমানা আক্তার", "ই-নথি বাস্তবায়ন কমিটি", "শুরুর ক্রমিক ঠিক করা হয়েছে", "৩৫০", "জনাব মো: আইয়ুব হোসেন"):
        assert what in audit
    screenshot(page, "administration-audit")

    # The new user follows the e-mailed link, chooses a password and finds the role.
    link = re.search(r"https?://\S+/offices/invitation/\S+/", mailoutbox[-1].body).group(0)
    page.get_by_role("button", name="লগ আউট").click()
    page.goto(page.base_url + urlparse(link).path)
    page.locator('[name="new_password1"]').fill("nodi-padma-42")
    page.locator('[name="new_password2"]').fill("nodi-padma-42")
    screenshot(page, "administration-invitation-accept")
    page.get_by_role("button", name="পাসওয়ার্ড ঠিক করুন").click()
    assert "আপনার পাসওয়ার্ড ঠিক করা হয়েছে" in page.locator("main").inner_text()
    log_in(page, "rumana@ssd.example.gov.bd", "nodi-padma-42")
    page.wait_for_url(page.base_url + "/")
    offices = page.locator("#my-offices").inner_text()
    assert OFFICE in offices and "অনুমোদনকারী" in offices
    assert page.get_by_role("link", name="দপ্তর প্রশাসন").count() == 0  # an approver, not an administrator
