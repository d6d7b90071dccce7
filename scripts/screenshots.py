"""Regenerate the README's screenshots (docs/screenshots/) from the demo, as its users see it.

    make run                                   # in one terminal: the portal with its demo data
    .venv/bin/python scripts/screenshots.py    # in another (or: make screenshots)

Drives Debian's Chromium with Playwright (no browser download); the PDF's first page is drawn
with pdftoppm. The address defaults to http://127.0.0.1:8000 (SOBHA_SITE_URL overrides it).
"""

import os
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
BASE = os.environ.get("SOBHA_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
PASSWORD = "sobha-demo-2026"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]  # fmt: skip


def log_in(context, username: str):
    page = context.new_page()
    page.goto(f"{BASE}/accounts/login/")
    page.get_by_label("ব্যবহারকারীর নাম").fill(username)
    page.get_by_label("পাসওয়ার্ড").fill(PASSWORD)
    page.get_by_role("button", name="লগ ইন").click()
    page.wait_for_url(f"{BASE}/")
    return page


def shoot(page, name: str, *, full_page: bool = False) -> None:
    page.screenshot(path=str(OUT / f"{name}.png"), full_page=full_page)
    print(OUT / f"{name}.png")


def open_titled(page, list_url: str, title_part: str) -> None:
    page.goto(BASE + list_url)
    page.get_by_role("link", name=title_part).first.click()
    page.wait_for_load_state()


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)

        # An English-language browser, as most officials have: the portal answers in Bangla anyway.
        def context():
            return browser.new_context(locale="en-US", viewport={"width": 1280, "height": 860})

        drafter = log_in(context(), "drafter")
        shoot(drafter, "home")
        open_titled(drafter, "/minutes/inbox/", "সুরক্ষা সেবা বিভাগের ইনোভেশন টিমের")
        drafter.get_by_role("link", name="সম্পাদনা").first.click()
        drafter.locator('[name="items-0-title"]').wait_for()
        shoot(drafter, "editor")

        approver = log_in(context(), "approver")
        open_titled(approver, "/minutes/inbox/", "সুরক্ষা সেবা বিভাগ ও অধীনস্থ")
        shoot(approver, "waiting-for-approval")

        dwa = log_in(context(), "dwa_drafter")
        open_titled(dwa, "/minutes/", "মহিলা বিষয়ক অধিদপ্তরের")
        shoot(dwa, "issued-minutes")
        pdf = dwa.request.get(dwa.url.rstrip("/") + "/document.pdf")
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "70",
                "-png",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                "-",
                str(OUT / "pdf-004-page1"),
            ],
            input=pdf.body(),
            check=True,
        )
        print(OUT / "pdf-004-page1.png")

        admin = log_in(context(), "officeadmin")
        admin.goto(f"{BASE}/offices/")
        admin.get_by_role("link", name="দপ্তর প্রশাসন").first.click()
        admin.wait_for_load_state()
        shoot(admin, "office-administration")
        admin.get_by_role("link", name="সুরক্ষা সেবা বিভাগ", exact=True).click()
        admin.get_by_role("navigation", name="দপ্তর প্রশাসন").get_by_role("link", name="দলিলের রীতি").click()
        admin.locator("#conventions-preview").wait_for()
        shoot(admin, "document-conventions")

        public = context().new_page()
        open_titled(public, "/public/minutes/", "মহিলা বিষয়ক অধিদপ্তরের")
        shoot(public, "public-minutes")
        browser.close()


if __name__ == "__main__":
    sys.exit(main())
