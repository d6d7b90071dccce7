"""Issue 14, item 2: a drafter reports an indicator's achievement with an evidence file, the approver
confirms it, and the plan page shows the new score; the evidence downloads for those who may read it."""

import pytest
from django.core.files.storage import FileSystemStorage

from actionplan import services
from actionplan.models import Evidence
from offices.models import OfficeRole
from tests.actionplan.evidence_files import pdf
from tests.actionplan.templates import REFERENCE
from tests.e2e.conftest import log_in, screenshot
from tests.factories import OfficeFactory, user_with_role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
R = OfficeRole.Role


def test_a_reported_and_confirmed_achievement_raises_the_plans_score(page, monkeypatch, tmp_path):
    monkeypatch.setattr(
        Evidence._meta.get_field("file"), "storage", FileSystemStorage(location=tmp_path / "s")
    )
    office = OfficeFactory(name="পরীক্ষা মন্ত্রণালয়")
    admin = user_with_role(office, R.ADMIN, username="admin")
    user_with_role(office, R.DRAFTER, username="dipu")
    user_with_role(office, R.APPROVER, username="anwar")
    plan = services.plan_import(office=office, fiscal_year=2021, data=REFERENCE.read_bytes(), by=admin)
    notice = tmp_path / "সেবা-বক্স.pdf"
    notice.write_bytes(pdf())

    # The drafter reports [২.১.১]: all four service boxes updated in the first quarter.
    log_in(page, "dipu", "pass-1234")
    page.goto(page.base_url + plan.get_absolute_url())
    assert "৫০-এর মধ্যে ০" in page.locator("#plan-so-far").inner_text()
    page.locator("#indicator-2\\.1\\.1").get_by_role("link", name="[২.১.১]").click()
    page.locator("#quarter-1").get_by_role("link", name="অর্জনের প্রতিবেদন দিন").click()
    page.get_by_label("অর্জন (সংখ্যা)").fill("৪")
    page.get_by_label("প্রমাণক ফাইল").set_input_files([str(notice)])
    page.get_by_role("button", name="প্রতিবেদন দিন").click()
    assert "অর্জনের প্রতিবেদন দেওয়া হয়েছে" in page.locator("main").inner_text()
    assert "নিশ্চিতকরণের অপেক্ষায়" in page.locator("#quarter-1").inner_text()
    screenshot(page, "achievement-reported")

    # The approver confirms it on the indicator's page.
    page.context.clear_cookies()
    log_in(page, "anwar", "pass-1234")
    page.goto(page.base_url + plan.get_absolute_url())
    page.locator("#indicator-2\\.1\\.1").get_by_role("link", name="[২.১.১]").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="সেবা-বক্স.pdf").click()
    assert download.value.path().read_bytes() == pdf()
    page.get_by_role("button", name="নিশ্চিত করুন").click()
    assert "প্রতিবেদনটি নিশ্চিত করা হয়েছে।" in page.locator("main").inner_text()
    assert "৪ / ৪" in page.locator("#score-so-far").inner_text()

    # The plan page shows the new score.
    page.get_by_role("link", name="২০২১-২২").click()
    assert "৪ / ৪" in page.locator("#indicator-2\\.1\\.1 .score-so-far").inner_text()
    assert "৫০-এর মধ্যে ৪" in page.locator("#plan-so-far").inner_text()
    screenshot(page, "achievement-plan-score")
