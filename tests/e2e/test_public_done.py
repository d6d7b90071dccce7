"""Issue 16, done when: an anonymous reader, in Chromium, finds a published document by a Bangla word
from one of its decisions and by its memo number typed in ASCII digits, opens it, downloads its PDF
and subscribes to the office's feed (the Atom feed a feed reader fetches, and the e-mail alerts,
confirmed from the e-mailed link). Unpublished minutes holding the same word never show up."""

import hashlib
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.core import mail
from playwright.sync_api import expect

from minutes.models import IssuedDocument, Meeting
from minutes.search import search_entry_sync
from tests.e2e.test_public_site import published  # noqa: F401 - 004 published, stored, office "dwa"
from tests.minutes.reference_fixtures import make_minutes_002
from tests.website.following_world import minutes_in
from website.addresses import minutes_url
from website.alerts.models import Subscription

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("celery_eager"),
]

WORD = "ক্ষুদ্রঋণ"  # only in a decision of 004: "প্রশিক্ষণ শাখা ও ক্ষুদ্রঋণ শাখার সফটওয়্যার আপডেট করতে হবে।"
MEMO = "32.01.0000.021.18.003.24.48"  # 004's memo number, as typed on an ASCII keyboard
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def indexed(published):  # noqa: F811 - the fixture imported above
    """004 published and in the search index, as the worker leaves it; beside it, minutes that are not
    published and hold the same word (a draft and issued minutes of the same office, issued 002 of
    another), each passed to the index as publishing and withdrawing do."""
    hidden = [
        minutes_in(
            published.office, Meeting.State.DRAFT, title="গোপন খসড়া", decisions=(f"<p>গোপন {WORD}</p>",)
        ),
        minutes_in(
            published.office, Meeting.State.ISSUED, title="গোপন জারি", decisions=(f"<p>গোপন {WORD}</p>",)
        ),
        make_minutes_002(state=Meeting.State.ISSUED),
    ]
    for meeting in [published, *hidden]:
        search_entry_sync(meeting_id=meeting.pk)
    return published, hidden


