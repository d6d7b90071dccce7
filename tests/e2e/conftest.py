"""Browser journeys: Playwright drives Debian's Chromium against a live test server."""

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import services_required

# Playwright's sync API runs an event loop in this thread; the tests only touch the
# database between browser steps, never concurrently with it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("SOBHA_CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "e2e"


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if services_required():
            pytest.fail(f"Chromium is required in CI but not found at {CHROMIUM}")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server, request):
    context = browser.new_context(locale="bn-BD", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.base_url = live_server.url
    yield page
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"FAILED-{request.node.name}.png"), full_page=True)
    context.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


def log_in(page, username: str, password: str) -> None:
    page.goto(page.base_url + "/accounts/login/")
    page.get_by_label("ব্যবহারকারীর নাম").fill(username)
    page.get_by_label("পাসওয়ার্ড").fill(password)
    page.get_by_role("button", name="লগ ইন").click()


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def start_draft(page, *, layout_label=None, date="2021-02-17", venue="Zoom Online Platform") -> None:
    """As the demo drafter, start new minutes of সুরক্ষা সেবা বিভাগ and wait for the editor."""
    from offices.demo import DEMO_PASSWORD

    log_in(page, "drafter", DEMO_PASSWORD)
    page.goto(page.base_url + "/minutes/")
    page.get_by_role("link", name="নতুন কার্যবিবরণী: সুরক্ষা সেবা বিভাগ").click()
    page.get_by_label("সভার তারিখ").fill(date)
    page.get_by_label("সভা শুরুর সময়").fill("15:00")
    page.get_by_label("সভার স্থান").fill(venue)
    if layout_label:
        page.get_by_label("আলোচ্যসূচি উপস্থাপনের ধরন").select_option(label=layout_label)
    page.get_by_role("button", name="খসড়া তৈরি করুন").click()
    page.locator('[name="items-0-title"]').wait_for()


def rich_text(page, name: str):
    """The rich-text box (bold, lists, tables) the editor shows for the textarea `name`, which it hides:
    a discussion ("items-0-discussion") or a decision ("items-0-decisions-1-text")."""
    return page.locator(f'[name="{name}"]').locator(
        "xpath=preceding-sibling::div[contains(@class, 'rich-text-box')]"
    )


def report_progress_then_done(page, progress: str, evidence: Path, done: str) -> None:
    """On a follow-up item's page: report `progress` with the file `evidence`, then report the item
    done (`done`), and check what the page says after each."""
    page.get_by_label("কী করা হয়েছে").fill(progress)
    page.get_by_label("প্রমাণক ফাইল").set_input_files([str(evidence)])
    page.get_by_role("button", name="প্রতিবেদন দিন").click()
    assert "অগ্রগতি জানানো হয়েছে।" in page.locator("main").inner_text()
    assert evidence.name in page.locator(".followup-history").inner_text()
    page.get_by_label("কী করা হয়েছে").fill(done)
    page.get_by_label("সম্পন্ন: অনুমোদনকারীকে নিশ্চিত করতে বলুন").check()
    page.get_by_role("button", name="প্রতিবেদন দিন").click()
    assert "অনুমোদনকারী তা নিশ্চিত করবেন" in page.locator("main").inner_text()
    assert "নিশ্চিতকরণের অপেক্ষায়" in page.locator("#item-status").inner_text()


def open_item_to_confirm(page, username: str, password: str = "pass-1234") -> None:
    """Log in afresh as an approver and open the first item in My work's list to confirm."""
    page.context.clear_cookies()
    log_in(page, username, password)
    page.get_by_role("link", name="আমার কাজ").click()
    page.locator("#to-confirm").get_by_role("link", name="খুলুন").click()
