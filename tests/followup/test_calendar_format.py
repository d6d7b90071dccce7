"""The feed's bytes, checked against what Google Calendar and Outlook need: RFC 5545's required
properties, CRLF line ends, lines folded at 75 octets without cutting a Bangla character, DTSTAMP
in UTC, a stable UID per item, all-day events as VALUE=DATE, the Asia/Dhaka VTIMEZONE; and parsed
back with icalendar."""

import datetime
import re

import pytest
from django.urls import reverse
from icalendar import Calendar

from followup.calendar.services import calendar_feed_create
from followup.models import CalendarFeed
from tests.followup import dashboard_world
from tests.followup.dashboard_world import decision, occurrence

pytestmark = pytest.mark.django_db
world, clock = dashboard_world.world, dashboard_world.clock  # the fixtures
Scope = CalendarFeed.Scope
LONG = "ইনোভেশন টিমের সকল সদস্যের উপস্থিতিতে প্রতি ত্রৈমাসিকে অন্তত একটি কর্মশালা আয়োজন করে তার প্রতিবেদন ওয়েবসাইটে প্রকাশ করতে হবে এবং মন্ত্রিপরিষদ বিভাগে পাঠাতে হবে।"


@pytest.fixture
def feed_bytes(client, world, clock):
    """The office's feed, with one decision long enough to be folded, and an alarm."""
    occurrence(world.directorate, "02.02.2025", decision=decision(world.meeting, LONG, world.admin_branch))
    _feed, token = calendar_feed_create(
        user=world.users["head"], scope=Scope.OFFICE, office=world.directorate, with_alarm=True
    )
    response = client.get(reverse("followup:calendar_feed", args=[token]))
    assert response.status_code == 200
    return response.content


def unfolded(raw: bytes) -> list[str]:
    return raw.decode("utf-8").replace("\r\n ", "").split("\r\n")


def test_every_line_ends_in_crlf_and_is_folded_at_75_octets_between_characters(feed_bytes):
    assert feed_bytes.endswith(b"\r\n")
    lines = feed_bytes.split(b"\r\n")[:-1]
    assert not any(b"\n" in line or b"\r" in line for line in lines)  # no bare LF or CR
    assert all(len(line) <= 75 for line in lines)
    assert any(line.startswith(b" ") for line in lines)  # the long decision was folded
    for line in lines:
        line.decode("utf-8")  # each physical line is whole UTF-8: no character cut in two


def test_the_calendar_has_what_google_and_outlook_require(feed_bytes):
    lines = unfolded(feed_bytes)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines
    assert "PRODID:-//Sobha//Follow-up deadlines//BN" in lines
    assert "CALSCALE:GREGORIAN" in lines
    assert "X-WR-CALNAME:সভা: দপ্তর ক-এর সময়সীমা" in lines
    assert "X-WR-TIMEZONE:Asia/Dhaka" in lines and "X-PUBLISHED-TTL:PT6H" in lines
    calendar = Calendar.from_ical(feed_bytes)
    (timezone,) = calendar.walk("VTIMEZONE")
    assert str(timezone["TZID"]) == "Asia/Dhaka"
    assert "TZOFFSETTO:+0600" in lines and "TZOFFSETTO:+0700" in lines  # with the summer time of 2009


def test_each_deadline_is_an_all_day_event_with_a_stable_uid_and_a_utc_dtstamp(client, feed_bytes, world):
    calendar = Calendar.from_ical(feed_bytes)
    events = calendar.walk("VEVENT")
    assert len(events) == 10
    assert len({str(event["UID"]) for event in events}) == 10
    raw = unfolded(feed_bytes)
    assert sum(bool(re.fullmatch(r"DTSTART;VALUE=DATE:\d{8}", line)) for line in raw) == 10
    assert sum(bool(re.fullmatch(r"DTEND;VALUE=DATE:\d{8}", line)) for line in raw) == 10
    assert sum(bool(re.fullmatch(r"DTSTAMP:\d{8}T\d{6}Z", line)) for line in raw) == 10
    for event in events:
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert type(start) is datetime.date and end - start == datetime.timedelta(days=1)
        assert str(event["STATUS"]) == "CONFIRMED" and str(event["TRANSP"]) == "TRANSPARENT"
        assert str(event["URL"]).startswith("http")
    d1 = next(e for e in events if str(e["UID"]).startswith(f"followup-occurrence-{world.items['d1'].pk}@"))
    assert d1.decoded("DTSTART") == datetime.date(2025, 1, 10)
    assert str(d1["URL"]).endswith(reverse("followup:item", args=[world.items["d1"].pk]))
    description = str(d1["DESCRIPTION"])
    assert "সভা: দপ্তর ক-এর ইনোভেশন টিমের ৪র্থ সভা, ৫ জুলাই ২০২৪" in description
    assert "স্মারক নম্বর: ৫৮.০০.০০০০.০১৮.৩১.০০৬.২৪." in description
    assert "বাস্তবায়নকারী: সিস্টেম এনালিস্ট" in description
    assert "অবস্থা: অসম্পন্ন" in description
    # the long decision: its summary shortened, its whole text in the description
    long = next(e for e in events if LONG[:20] in str(e["SUMMARY"]))
    assert str(long["SUMMARY"]).endswith("…") and len(str(long["SUMMARY"])) < len(LONG)
    assert LONG in str(long["DESCRIPTION"])


def test_the_same_items_give_the_same_bytes_so_uids_and_etag_hold_between_polls(
    client, world, clock, settings
):
    settings.ALLOWED_HOSTS = ["testserver", "other-name.example.gov.bd"]
    _feed, token = calendar_feed_create(
        user=world.users["head"], scope=Scope.OFFICE, office=world.directorate
    )
    url = reverse("followup:calendar_feed", args=[token])
    first = client.get(url)
    second = client.get(url, HTTP_HOST="other-name.example.gov.bd")  # UIDs do not hang on the Host header
    assert first.content == second.content and first["ETag"] == second["ETag"]


def test_an_alarm_the_day_before_only_when_chosen(client, feed_bytes, world):
    calendar = Calendar.from_ical(feed_bytes)
    for event in calendar.walk("VEVENT"):
        (alarm,) = event.walk("VALARM")
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert alarm.decoded("TRIGGER") == -datetime.timedelta(hours=15)  # 9:00 the day before
        assert str(alarm["DESCRIPTION"]) == str(event["SUMMARY"])
    _feed, token = calendar_feed_create(user=world.users["rahim"], scope=Scope.MINE)
    plain = client.get(reverse("followup:calendar_feed", args=[token])).content
    assert b"BEGIN:VALARM" not in plain and b"BEGIN:VEVENT" in plain