def test_a_reader_finds_opens_downloads_and_follows_published_minutes(browser, live_server, indexed):
    meeting, hidden = indexed
    document = minutes_url(meeting)  # the stable address: /public/dwa/2024-25/<memo>/
    context = browser.new_context(
        locale="bn-BD", viewport={"width": 1280, "height": 900}, accept_downloads=True
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    results = page.locator(".search-hit")

    # 1. From the public home, a Bangla word that is only in one decision.
    page.goto(live_server.url + "/public/")
    page.get_by_label("শিরোনাম বা স্মারক নম্বর দিয়ে কার্যবিবরণী খুঁজুন").fill(WORD)
    page.get_by_role("button", name="খুঁজুন").click()
    page.wait_for_url(re.compile(r"/public/search/\?q="))
    expect(page.get_by_role("status")).to_contain_text("প্রকাশিত কার্যবিবরণী পাওয়া গেছে: ১টি")
    expect(results).to_have_count(1)
    expect(results.locator("mark").first).to_have_text(WORD)  # the passage, the word marked
    expect(results).to_contain_text("ক্ষুদ্রঋণ শাখার সফটওয়্যার আপডেট")
    expect(page.locator("main")).not_to_contain_text("গোপন")
    results.get_by_role("link", name=meeting.title).click()
    page.wait_for_url(live_server.url + document)
    expect(page.get_by_role("heading", level=1)).to_contain_text(meeting.title)
    expect(page.locator("body")).to_contain_text("ক্ষুদ্রঋণ শাখার সফটওয়্যার আপডেট করতে হবে")

    # 2. Back, and the memo number typed in ASCII digits finds the same minutes (shown in Bangla digits).
    page.go_back()
    box = page.get_by_label("শব্দ, নাম বা স্মারক নম্বর")
    box.fill(MEMO)
    page.get_by_role("button", name="খুঁজুন").click()
    expect(results).to_have_count(1)
    expect(results.locator("mark")).to_have_text("৩২.০১.০০০০.০২১.১৮.০০৩.২৪.৪৮")
    results.get_by_role("link", name=meeting.title).click()
    page.wait_for_url(live_server.url + document)
    expect(page.locator("body")).to_contain_text("৩২.০১.০০০০.০২১.১৮.০০৩.২৪.৪৮")

    # Unpublished minutes are not found by their memo number either.
    for other in hidden[1:]:
        page.goto(live_server.url + "/public/search/?q=" + other.memo_number)
        expect(page.get_by_role("status")).to_be_visible()
        expect(results).to_have_count(0)
    page.goto(live_server.url + document)

    # 3. The PDF: the stored file, byte for byte, with the hash the page shows.
    stored = IssuedDocument.objects.get(meeting=meeting)
    pdf_facts = page.locator("dd", has=page.get_by_role("link", name="PDF নামান"))  # "PDF: … SHA-256 …"
    expect(pdf_facts.locator(".hash")).to_have_text(stored.pdf_sha256)
    link = page.get_by_role("link", name=re.compile("PDF নামান")).first
    with page.expect_download() as download:
        link.click()
    data = Path(download.value.path()).read_bytes()
    assert data.startswith(b"%PDF-")
    assert hashlib.sha256(data).hexdigest() == stored.pdf_sha256
    assert download.value.suggested_filename.endswith(".pdf")
    answer = page.request.get(live_server.url + link.get_attribute("href"))
    assert answer.ok and answer.headers["content-type"] == "application/pdf"
    assert hashlib.sha256(answer.body()).hexdigest() == stored.pdf_sha256

    # 4. The office's page offers its feed, to the browser and to the eye.
    page.get_by_role("link", name=f"← {meeting.office.name}").first.click()
    page.wait_for_url(live_server.url + "/public/dwa/")
    alternate = page.locator('link[rel="alternate"][type="application/atom+xml"]')
    assert alternate.get_attribute("title") == f"প্রকাশিত কার্যবিবরণী: {meeting.office.name}"
    visible = page.get_by_role("link", name="ফিড রিডারে অনুসরণ করুন (Atom ফিড)")
    expect(visible).to_be_visible()
    assert visible.get_attribute("href") == alternate.get_attribute("href") == "/public/feeds/dwa.atom"

    # A feed reader fetches it: Atom, with the published minutes' entry at its stable address, alone.
    feed = page.request.get(live_server.url + alternate.get_attribute("href"))
    assert feed.ok and feed.headers["content-type"].startswith("application/atom+xml")
    root = ET.fromstring(feed.body())
    assert root.tag == f"{ATOM}feed"
    assert root.findtext(f"{ATOM}title") == f"প্রকাশিত কার্যবিবরণী: {meeting.office.name}"
    (entry,) = root.findall(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == meeting.title
    href = entry.find(f"{ATOM}link").get("href")
    assert href.endswith(document) and entry.findtext(f"{ATOM}id") == href
    assert "৩২.০১.০০০০.০২১.১৮.০০৩.২৪.৪৮" in entry.findtext(f"{ATOM}summary")
    assert "গোপন" not in feed.text()
    assert page.request.get(live_server.url + document).ok  # the entry's link opens the minutes

    # 5. E-mail alerts for the office: double opt-in.
    page.get_by_role("link", name="ই-মেইলে হালনাগাদ").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("ই-মেইলে হালনাগাদ")
    expect(page.locator("main")).to_contain_text(meeting.office.name)
    page.get_by_label("আপনার ই-মেইল ঠিকানা").fill("reader@example.com")
    page.get_by_role("button", name="গ্রাহক হোন").click()
    expect(page.get_by_role("status")).to_contain_text("reader@example.com")
    assert not Subscription.objects.exists()  # nothing until the link is confirmed
    (message,) = mail.outbox
    assert message.to == ["reader@example.com"] and "নিশ্চিত" in message.subject
    assert meeting.office.name in message.body
    (confirm,) = re.findall(r"https?://[^/\s]+(/public/feeds/alerts/confirm/[^/\s]+/)", message.body)

    page.goto(live_server.url + confirm)
    expect(page.get_by_role("heading", level=1)).to_have_text("ই-মেইলে হালনাগাদ নিশ্চিত করুন")
    assert not Subscription.objects.exists()  # opening the link only shows the button
    page.get_by_role("button", name="নিশ্চিত করুন").click()
    expect(page.get_by_role("status")).to_contain_text(
        f"নিশ্চিত হয়েছে। নতুন কার্যবিবরণী প্রকাশিত হলে আপনি ই-মেইল পাবেন: {meeting.office.name}"
    )
    subscription = Subscription.objects.get()
    assert (subscription.email, subscription.office, subscription.confirmed_at is not None) == (
        "reader@example.com",
        meeting.office,
        True,
    )
    context.close()
