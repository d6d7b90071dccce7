import pytest

from offices.demo import DEMO_PASSWORD, load_demo
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
