"""Atom feeds (all minutes, an office's, a search's) and an office's iCalendar feed."""

import datetime
import xml.etree.ElementTree as ET

import icalendar
import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from minutes.models import Transition
from tests.factories import OfficeFactory
from tests.website.following_world import S, minutes_in, published_in, withdraw

ATOM = "{http://www.w3.org/2005/Atom}"
SITE = settings.SITE_URL.rstrip("/")


@pytest.fixture
def ministry(db):
    return OfficeFactory(name="সুরক্ষা সেবা বিভাগ", slug="ssd")


@pytest.fixture
def directorate(ministry):
    return OfficeFactory(name="কারা অধিদপ্তর", slug="prisons", parent=ministry)


def entries(response) -> list[dict]:
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    return [
        {
            "title": entry.findtext(f"{ATOM}title"),
            "link": entry.find(f"{ATOM}link").get("href"),
            "id": entry.findtext(f"{ATOM}id"),
            "updated": entry.findtext(f"{ATOM}updated"),
            "published": entry.findtext(f"{ATOM}published"),
            "author": entry.findtext(f"{ATOM}author/{ATOM}name"),
            "summary": entry.find(f"{ATOM}summary"),
        }
        for entry in feed.findall(f"{ATOM}entry")
    ]


def test_it_lists_published_minutes_with_their_stable_address_dates_and_office(
    client, ministry, django_capture_on_commit_callbacks
):
    meeting = published_in(django_capture_on_commit_callbacks, ministry, team=None)
    published_at = Transition.objects.get(meeting=meeting, to_state=S.PUBLISHED).at

    (entry,) = entries(client.get("/public/feeds/minutes.atom"))

    address = f"{SITE}/public/ssd/2023-24/{meeting.memo_number}/"
    assert entry["title"] == meeting.title
    assert entry["link"] == entry["id"] == address
    assert entry["published"] == "2024-03-10T00:00:00+06:00"  # the issue date, in Dhaka
    assert datetime.datetime.fromisoformat(entry["updated"]) == published_at
    assert entry["author"] == "সুরক্ষা সেবা বিভাগ"
    assert "ই-নথির ব্যবহার বাড়াতে হবে।" in entry["summary"].text
    assert "স্মারক নম্বর ৫৮.০০" in entry["summary"].text  # Bangla digits


def test_a_summary_shows_markup_typed_in_a_decision_as_text(
    client, ministry, django_capture_on_commit_callbacks
):
    published_in(
        django_capture_on_commit_callbacks,
        ministry,
        decisions=["<p>&lt;script&gt;alert(1)&lt;/script&gt; <strong>জরুরি</strong> &amp; দ্রুত</p>"],
    )

    (entry,) = entries(client.get("/public/feeds/minutes.atom"))

    summary = entry["summary"]
    assert summary.get("type") == "html"
    # What a feed reader renders as HTML: the typed markup escaped (shown as text), the bold gone.
    assert "&lt;script&gt;alert(1)&lt;/script&gt; জরুরি &amp; দ্রুত" in summary.text
    assert "<script" not in summary.text and "<strong" not in summary.text


def test_an_offices_feed_leaves_out_the_offices_below_unless_asked(
    client, ministry, directorate, django_capture_on_commit_callbacks
):
    own = published_in(django_capture_on_commit_callbacks, ministry)
    below = published_in(django_capture_on_commit_callbacks, directorate)

    assert [e["title"] for e in entries(client.get("/public/feeds/ssd.atom"))] == [own.title]
    with_below = entries(client.get("/public/feeds/ssd.atom?sub=1"))
    assert {e["title"] for e in with_below} == {own.title, below.title}
    assert {e["author"] for e in with_below} == {"সুরক্ষা সেবা বিভাগ", "কারা অধিদপ্তর"}
    # An office found by its number is sent to its web address.
    response = client.get(f"/public/feeds/{ministry.pk}.atom")
    assert response.status_code == 301 and response["Location"] == f"{SITE}/public/feeds/ssd.atom"
    assert client.get("/public/feeds/nosuchoffice.atom").status_code == 404


