"""Reminders in the browser: the office administrator sets when the office's items are reminded (in
Bangla digits), an official picks the hour of their daily digest, and the next sweep sends them one
digest that follows both."""

import datetime

import pytest
from django.utils import timezone

from followup.models import Occurrence, ReminderPolicy, ReminderPreference
from followup.reminders.tasks import followup_sweep
from minutes.models import Responsibility
from offices.demo import DEMO_PASSWORD, load_demo
from offices.models import User
from tests.e2e.conftest import log_in, screenshot
from tests.factories import MeetingFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
OFFICE = "সুরক্ষা সেবা বিভাগ"


def test_the_office_sets_the_days_the_official_the_hour_and_the_digest_follows_both(
    page, celery_eager, mailoutbox
):
    load_demo()
    official = User.objects.get(username="drafter").official
    meeting = MeetingFactory(
        office=official.office, state="issued", memo_number="58.00.0000.018.31.006.17.30"
    )
    decision = meeting.agenda_items.create(order=0, title="ই-নথি").decisions.create(
        order=0, text="<p>শাখাভিত্তিক নথি নিষ্পত্তির তালিকা প্রস্তুত করবে।</p>"
    )
    Responsibility.objects.create(decision=decision, official=official, label=official.name)
    due = timezone.localdate() + datetime.timedelta(days=5)
    Occurrence.objects.create(decision=decision, office=official.office, due_date=due, next_reminder_on=due)

    log_in(page, "officeadmin", DEMO_PASSWORD)
    page.get_by_role("link", name="দপ্তর প্রশাসন").click()
    page.get_by_role("link", name=OFFICE, exact=True).click()
    page.get_by_role("navigation", name="দপ্তর প্রশাসন").get_by_role("link", name="অনুস্মারক").click()
    page.get_by_label("শেষ তারিখের যত দিন আগে মনে করিয়ে দেওয়া হবে").fill("১০, ৫")
    page.get_by_role("button", name="সংরক্ষণ করুন").click()
    page.get_by_text("সংরক্ষিত হয়েছে।").wait_for()
    assert page.get_by_label("শেষ তারিখের যত দিন আগে মনে করিয়ে দেওয়া হবে").input_value() == "১০, ৫"
    screenshot(page, "reminders-office-policy")
    assert ReminderPolicy.objects.get(office=official.office).days_before == [10, 5]
    # The office's open item now waits for the step 5 days before its due date: today.
    assert Occurrence.objects.get(decision=decision).next_reminder_on == timezone.localdate()

    page.context.clear_cookies()
    log_in(page, "drafter", DEMO_PASSWORD)
    page.get_by_role("link", name="আমার অনুস্মারক").click()
    page.get_by_label("দৈনিক সারসংক্ষেপ পাঠানোর সময়").select_option(label="রাত ১২.০০টা")
    page.get_by_role("button", name="সংরক্ষণ করুন").click()
    page.get_by_text("সংরক্ষিত হয়েছে।").wait_for()
    screenshot(page, "reminders-preferences")
    assert ReminderPreference.objects.get(official=official).digest_hour == 0

    followup_sweep()
    (digest,) = [m for m in mailoutbox if m.to == [official.email]]
    assert "আর ৫ দিন বাকি" in digest.body and "১টি কাজ" in digest.subject
    page.reload()
    assert "পাঠানো হয়েছে" in page.locator("#my-digests").inner_text()
