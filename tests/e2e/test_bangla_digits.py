"""Issue 13's done-when: Bangla digits typed into every numeric, date and time field of the editor are
saved. A drafter with a Bangla keyboard types ০৭ and ২০২০, picks dates from the Bangla calendar with
the mouse and with the keyboard, chooses the day-part, saves, reloads and finds it all as typed."""

import datetime

import pytest

from bangla.digits import to_bangla_digits
from minutes.models import Decision, Meeting
from offices.demo import load_demo
from tests.e2e.conftest import ARTIFACTS, rich_text, start_draft

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def field(page, name):
    return page.locator(f'[name="{name}"]')


def picker_of(page, name):
    """The calendar button next to a date input, and the calendar it opens."""
    root = page.locator(".datepicker").filter(has=field(page, name))
    return root.locator(".datepicker-toggle"), root.locator('[role="dialog"]')


def test_bangla_digits_typed_into_every_numeric_date_and_time_field_of_the_editor_are_saved(page):
    problems = []
    page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    load_demo()
    start_draft(page, date="১৭/০২/২০২১")  # the new-minutes form takes Bangla digits too
    field(page, "title").fill("সুরক্ষা সেবা বিভাগের ইনোভেশন টিমের সভার কার্যবিবরণী")
    field(page, "chair_name").fill("ড. তরুণ কান্তি শিকদার")
    field(page, "items-0-title").fill("বিবিধ।")
    rich_text(page, "items-0-decisions-0-text").fill("স্ব স্ব অফিসের ওয়েবসাইটের ০৫টি সেবা বক্স হালনাগাদ করা।")
    # A second decision, added in place by htmx: the editor is swapped and its date inputs set up again.
    page.locator("#items-0").get_by_role("button", name="সিদ্ধান্ত যোগ করুন").click()
    rich_text(page, "items-0-decisions-1-text").fill("প্রমাণক সংরক্ষণ করবে।")

    # Numbers, typed with Bangla digits (an <input type=number> emptied itself on these).
    field(page, "fiscal_year").fill("২০২০")
    field(page, "ordinal").fill("০৪")
    field(page, "quarter").fill("৩")
    field(page, "items-0-decisions-1-deadline_kind").select_option("working_days")
    field(page, "items-0-decisions-1-deadline_working_days").fill("০৭")

    # The meeting date from the calendar, by keyboard: it opens on the typed 17 February 2021.
    toggle, calendar = picker_of(page, "date")
    toggle.click()
    assert calendar.locator(".datepicker-title").inner_text() == "ফেব্রুয়ারি ২০২১"
    assert calendar.locator("th").first.inner_text() == "শনি"  # the week starts on Saturday
    focused = page.locator(":focus")
    assert focused.get_attribute("aria-label") == "১৭ ফেব্রুয়ারি ২০২১, বুধবার"
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    assert calendar.is_hidden()
    assert field(page, "date").input_value() == "১৮.০২.২০২১"

    # A decision's deadline from the calendar, by mouse: the 10th of next month.
    field(page, "items-0-decisions-0-deadline_kind").select_option("date")
    toggle, calendar = picker_of(page, "items-0-decisions-0-deadline_date")
    toggle.click()
    calendar.get_by_role("button", name="পরের মাস").click()
    first = datetime.date.today().replace(day=1)
    deadline = (first + datetime.timedelta(days=32)).replace(day=10)
    calendar.locator(f'button[data-date="{deadline.year}-{deadline.month}-10"]').click()
    assert field(page, "items-0-decisions-0-deadline_date").input_value() == to_bangla_digits(
        deadline.strftime("%d.%m.%Y")
    )

    # The time as the minutes write it: বেলা ১২.০০ ঘটিকা.
    field(page, "day_part").select_option("বেলা")
    field(page, "start_time").fill("১২.০০")

    page.get_by_role("button", name="সংরক্ষণ করুন").first.click()
    page.get_by_text("কার্যবিবরণী সংরক্ষিত হয়েছে।").wait_for()

    meeting = Meeting.objects.get()
    assert (meeting.fiscal_year, meeting.ordinal, meeting.quarter) == (2020, 4, 3)
    assert meeting.date == datetime.date(2021, 2, 18)
    assert (meeting.start_time, meeting.day_part) == (datetime.time(12, 0), "বেলা")
    by_date, by_days = Decision.objects.filter(agenda_item__meeting=meeting).order_by("order")
    assert (by_date.deadline_kind, by_date.deadline_date) == ("date", deadline)
    assert (by_days.deadline_kind, by_days.deadline_working_days) == ("working_days", 7)

    page.goto(page.base_url + f"/minutes/{meeting.pk}/edit/")  # reload
    shown = {
        "fiscal_year": "২০২০",
        "ordinal": "৪",
        "quarter": "৩",
        "date": "১৮.০২.২০২১",
        "day_part": "বেলা",
        "start_time": "১২:০০",
        "items-0-decisions-0-deadline_date": to_bangla_digits(deadline.strftime("%d.%m.%Y")),
        "items-0-decisions-1-deadline_working_days": "৭",
    }
    for name, value in shown.items():
        assert field(page, name).input_value() == value, name

    # The calendar, open under the meeting date, for the eye (test-artifacts/e2e/editor-datepicker.png).
    toggle, calendar = picker_of(page, "date")
    toggle.click()
    calendar.wait_for()
    page.mouse.move(0, 0)  # no hover colours in the picture
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.locator("section.card").first.screenshot(path=str(ARTIFACTS / "editor-datepicker.png"))
    page.keyboard.press("Escape")
    assert calendar.is_hidden() and page.locator(":focus").get_attribute("aria-expanded") == "false"
    assert problems == []  # nothing refused by the Content-Security-Policy, no invalid pattern, no error
