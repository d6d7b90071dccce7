"""A ministry's officer sorts its offices' dashboard, goes down to one office's dashboard, subscribes
to that office's deadlines from the calendar page, reads the feed without logging in (as a calendar
app would), and revokes the address."""

import urllib.error
import urllib.request

import pytest
import time_machine
from django.urls import reverse
from icalendar import Calendar

from tests.e2e.conftest import log_in
from tests.followup import dashboard_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
world = dashboard_world.world  # the fixture


def office_names(page) -> list[str]:
    return [name.strip() for name in page.locator("#subordinates tbody th a:first-child").all_inner_texts()]


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # no cookie: not logged in
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def test_a_ministry_officer_sorts_drills_down_and_subscribes_to_an_offices_deadlines(page, world):
    with time_machine.travel(dashboard_world.NOW):
        log_in(page, "ministry", "pass-1234")
        page.wait_for_url(page.base_url + "/")
        page.goto(page.base_url + reverse("followup:dashboard_subordinates", args=[world.ministry.pk]))
        assert office_names(page) == ["দপ্তর ক", "দপ্তর ক, জেলা কার্যালয়", "দপ্তর খ"]
        heading = page.get_by_role("link", name="মেয়াদোত্তীর্ণ সিদ্ধান্ত")
        heading.click()
        assert office_names(page) == ["দপ্তর ক, জেলা কার্যালয়", "দপ্তর খ", "দপ্তর ক"]
        page.get_by_role("link", name="মেয়াদোত্তীর্ণ সিদ্ধান্ত").click()  # again: the other way
        assert office_names(page) == ["দপ্তর ক", "দপ্তর খ", "দপ্তর ক, জেলা কার্যালয়"]
        assert page.locator("th[aria-sort=descending]").inner_text().startswith("মেয়াদোত্তীর্ণ সিদ্ধান্ত")
        assert page.get_by_role("img", name="কর্মপরিকল্পনায় এ পর্যন্ত প্রাপ্ত নম্বর অনুযায়ী অধীনস্থ দপ্তর").is_visible()

        page.get_by_role("link", name="দপ্তর ক", exact=True).click()
        assert page.locator("#figure-overdue-decisions").inner_text() == "৩"
        assert page.locator("#figure-on-time").inner_text() == "৪০%"

        page.get_by_role("link", name="আপনার ক্যালেন্ডারে সময়সীমা").click()
        card = page.locator(".card", has_text="দপ্তর ক")
        card.get_by_role("button", name="গোপন ঠিকানা তৈরি করুন").click()
        address = page.locator("#new-feed-url").inner_text().strip()
        status, body = fetch(address)
        assert status == 200
        assert len(Calendar.from_ical(body).walk("VEVENT")) == 9  # দপ্তর ক's pending items

        page.goto(page.base_url + reverse("followup:calendar"))
        assert address not in page.content()  # shown once
        page.locator(".card", has_text="দপ্তর ক").get_by_role("button", name="ঠিকানা বাতিল করুন").click()
        assert page.get_by_role("alert").inner_text().startswith("ঠিকানাটি বাতিল করা হয়েছে")
        assert fetch(address)[0] == 404
