import re
from urllib.parse import urlparse

import pytest

from offices.demo import DEMO_PASSWORD, load_demo
from offices.models import User
from tests.e2e.conftest import log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_it_logs_the_demo_drafter_in_and_shows_the_bangla_home_page(page):
    load_demo()
    log_in(page, "drafter", DEMO_PASSWORD)
    page.wait_for_url(page.base_url + "/")
    assert page.locator("html").get_attribute("lang") == "bn"
    offices = page.locator("#my-offices")
    assert "সুরক্ষা সেবা বিভাগ" in offices.inner_text()
    assert "খসড়া প্রস্তুতকারী" in offices.inner_text()
    assert "স্বাগতম, মোঃ আবদুল কাদির" in page.locator("h1").inner_text()
    # The page is drawn with the portal's own Bangla font, not a system fallback.
    font = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert "Sobha Sans" in font
    assert page.evaluate("document.fonts.check('16px \"Sobha Sans Bangla\"', 'সভা')")
    screenshot(page, "home-drafter")


def test_it_keeps_a_wrong_password_out_with_a_bangla_message(page):
    load_demo()
    log_in(page, "drafter", "not-the-password")
    assert "সঠিক ব্যবহারকারীর নাম ও পাসওয়ার্ড দিন" in page.locator("main form").inner_text()
    assert page.get_by_label("ব্যবহারকারীর নাম").input_value() == "drafter"


def test_it_pauses_log_in_after_five_wrong_passwords(page):
    load_demo()
    for n in range(5):  # AXES_FAILURE_LIMIT
        log_in(page, "drafter", f"not-the-password-{n}")
    assert "লগ ইন সাময়িকভাবে বন্ধ" in page.locator("main").inner_text()
    log_in(page, "drafter", DEMO_PASSWORD)
    assert "১৫ মিনিট পরে আবার চেষ্টা করুন" in page.locator("main").inner_text()
    screenshot(page, "login-locked-out")


def test_it_sets_a_new_password_through_the_e_mailed_link(page, mailoutbox):
    load_demo()
    User.objects.filter(username="drafter").update(email="drafter@example.gov.bd")
    page.goto(page.base_url + "/accounts/login/")
    page.get_by_role("link", name="পাসওয়ার্ড ভুলে গেছেন?").click()
    page.get_by_label("ই-মেইল").fill("drafter@example.gov.bd")
    page.get_by_role("button", name="লিংক পাঠান").click()
    page.get_by_role("heading", name="আপনার ই-মেইল দেখুন").wait_for()

    link = re.search(r"https?://\S+/accounts/password/reset/\S+/", mailoutbox[0].body).group(0)
    page.goto(page.base_url + urlparse(link).path)
    page.locator('[name="new_password1"]').fill("nodi-padma-42")
    page.locator('[name="new_password2"]').fill("nodi-padma-42")
    page.get_by_role("button", name="নতুন পাসওয়ার্ড সংরক্ষণ করুন").click()
    page.get_by_role("heading", name="আপনার নতুন পাসওয়ার্ড ঠিক করা হয়েছে।").wait_for()

    log_in(page, "drafter", "nodi-padma-42")
    page.wait_for_url(page.base_url + "/")
    page.get_by_role("link", name="পাসওয়ার্ড পরিবর্তন").wait_for()
    screenshot(page, "home-after-password-reset")


def test_an_english_language_browser_sees_bangla_until_the_user_switches(browser, live_server):
    """Officials' English Windows and Chrome send Accept-Language: en-US; the portal stays Bangla."""
    load_demo()
    context = browser.new_context(locale="en-US", extra_http_headers={"Accept-Language": "en-US,en;q=0.9"})
    page = context.new_page()
    page.base_url = live_server.url
    log_in(page, "drafter", DEMO_PASSWORD)
    page.wait_for_url(page.base_url + "/")
    assert page.locator("html").get_attribute("lang") == "bn"
    assert "স্বাগতম" in page.locator("h1").inner_text()
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    page.goto(page.base_url + "/minutes/")  # the choice is remembered
    assert page.locator("html").get_attribute("lang") == "en"
    context.close()