def test_a_search_feed_follows_text_office_and_fiscal_year(
    client, ministry, directorate, django_capture_on_commit_callbacks
):
    steps = django_capture_on_commit_callbacks
    wanted = published_in(steps, ministry, title="ডিজিটাল সেবা সহজিকরণ সভা")
    published_in(steps, ministry, title="অন্য সভা")
    published_in(steps, directorate, title="ডিজিটাল সেবা, অধিদপ্তর", date=datetime.date(2022, 9, 5))

    found = entries(client.get("/public/feeds/search.atom", {"q": "  ডিজিটাল   সেবা ", "office": "ssd"}))
    assert [e["title"] for e in found] == [wanted.title]
    everywhere = entries(client.get("/public/feeds/search.atom", {"q": "ডিজিটাল"}))
    assert len(everywhere) == 2
    in_year = entries(client.get("/public/feeds/search.atom", {"q": "ডিজিটাল", "fy": "২০২২-২৩"}))
    assert [e["author"] for e in in_year] == ["কারা অধিদপ্তর"]


@pytest.mark.parametrize(
    "params",
    [
        {"fy": "2022-24"},
        {"fy": "garbage"},
        {"fy": "9" * 400},
        {"office": "no-such-office"},
        {"office": "9" * 40},
        {"sub": "yes"},
        {"q": "ক" * 201},
        {"q": "ই-নথি\x01"},
        {"q": "\x00"},
    ],
)
def test_parameters_not_understood_get_400_with_the_reason(client, ministry, params):
    response = client.get("/public/feeds/search.atom", params)
    assert response.status_code == 400
    if "\x00" not in params.get("q", ""):  # a NUL is refused before any view (config/middleware.py)
        assert response["Cache-Control"] == "no-cache"


def test_malformed_encodings_and_odd_characters_never_give_a_server_error(client, ministry):
    for query in (
        "q=%ff%fe",
        "q=%ed%a0%80",
        "q=%e0%a6",
        "office=%c0%af",
        "q=\u202e\u0338",
        "fy=%d9%a2%d9%a0",
    ):
        response = client.get("/public/feeds/search.atom?" + query)
        assert response.status_code in (200, 400), query


def test_a_withdrawn_minutes_leaves_every_feed(client, ministry, django_capture_on_commit_callbacks):
    steps = django_capture_on_commit_callbacks
    kept = published_in(steps, ministry)
    gone = published_in(steps, ministry, title="প্রত্যাহার হবে")
    before = client.get("/public/feeds/ssd.atom")
    assert {e["title"] for e in entries(before)} == {kept.title, gone.title}

    withdraw(steps, gone)

    for address in (
        "/public/feeds/ssd.atom",
        "/public/feeds/minutes.atom",
        "/public/feeds/search.atom?q=প্রত্যাহার",
    ):
        assert gone.title not in {e["title"] for e in entries(client.get(address))}, address
    # A reader holding the old copy is not told it is current.
    assert client.get("/public/feeds/ssd.atom", HTTP_IF_NONE_MATCH=before["ETag"]).status_code == 200


def test_feeds_may_be_kept_a_while_and_answer_304_when_unchanged(
    client, ministry, django_capture_on_commit_callbacks
):
    published_in(django_capture_on_commit_callbacks, ministry)
    for address in ("/public/feeds/minutes.atom", "/public/feeds/ssd.atom", "/public/feeds/ssd.ics"):
        response = client.get(address)
        assert response["Cache-Control"] == "public, max-age=300"
        assert response["Last-Modified"]
        with CaptureQueriesContext(connection) as captured:
            again = client.get(address, HTTP_IF_NONE_MATCH=response["ETag"])
            assert client.get(address).content == response.content
        assert again.status_code == 304
        assert len(captured) == 0, address  # repeats are answered from the cache


