"""A drafter types a decision whose words give its deadline; the editor proposes it as the drafter
leaves the text; accepted, it fills the deadline fields (unsaved); saved, the document prints it."""

import datetime

import pytest
from django.urls import reverse

from minutes.models import AgendaItem, Decision
from offices.models import OfficeRole
from tests.e2e.conftest import log_in, rich_text, screenshot
from tests.factories import MeetingFactory, OfficeFactory, user_with_role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
R = OfficeRole.Role
WORDS = "সকল শাখা আগামী ০৭ (সাত) কার্যদিবসের মধ্যে ওয়েবসাইটের সেবা বক্স হালনাগাদ করবে।"


def test_the_drafter_accepts_the_proposed_deadline_and_the_document_prints_it(page):
    office = OfficeFactory(name="সুরক্ষা সেবা বিভাগ")
    user_with_role(office, R.DRAFTER, username="dipu")
    meeting = MeetingFactory(
        office=office, date=datetime.date(2021, 2, 17), title="ইনোভেশন টিমের সভা", print_deadlines=True
    )
    AgendaItem.objects.create(meeting=meeting, title="ওয়েবসাইট হালনাগাদ")

    log_in(page, "dipu", "pass-1234")
    page.goto(page.base_url + reverse("minutes:edit", args=[meeting.pk]))
    decision = page.locator("#items-0-decisions-0")
    box = rich_text(page, "items-0-decisions-0-text")
    box.click()
    box.type(WORDS)
    assert decision.locator(".deadline-proposal").count() == 0  # nothing proposed while typing
    page.get_by_label("বাস্তবায়নকারী").first.click()  # the drafter leaves the text

    proposal = decision.locator(".deadline-proposal")
    proposal.wait_for()
    assert "সময়সীমা প্রস্তাব: জারির ০৭ কার্যদিবসের মধ্যে" in proposal.inner_text()
    assert "“আগামী ০৭ (সাত) কার্যদিবসের মধ্যে” থেকে" in proposal.inner_text()
    kind = page.locator('[name="items-0-decisions-0-deadline_kind"]')
    assert kind.input_value() == "none"  # proposed, not set
    screenshot(page, "deadline-proposal")

    proposal.get_by_role("button", name="গ্রহণ করুন").click()
    page.locator('[name="items-0-decisions-0-deadline_working_days"]').wait_for(state="visible")
    assert kind.input_value() == "working_days"
    assert page.locator('[name="items-0-decisions-0-deadline_working_days"]').input_value() == "৭"
    assert page.locator(".deadline-proposal").count() == 0
    assert page.locator(".unsaved-note").is_visible()  # accepted, not saved
    assert rich_text(page, "items-0-decisions-0-text").inner_text().strip() == WORDS  # the text is kept
    assert not Decision.objects.exists()

    page.get_by_role("button", name="সংরক্ষণ করুন").first.click()
    page.get_by_text("কার্যবিবরণী সংরক্ষিত হয়েছে।").wait_for()
    saved = Decision.objects.get()
    assert (saved.deadline_kind, saved.deadline_working_days) == ("working_days", 7)

    page.goto(page.base_url + reverse("minutes:document", args=[meeting.pk]))
    assert "(সময়সীমা: জারির ০৭ কার্যদিবসের মধ্যে)" in page.locator("body").inner_text()


def test_the_drafter_chooses_a_quarterly_rule_and_the_document_prints_its_words(page):
    office = OfficeFactory(name="সুরক্ষা সেবা বিভাগ")
    user_with_role(office, R.DRAFTER, username="dipu")
    meeting = MeetingFactory(office=office, date=datetime.date(2021, 2, 17), print_deadlines=True)
    AgendaItem.objects.create(meeting=meeting, title="ওয়েবসাইট হালনাগাদ")

    log_in(page, "dipu", "pass-1234")
    page.goto(page.base_url + reverse("minutes:edit", args=[meeting.pk]))
    rich_text(page, "items-0-decisions-0-text").fill("সেবা বক্স হালনাগাদ করতে হবে।")
    field = lambda name: page.locator(f'[name="items-0-decisions-0-{name}"]')  # noqa: E731
    assert field("deadline_every").is_hidden()
    field("deadline_kind").select_option("rule")
    assert field("deadline_every").is_visible() and field("deadline_rule").is_visible()
    assert field("deadline_month").is_hidden() and field("deadline_day").is_hidden()  # no dates: words only
    field("deadline_every").select_option("quarter")
    assert field("deadline_month").is_visible() and field("deadline_day").is_visible()
    field("deadline_month").select_option("3")
    field("deadline_day").fill("৭")
    page.get_by_role("button", name="সংরক্ষণ করুন").first.click()
    page.get_by_text("কার্যবিবরণী সংরক্ষিত হয়েছে।").wait_for()
    decision = Decision.objects.get()
    assert (decision.deadline_every, decision.deadline_month, decision.deadline_day, decision.deadline_rule) == (
        "quarter", 3, 7, "",
    )  # fmt: skip
    page.goto(page.base_url + reverse("minutes:document", args=[meeting.pk]))
    assert "(সময়সীমা: প্রতি ত্রৈমাসিকের তৃতীয় মাসের প্রথম সপ্তাহের মধ্যে)" in page.locator("body").inner_text()
