"""A citizen, not logged in, searches the published minutes: finds the reference minutes 004 by a
Bangla word of one of its decisions, then by its memo number typed in ASCII digits, and opens it.
The search page is photographed with its results on a desktop and on a 360-pixel phone."""

import re

import pytest
from playwright.sync_api import expect

from minutes.document.store import store_issued_document
from minutes.models import Meeting
from minutes.search import search_entry_sync
from tests.e2e.conftest import screenshot
from tests.minutes.reference_fixtures import make_minutes_002, make_minutes_004
from website.addresses import minutes_url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_citizen_finds_minutes_by_a_word_and_by_the_memo_number_and_opens_them(page):
    meeting = make_minutes_004(state=Meeting.State.PUBLISHED)
    store_issued_document(Meeting.objects.select_related("office").get(pk=meeting.pk))
    search_entry_sync(meeting_id=meeting.pk)
    hidden = make_minutes_002(state=Meeting.State.ISSUED)  # issued, not published: never found
    search_entry_sync(meeting_id=hidden.pk)

    page.goto(page.base_url + "/public/search/")
    box = page.get_by_label("শব্দ, নাম বা স্মারক নম্বর")
    box.fill("ক্ষুদ্রঋণ")  # "প্রশিক্ষণ শাখা ও ক্ষুদ্রঋণ শাখার সফটওয়্যার আপডেট করতে হবে।"
    box.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("প্রকাশিত কার্যবিবরণী পাওয়া গেছে: ১টি")
    hit = page.locator(".search-hit")
    expect(hit).to_have_count(1)
    expect(hit.locator("mark").first).to_have_text("ক্ষুদ্রঋণ")
    expect(hit).to_contain_text("মহিলা বিষয়ক অধিদপ্তর")
    screenshot(page, "public-search-desktop")
    page.set_viewport_size({"width": 360, "height": 780})
    screenshot(page, "public-search-360")
    page.set_viewport_size({"width": 1280, "height": 900})

    page.get_by_label("শব্দ, নাম বা স্মারক নম্বর").fill("32.01.0000.021.18.003.24.48")
    page.get_by_role("button", name="খুঁজুন").click()
    expect(hit).to_have_count(1)
    expect(hit.locator("mark")).to_have_text("৩২.০১.০০০০.০২১.১৮.০০৩.২৪.৪৮")  # shown in Bangla digits
    hit.get_by_role("link", name=re.compile("মহিলা বিষয়ক অধিদপ্তরের ই-গভর্ন্যান্স")).click()
    # the old address /public/minutes/<pk>/ leads to the stable one
    expect(page).to_have_url(re.compile(re.escape(minutes_url(meeting)) + "$"))
    expect(page.locator("body")).to_contain_text("ক্ষুদ্রঋণ শাখার সফটওয়্যার আপডেট করতে হবে")
    expect(page.locator("body")).to_contain_text("৩২.০১.০০০০.০২১.১৮.০০৩.২৪.৪৮")

    page.goto(page.base_url + "/public/search/?q=জনপ্রশাসন")  # in the title of 002, issued, not published
    expect(page.get_by_role("status")).to_be_visible()
    expect(page.locator(f'a[href="/public/minutes/{hidden.pk}/"]')).to_have_count(0)
    expect(page.locator(".search-results")).not_to_contain_text("ইনোভেশন টিমের সভার কার্যবিবরণী")