def test_an_offices_calendar_has_its_published_meetings(client, ministry, django_capture_on_commit_callbacks):
    steps = django_capture_on_commit_callbacks
    meeting = published_in(steps, ministry, venue="সভাকক্ষ ৩")
    minutes_in(ministry, S.ISSUED, title="প্রকাশ হয়নি")

    response = client.get("/public/feeds/ssd.ics")

    assert response.status_code == 200 and response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    assert str(event["summary"]) == meeting.title
    assert str(event["location"]) == "সভাকক্ষ ৩"
    assert str(event["url"]) == f"{SITE}/public/ssd/2023-24/{meeting.memo_number}/"
    start = event.decoded("dtstart")
    assert (start.date(), start.hour, start.utcoffset()) == (
        datetime.date(2024, 3, 3),
        15,
        datetime.timedelta(hours=6),
    )
    assert calendar.walk("VTIMEZONE")  # readers get the zone with the events
    assert client.get("/public/feeds/ssd.ics?sub=maybe").status_code == 400


def test_the_office_page_offers_its_feed_to_browsers_and_readers(
    client, ministry, django_capture_on_commit_callbacks
):
    published_in(django_capture_on_commit_callbacks, ministry)
    html = client.get("/public/ssd/").content.decode()

    head = html.split("</head>")[0]
    assert '<link rel="alternate" type="application/atom+xml"' in head
    assert 'href="/public/feeds/ssd.atom"' in head
    body = html.split("</head>")[1]
    assert 'href="/public/feeds/ssd.atom"' in body and "ফিড" in body
    assert 'href="/public/feeds/ssd.ics"' in body
    assert 'href="/public/feeds/alerts/?office=ssd"' in body


@pytest.mark.parametrize(
    "address",
    [
        "/public/feeds/minutes.atom",
        "/public/feeds/ssd.atom?sub=1",
        "/public/feeds/search.atom?q=সভা",
        "/public/feeds/ssd.ics",
    ],
)
def test_a_feeds_queries_do_not_grow_with_the_number_of_minutes(
    client, ministry, directorate, address, django_capture_on_commit_callbacks
):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(address).status_code == 200
        return len(captured)

    published_in(django_capture_on_commit_callbacks, ministry)
    few = queries()
    for _ in range(6):
        below = OfficeFactory(parent=ministry)  # more offices right below the ministry, too
        published_in(
            django_capture_on_commit_callbacks,
            below,
            decisions=["<p>ক</p>", "<p>খ</p>", "<p>গ</p>", "<p>ঘ</p>"],
        )
    published_in(django_capture_on_commit_callbacks, ministry)
    assert queries() == few
    # Minutes, their first decisions (and the office and the offices below it when named): a handful.
    assert few <= 6


def test_the_search_feed_finds_what_the_search_finds_newest_first(
    client, ministry, django_capture_on_commit_callbacks
):
    steps = django_capture_on_commit_callbacks
    decision = ("<p>ক্ষুদ্রঋণ শাখার সফটওয়্যার হালনাগাদ করতে হবে।</p>",)
    older = published_in(
        steps, ministry, title="পুরোনো সভা", decisions=decision, issue_date=datetime.date(2024, 1, 5)
    )
    newer = published_in(
        steps, ministry, title="নতুন সভা", decisions=decision, issue_date=datetime.date(2024, 3, 5)
    )
    published_in(steps, ministry, title="অন্য সভা")
    minutes_in(ministry, S.ISSUED, title="জারি, অপ্রকাশিত", decisions=decision)

    # A word of a decision (in no title), and a memo number's start typed in ASCII digits.
    found = entries(client.get("/public/feeds/search.atom?q=ক্ষুদ্রঋণ"))
    assert [entry["title"] for entry in found] == [newer.title, older.title]
    (by_memo,) = entries(client.get(f"/public/feeds/search.atom?q={older.memo_number}"))
    assert by_memo["title"] == older.title
    assert entries(client.get("/public/feeds/search.atom?q=।")) == []  # only punctuation: nothing
