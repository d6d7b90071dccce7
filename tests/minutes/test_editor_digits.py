"""Bangla digits in every numeric, date and time field of the editor and the new-minutes form: typed
in either digits, saved, shown again in Bangla digits; bad input refused with a Bangla message and
the page kept as typed. The start time is typed next to a day-part word, which is stored as chosen."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from bangla.digits import to_bangla_digits
from bangla.times import DAY_PART_HOURS
from minutes.models import AgendaItem, Decision, Meeting
from offices.models import OfficeRole
from tests.factories import InnovationTeamFactory, MeetingFactory, user_with_role
from tests.minutes.editor_data import editor_post

pytestmark = pytest.mark.django_db

ITEMS = [
    {
        "title": "ওয়েবসাইট হালনাগাদ",
        "discussion": "আলোচনা হয়।",
        "decisions": [
            {"text": "সেবা বক্স হালনাগাদ করা।", "deadline_kind": "date", "deadline_date": "২৫/০২/২০২১"},
            {"text": "প্রমাণক সংরক্ষণ করা।", "deadline_kind": "working_days", "deadline_working_days": "০৭"},
        ],
    }
]
BANGLA_HEADER = {
    "fiscal_year": "২০২০",
    "ordinal": "০৪",
    "quarter": "৩",
    "date": "১৭.০২.২০২১",
    "day_part": "বিকাল",
    "start_time": "০৩:০০",
}


@pytest.fixture
def meeting(alice, office_a):
    return MeetingFactory(office=office_a, created_by=alice, date=datetime.date(2021, 2, 17))


def edit(client, meeting, header=None, items=ITEMS):
    return client.post(reverse("minutes:edit", args=[meeting.pk]), editor_post(header=header, items=items))


def test_bangla_digits_in_every_field_are_saved_and_shown_again_in_bangla_digits(client, alice, meeting):
    client.force_login(alice)
    assert edit(client, meeting, BANGLA_HEADER).status_code == 302

    meeting.refresh_from_db()
    assert (meeting.fiscal_year, meeting.ordinal, meeting.quarter) == (2020, 4, 3)
    assert meeting.date == datetime.date(2021, 2, 17)
    assert (meeting.start_time, meeting.day_part) == (datetime.time(15, 0), "বিকাল")
    by_date, by_days = Decision.objects.filter(agenda_item__meeting=meeting).order_by("order")
    assert by_date.deadline_date == datetime.date(2021, 2, 25)
    assert by_days.deadline_working_days == 7

    page = client.get(reverse("minutes:edit", args=[meeting.pk])).content.decode()
    for shown in ('name="fiscal_year" value="২০২০"', 'name="ordinal" value="৪"', 'name="quarter" value="৩"',
                  'name="date" value="১৭.০২.২০২১"', 'name="start_time" value="০৩:০০"',
                  'value="২৫.০২.২০২১"', 'value="৭"', '<option value="বিকাল" selected>'):  # fmt: skip
        assert shown in page, shown
    assert 'type="number"' not in page and 'type="date"' not in page and 'type="time"' not in page


@pytest.mark.parametrize(
    "typed", ["১৭.০২.২০২১", "17.02.2021", "১৭/০২/২০২১", "17-02-2021", "2021-02-17", "১৭.২.২০২১"]
)
def test_the_meeting_date_is_taken_in_every_form(client, alice, meeting, typed):
    client.force_login(alice)
    meeting.date = datetime.date(2021, 1, 1)
    meeting.save()
    assert edit(client, meeting, {"date": typed}).status_code == 302
    meeting.refresh_from_db()
    assert meeting.date == datetime.date(2021, 2, 17)


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("date", "৩০.০২.২০২৪", "৩০.০২.২০২৪ তারিখ নেই: ওই মাসে ২৯ দিন।"),
        ("date", "২৫/১৩/২০২৪", "১৩ নম্বর মাস নেই: মাস ১ থেকে ১২ পর্যন্ত।"),
        ("date", "সতেরো ফেব্রুয়ারি", "তারিখ দিন.মাস.বছর আকারে লিখুন, যেমন ২৫.১০.২০২২।"),
        ("items-0-decisions-0-deadline_date", "30/02/2024", "৩০.০২.২০২৪ তারিখ নেই: ওই মাসে ২৯ দিন।"),
        ("fiscal_year", "১৯৫০", "১৯৭১ থেকে ২২০০-এর মধ্যে একটি সংখ্যা লিখুন।"),
        ("ordinal", "০", "১ থেকে ১০০-এর মধ্যে একটি সংখ্যা লিখুন।"),
        ("quarter", "৫", "১ থেকে ৪-এর মধ্যে একটি সংখ্যা লিখুন।"),
        ("quarter", "তৃতীয়", "পূর্ণসংখ্যা লিখুন, বাংলা বা ইংরেজি অঙ্কে।"),
        ("items-0-decisions-1-deadline_working_days", "৩৬৬", "১ থেকে ৩৬৫-এর মধ্যে একটি সংখ্যা লিখুন।"),
        ("start_time", "২৫:০০", "এমন সময় নেই: ঘণ্টা ২৩ পর্যন্ত, মিনিট ৫৯ পর্যন্ত।"),
        ("start_time", "তিনটা", "সময় ০৩:০০ আকারে লিখুন, অথবা ২৪ ঘণ্টার হিসাবে ১৫:০০।"),
    ],
)
def test_bad_input_is_refused_in_bangla_and_the_page_keeps_what_was_typed(
    client, alice, meeting, field, typed, message
):
    client.force_login(alice)
    post = editor_post(header=BANGLA_HEADER, items=ITEMS)
    post[field] = typed
    response = client.post(reverse("minutes:edit", args=[meeting.pk]), post)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert "কিছুই সংরক্ষণ করা হয়নি" in page
    assert f'value="{to_bangla_digits(typed)}"' in page  # as typed, in Bangla digits
    assert ITEMS[0]["decisions"][1]["text"] in page and "Zoom Online Platform" in page  # the rest as typed
    assert not AgendaItem.objects.filter(meeting=meeting).exists()


def test_a_page_shown_again_writes_what_was_typed_in_ascii_digits_in_bangla_digits(client, alice, meeting):
    client.force_login(alice)
    header = {"title": "", "fiscal_year": "2020", "date": "17/02/2021", "start_time": "15:00"}
    page = edit(client, meeting, header).content.decode()
    assert 'name="fiscal_year" value="২০২০"' in page
    assert 'name="date" value="১৭/০২/২০২১"' in page
    assert 'name="start_time" value="১৫:০০"' in page


@pytest.mark.parametrize(
    ("day_part", "typed", "stored", "word"),
    [
        ("বেলা", "১২.০০", datetime.time(12, 0), "বেলা"),
        ("", "বেলা ১২.০০ ঘটিকা", datetime.time(12, 0), "বেলা"),  # the word typed before the time
        ("সকাল", "১০:৩০", datetime.time(10, 30), "সকাল"),
        ("সন্ধ্যা", "৬.৩০", datetime.time(18, 30), "সন্ধ্যা"),
        ("", "১৫:০০", datetime.time(15, 0), ""),  # the 24-hour clock, no word
        ("বিকাল", "15:00", datetime.time(15, 0), "বিকাল"),
    ],
)
def test_the_day_part_word_turns_the_time_into_24_hours_and_is_kept_as_chosen(
    client, alice, meeting, day_part, typed, stored, word
):
    client.force_login(alice)
    assert edit(client, meeting, {"day_part": day_part, "start_time": typed}).status_code == 302
    meeting.refresh_from_db()
    assert (meeting.start_time, meeting.day_part) == (stored, word)


@pytest.mark.parametrize(
    ("day_part", "typed", "message"),
    [
        ("", "০২:০০", "০২:০০ কি রাতের সময়? দিনের ভাগ বেছে নিন, অথবা ২৪ ঘণ্টার হিসাবে সময় লিখুন, যেমন ১৪:০০।"),
        ("বিকাল", "১০:০০", "বিকাল ১০:০০ হয় না: সময় অথবা দিনের ভাগ ঠিক করুন।"),
        ("সকাল", "বিকাল ৩টা", "সময়ে লেখা আছে বিকাল, কিন্তু দিনের ভাগ বেছে নেওয়া হয়েছে সকাল।"),
        ("ভোর", "০৫:০০", "সঠিক বিকল্প নির্বাচন করুন; ভোর তালিকায় নেই।"),  # not one of the words offered
    ],
)
def test_a_time_that_does_not_fit_its_day_part_is_refused(client, alice, meeting, day_part, typed, message):
    client.force_login(alice)
    response = edit(client, meeting, {"day_part": day_part, "start_time": typed})
    assert response.status_code == 400
    assert message in response.content.decode()


def test_the_words_offered_are_those_whose_hours_are_known():
    assert set(Meeting.DayPart.values) - {None} == set(DAY_PART_HOURS)


def test_the_model_refuses_a_day_part_its_time_is_not_in(meeting):
    meeting.day_part, meeting.start_time = "সকাল", datetime.time(21, 0)
    with pytest.raises(ValidationError) as refused:
        meeting.full_clean()
    assert "day_part" in refused.value.message_dict


def test_new_minutes_take_bangla_digits_and_the_day_part(client, office_a):
    drafter = user_with_role(office_a, OfficeRole.Role.DRAFTER)
    InnovationTeamFactory(office=office_a)
    client.force_login(drafter)
    url = reverse("minutes:create", args=[office_a.pk])
    page = client.get(url).content.decode()
    assert 'type="date"' not in page and 'type="number"' not in page and 'name="day_part"' in page
    post = {"fiscal_year": "২০২৪", "ordinal": "২", "layout": "sections", "date": "২৫.০৭.২০২৪",
            "day_part": "বেলা", "start_time": "১১.০০", "venue": "সভাকক্ষ"}  # fmt: skip
    assert client.post(url, post).status_code == 302
    meeting = Meeting.objects.get(office=office_a)
    assert (meeting.fiscal_year, meeting.ordinal, meeting.date) == (2024, 2, datetime.date(2024, 7, 25))
    assert (meeting.start_time, meeting.day_part) == (datetime.time(11, 0), "বেলা")


def test_new_minutes_refuse_an_impossible_date_in_bangla_and_keep_the_form(client, office_a):
    drafter = user_with_role(office_a, OfficeRole.Role.DRAFTER)
    client.force_login(drafter)
    post = {"fiscal_year": "২০২৪", "layout": "sections", "date": "৩১.০৪.২০২৪", "start_time": "১১:০০",
            "venue": "সভাকক্ষ"}  # fmt: skip
    response = client.post(reverse("minutes:create", args=[office_a.pk]), post)
    page = response.content.decode()
    assert response.status_code == 200 and "৩১.০৪.২০২৪ তারিখ নেই: ওই মাসে ৩০ দিন।" in page
    assert 'value="২০২৪"' in page and 'value="সভাকক্ষ"' in page
    assert not Meeting.objects.exists()
