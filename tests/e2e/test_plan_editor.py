"""Issue 14: a ministry's administrator fixes an imported indicator's weight and tiers in the plan
editor, is refused while the marks do not add up and fixes that; publishes the plan as the template of
the directorates below; a directorate's administrator makes its own plan from it with one click; the
ministry's overview lists the directorates' plans."""

import pytest
from django.utils import timezone

from actionplan import services
from actionplan.models import AchievementReport, Plan
from offices.models import Office, OfficeRole
from tests.actionplan.templates import REFERENCE
from tests.e2e.conftest import log_in, screenshot
from tests.factories import BranchFactory, OfficeFactory, user_with_role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
R = OfficeRole.Role


def _indicator(page, number: str):
    """The editor's block of the indicator whose number field shows `number`."""
    return page.locator(".plan-indicator").filter(
        has=page.locator(f'input[name$="-number"][value="{number}"]')
    )


def test_an_administrator_fixes_the_plan_and_a_directorate_makes_its_own_from_it(page):
    ministry = OfficeFactory(name="স্বরাষ্ট্র মন্ত্রণালয়", kind=Office.Kind.MINISTRY)
    directorate = OfficeFactory(name="ফায়ার সার্ভিস ও সিভিল ডিফেন্স অধিদপ্তর", parent=ministry)
    OfficeFactory(name="কারা অধিদপ্তর", parent=ministry)
    BranchFactory(office=directorate, name="আইসিটি সেল")
    admin = user_with_role(ministry, R.ADMIN, username="ministry-admin")
    user_with_role(directorate, R.ADMIN, username="director-admin")
    plan = services.plan_import(office=ministry, fiscal_year=2021, data=REFERENCE.read_bytes(), by=admin)

    # The ministry's administrator opens the editor from the plan's page.
    log_in(page, "ministry-admin", "pass-1234")
    page.goto(page.base_url + plan.get_absolute_url())
    page.get_by_role("link", name="কর্মপরিকল্পনা সম্পাদনা").click()
    first = _indicator(page, "[১.১.১]")
    assert first.get_by_label("লক্ষ্যমাত্রা").input_value() == "১৬-০৩-২০২২"

    # A row added with htmx comes numbered next; removed again, it is gone.
    page.locator("#areas-1-activities-1").get_by_role("button", name="সূচক যোগ করুন").click()
    added = _indicator(page, "[২.২.৬]")
    added.wait_for()
    added.get_by_role("button", name="মুছে ফেলুন").click()
    _indicator(page, "[২.২.৬]").wait_for(state="detached")

    # [১.১.১] gets 6 marks and two tiers: refused, area [১] would add up to 30.
    first = _indicator(page, "[১.১.১]")
    first.get_by_label("সূচকের মান").fill("৬")
    first.get_by_label("অসাধারণ (১০০%)").fill("১৬-০৩-২০২২")
    first.get_by_label("অতি উত্তম (৯০%)").fill("৩১-০৩-২০২২")
    page.get_by_role("button", name="সংরক্ষণ করুন").first.click()
    refusals = page.locator(".plan-refusal")
    assert refusals.nth(0).inner_text() == "ক্ষেত্র ১-এর সূচকগুলোর মান যোগ করলে ৩০ হয়, কিন্তু ক্ষেত্রের মান ২৯।"
    assert refusals.nth(1).inner_text() == "সূচকগুলোর মান যোগ করলে ৫১ হয়, কিন্তু কর্মপরিকল্পনার মোট মান ৫০।"
    assert _indicator(page, "[১.১.১]").get_by_label("সূচকের মান").input_value() == "৬"  # kept as typed
    screenshot(page, "plan-editor-refused")

    # The mark comes from [১.২.১]; now it is saved.
    _indicator(page, "[১.২.১]").get_by_label("সূচকের মান").fill("৪")
    page.get_by_role("button", name="সংরক্ষণ করুন").first.click()
    assert "কর্মপরিকল্পনাটি সংরক্ষণ করা হয়েছে।" in page.locator("main").inner_text()
    row = page.locator("#indicator-1\\.1\\.1")
    assert "৩১-০৩-২০২২" in row.inner_text()
    assert row.locator("td").nth(3).inner_text() == "৬"
    page.get_by_role("link", name="কর্মপরিকল্পনা সম্পাদনা").click()
    screenshot(page, "plan-editor")
    page.get_by_role("link", name="কর্মপরিকল্পনায় ফিরে যান").click()

    # Published as the template of the directorates.
    page.get_by_role("button", name="অধীনস্থ দপ্তরগুলোর টেমপ্লেট হিসেবে প্রকাশ করুন").click()
    assert "টেমপ্লেট হিসেবে প্রকাশিত হয়েছে" in page.locator("main").inner_text()

    # The directorate's administrator makes the directorate's plan from it with one click.
    page.context.clear_cookies()
    log_in(page, "director-admin", "pass-1234")
    page.goto(page.base_url + f"/plans/office/{directorate.pk}/")
    assert "স্বরাষ্ট্র মন্ত্রণালয়-এর টেমপ্লেট" in page.locator("#templates").inner_text()
    page.get_by_role("button", name="এ থেকে দপ্তরের ২০২১-২২-এর কর্মপরিকল্পনা তৈরি করুন").click()
    assert "টেমপ্লেট থেকে কর্মপরিকল্পনা তৈরি হয়েছে" in page.locator("main").inner_text()
    assert "ফায়ার সার্ভিস ও সিভিল ডিফেন্স অধিদপ্তর" in page.locator("main").inner_text()
    assert page.locator("#indicator-1\\.1\\.1 td").nth(3).inner_text() == "৬"
    assert "ঊর্ধ্বতন দপ্তরের টেমপ্লেট থেকে তৈরি" in page.locator("main").inner_text()

    # The ministry's overview of its directorates, once the directorate has reported.
    made = Plan.objects.get(office=directorate)
    for number, state in (("2.1.1", "confirmed"), ("2.1.2", "reported")):
        AchievementReport.objects.create(
            indicator=made.indicators.get(number=number),
            quarter=1,
            achieved_value=4,
            state=state,
            reported_at=timezone.now(),
        )
    page.context.clear_cookies()
    log_in(page, "ministry-admin", "pass-1234")
    page.goto(page.base_url + f"/plans/office/{ministry.pk}/")
    page.get_by_role("link", name="অধীনস্থ দপ্তরগুলোর কর্মপরিকল্পনা").click()
    page.get_by_label("অর্থবছর").select_option("2021")
    page.get_by_role("button", name="দেখান").click()
    table = page.locator("#overview")
    assert "৫০-এর মধ্যে ৪" in table.inner_text()
    assert "এই বছরের কোনো কর্মপরিকল্পনা নেই।" in table.inner_text()  # কারা অধিদপ্তর
    page.get_by_role("link", name="নিশ্চিতকরণের অপেক্ষায়").click()
    assert "sort=awaiting" in page.url
    screenshot(page, "plan-overview")
    table.get_by_role("link", name="২০২১-২২").click()
    assert "ফায়ার সার্ভিস ও সিভিল ডিফেন্স অধিদপ্তর" in page.locator("main").inner_text()
