import datetime

import pytest
from django.urls import reverse

from minutes.models import AgendaItem, Decision
from offices import services
from offices.models import Office, OfficeHoliday, OfficeRole
from tests.e2e.conftest import log_in, screenshot
from tests.factories import MeetingFactory, OfficeFactory, user_with_role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
R = OfficeRole.Role


def test_shots(page):
    ministry = OfficeFactory(name="সুরক্ষা সেবা বিভাগ", kind=Office.Kind.DIVISION)
    office = OfficeFactory(name="কারা অধিদপ্তর", parent=ministry)
    admin = user_with_role(office, R.DRAFTER, R.ADMIN, username="dipu")
    madmin = user_with_role(ministry, R.ADMIN)
    services.holiday_save(
        holiday=OfficeHoliday(
            office=ministry, date=datetime.date(2024, 9, 4), name="সাধারণ ছুটি (নির্বাহী আদেশে)"
        ),
        by=madmin,
    )
    services.holiday_move(
        office=office,
        public_date=datetime.date(2024, 6, 17),
        to_date=datetime.date(2024, 6, 20),
        name="ঈদুল আজহা",
        by=admin,
    )
    meeting = MeetingFactory(office=office, date=datetime.date(2024, 8, 20), print_deadlines=True)
    item = AgendaItem.objects.create(meeting=meeting, title="ওয়েবসাইট হালনাগাদ")
    Decision.objects.create(
        agenda_item=item,
        text="<p>প্রতি ত্রৈমাসিকের তৃতীয় মাসের প্রথম সপ্তাহের মধ্যে সেবা বক্স হালনাগাদ করতে হবে।</p>",
        deadline_kind="rule",
        deadline_every="quarter",
        deadline_month=3,
        deadline_day=7,
        deadline_rule="প্রতি ত্রৈমাসিকের তৃতীয় মাসের প্রথম সপ্তাহের মধ্যে",
    )
    Decision.objects.create(
        agenda_item=item, order=1, text="<p>৩০ জুন ২০২৫ তারিখের মধ্যে খসড়া এবং অবিলম্বে মতামত।</p>"
    )
    log_in(page, "dipu", "pass-1234")
    page.goto(page.base_url + reverse("offices:holidays", args=[office.pk]) + "?year=2024")
    screenshot(page, "shot-holidays")
    page.goto(page.base_url + reverse("offices:holidays", args=[office.pk]) + "?year=2024")
    page.get_by_role("button", name="ঘোষণা করুন").click()
    screenshot(page, "shot-holidays-error")
    page.goto(page.base_url + reverse("minutes:edit", args=[meeting.pk]))
    page.locator("#items-0-decisions-0").screenshot(path="test-artifacts/e2e/shot-rule.png")
    page.locator("#items-0-decisions-1").screenshot(path="test-artifacts/e2e/shot-two.png")
    page.set_viewport_size({"width": 420, "height": 900})
    page.locator("#items-0-decisions-0").screenshot(path="test-artifacts/e2e/shot-rule-narrow.png")
    page.goto(page.base_url + reverse("offices:manage", args=[office.pk]))
    screenshot(page, "shot-overview")
