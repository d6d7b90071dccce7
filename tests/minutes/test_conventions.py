"""Document conventions: each office writes its minutes its own way, set once by its administrator
(with presets and a live preview) and changed per meeting in the editor."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from minutes.content import services as content
from minutes.conventions.forms import preset_values
from minutes.document import conventions as by
from minutes.models import Meeting, OfficeConventions
from minutes.workflow import services as workflow
from offices.models import AuditEntry, OfficeRole
from tests.factories import MeetingFactory, user_with_role
from tests.minutes.editor_data import editor_post

R = OfficeRole.Role
T = datetime.time
D = datetime.date


def conventions(**values) -> OfficeConventions:
    return OfficeConventions(**values)


@pytest.mark.parametrize(
    "values, day_part, expected",
    [
        ({}, "বিকাল", "বিকাল ০৩.০০টা"),
        ({"time_suffix": "ঘটিকা", "time_suffix_spaced": True, "time_full_stop": True}, "", "১২.০০ ঘটিকা।"),
        ({"time_suffix": "ঘটিকা", "time_suffix_spaced": True}, "বেলা", "বেলা ১২.০০ ঘটিকা"),
        ({"time_separator": ":", "time_suffix": ""}, "সকাল", "সকাল ১০:৩০"),
        ({"time_suffix": "ঘটিকা"}, "", "১৫.০০ঘটিকা"),  # no day-part word: the 24-hour clock
    ],
)
def test_the_time_is_written_with_the_chosen_word_separator_and_suffix(values, day_part, expected):
    time = {"বিকাল": T(15), "বেলা": T(12), "সকাল": T(10, 30)}.get(
        day_part, T(12) if values.get("time_full_stop") else T(15)
    )
    assert by.meeting_time(conventions(**values), time, day_part) == expected


@pytest.mark.parametrize(
    "form, expected",
    [
        ("dotted_era", "১৭.০২.২০২১ খ্রিস্টাব্দ"),
        ("dotted", "১৭.০২.২০২১"),
        ("slashed", "১৭/০২/২০২১"),
        ("slashed_era_short", "১৭/০২/২০২১ খ্রি:"),
        ("dashed", "১৭-০২-২০২১"),
        ("long", "১৭ ফেব্রুয়ারি ২০২১"),
        ("comma", "১৭ ফেব্রুয়ারি, ২০২১"),
        ("long_era", "১৭ ফেব্রুয়ারি ২০২১ খ্রিস্টাব্দ"),
    ],
)
def test_every_date_form_prints_as_its_example(form, expected):
    assert by.meeting_date(conventions(date_form=form), D(2021, 2, 17)) == expected


@pytest.mark.parametrize(
    "values, expected",
    [
        ({}, ("১.০ আলোচ্য সূচি-১: অগ্রগতি", "১.১ আলোচনা:", "১.২ সিদ্ধান্ত:")),
        ({"agenda_heading": "আলোচ্য বিষয়:", "agenda_numbering": "dari"}, ("১। আলোচ্য বিষয়: অগ্রগতি", "আলোচনা:", "সিদ্ধান্ত:")),
        ({"agenda_heading": "", "agenda_numbering": "dot"}, ("১. অগ্রগতি", "আলোচনা:", "সিদ্ধান্ত:")),
        ({"agenda_heading": "বিষয় #:", "agenda_numbering": "none", "decisions_label": "সিদ্ধান্তসমূহ:"}, ("বিষয় ১: অগ্রগতি", "আলোচনা:", "সিদ্ধান্তসমূহ:")),
    ],
)  # fmt: skip
def test_agenda_headings_follow_the_wording_and_numbering(values, expected):
    labels = by.agenda_labels(conventions(**values), 1, "অগ্রগতি", has_discussion=True)
    assert (labels.heading, labels.discussion, labels.decisions) == expected


@pytest.mark.parametrize(
    "form, letter, number",
    [("right_paren", "ক)", "১)"), ("parens", "(ক)", "(১)"), ("dot", "ক.", "১."), ("dari", "ক।", "১।")],
)
def test_letters_and_numbers_in_each_form(form, letter, number):
    assert (by.numbered(form, "ক"), by.numbered(form, "১")) == (letter, number)


def test_the_memo_block_and_the_issue_date_forms():
    day = D(2024, 8, 4)
    assert by.issue_dates(conventions(), day) == ("২০ শ্রাবণ ১৪৩১", "৪ আগস্ট ২০২৪")
    assert by.issue_dates(conventions(issue_date_form="padded"), day) == ("২০ শ্রাবণ ১৪৩১", "০৪ আগস্ট ২০২৪")
    padded_era = by.issue_dates(conventions(issue_date_form="padded_era"), day)
    assert padded_era == ("২০ শ্রাবণ ১৪৩১ বঙ্গাব্দ", "০৪ আগস্ট ২০২৪ খ্রিস্টাব্দ")
    memo = by.memo_block(conventions(memo_label="নম্বর:", memo_layout="dates_first"), "32.01.48", day)
    assert (memo.label, memo.number, memo.dates_first) == ("নম্বর:", "৩২.০১.৪৮", True)
    assert by.memo_block(conventions(), "", None) is None
    assert by.signature_date(conventions(signature_date_form="dashed"), day) == "০৪-০৮-২০২৪"
    assert by.signature_date(conventions(), day) == ""  # none unless the office prints one


# -- the office's conventions, a new draft's copy, the meeting's own --------------------------------------
@pytest.mark.django_db
def test_a_new_draft_starts_with_the_offices_conventions_and_keeps_its_copy(alice, office_a):
    OfficeConventions.objects.create(office=office_a, **preset_values("ministry"))
    meeting = content.meeting_create(
        office=office_a, by=alice, date=D(2022, 8, 28), start_time=T(12), venue="কক্ষ", title="সভা"
    )
    assert (meeting.date_form, meeting.time_suffix, meeting.show_letterhead) == ("comma", "ঘটিকা", False)
    office_a.conventions.date_form = "dotted"
    office_a.conventions.save()
    meeting.refresh_from_db()
    assert meeting.date_form == "comma"  # a draft already started keeps its copy


@pytest.mark.django_db
def test_a_correction_keeps_the_meetings_conventions(alice, office_a):
    meeting = MeetingFactory(office=office_a, created_by=alice, letter_form="parens", running_header="সভা")
    meeting.agenda_items.create(order=0, title="বিষয়", discussion="")
    Meeting.objects.filter(pk=meeting.pk).update(state=Meeting.State.ISSUED, memo_number="1.1")
    meeting.refresh_from_db()
    copy = workflow.minutes_correct(meeting=meeting, by=alice)
    assert (copy.letter_form, copy.running_header) == ("parens", "সভা")


@pytest.mark.django_db
def test_the_editor_changes_the_conventions_of_this_meeting_alone(client, alice, office_a):
    meeting = MeetingFactory(office=office_a, created_by=alice)
    client.force_login(alice)
    url = reverse("minutes:edit", args=[meeting.pk])
    page = client.get(url).content.decode()
    assert "দলিলটি কীভাবে লেখা হবে" in page and 'name="conventions-date_form"' in page
    values = {
        f"conventions-{k}": v for k, v in OfficeConventions().conventions().items() if v not in (False, "")
    }
    post = editor_post(items=[{"title": "বিষয়", "discussion": "<p>আলোচনা</p>"}])
    values.update(
        {"conventions-shown": "1", "conventions-letter_form": "dari", "conventions-date_form": "comma"}
    )
    assert client.post(url, {**post, **values}).status_code == 302
    meeting.refresh_from_db()
    assert (meeting.letter_form, meeting.date_form) == ("dari", "comma")
    assert not OfficeConventions.objects.filter(office=office_a).exists()
    # A POST without the fieldset (an older page, a script) keeps them.
    assert client.post(url, post).status_code == 302
    meeting.refresh_from_db()
    assert meeting.letter_form == "dari"
    # A forged choice is refused in Bangla; nothing saved.
    response = client.post(url, {**post, **values, "conventions-letter_form": "<b>"})
    assert response.status_code == 400
    assert "সঠিক বিকল্প নির্বাচন করুন" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.letter_form == "dari"


# -- the settings page ------------------------------------------------------------------------------------
@pytest.fixture
def page(office_a):
    return reverse("minutes:conventions", args=[office_a.pk])


@pytest.mark.django_db
def test_the_administrator_sets_the_conventions_and_the_change_is_audited(client, alice, office_a, page):
    client.force_login(alice)
    shown = client.get(page).content.decode()
    assert "দলিলের রীতি" in shown and "১৭.০২.২০২১ খ্রিস্টাব্দ" in shown
    values = {**preset_values("directorate"), "running_header": "সভার কার্যবিবরণী"}
    data = {k: v for k, v in values.items() if v is not False}
    assert client.post(page, data).status_code == 302
    saved = OfficeConventions.objects.get(office=office_a)
    assert (saved.memo_label, saved.recipient_number_form, saved.running_header) == (
        "নম্বর:",
        "dari",
        "সভার কার্যবিবরণী",
    )
    entry = AuditEntry.objects.get(office=office_a)
    assert entry.actor == alice and entry.changes["memo_label"] == ["স্মারক নম্বর:", "নম্বর:"]


@pytest.mark.django_db
def test_a_preset_fills_the_form_without_saving(client, alice, office_a, page):
    client.force_login(alice)
    response = client.post(page, {"preset": "ministry"})
    html = response.content.decode()
    assert response.status_code == 200 and not OfficeConventions.objects.exists()
    assert '<option value="comma" selected>' in html  # the preset's date form, filled in
    assert "২৮ ফেব্রুয়ারি" not in html and "১৭ ফেব্রুয়ারি, ২০২১" in html  # the preview shows it
    assert client.post(page, {"preset": "nonsense"}).status_code == 400


@pytest.mark.django_db
def test_bad_values_are_refused_in_bangla_and_nothing_is_saved(client, alice, office_a, page):
    client.force_login(alice)
    data = {k: v for k, v in preset_values("sections").items() if v is not False}
    response = client.post(page, {**data, "date_form": "yyyy", "memo_label": "ক" * 41})
    html = response.content.decode()
    assert response.status_code == 400
    assert "সঠিক বিকল্প নির্বাচন করুন" in html and "কিছুই সংরক্ষণ করা হয়নি" in html
    assert not OfficeConventions.objects.exists() and not AuditEntry.objects.exists()


@pytest.mark.django_db
def test_the_live_preview_shows_the_values_being_chosen_and_writes_nothing(client, alice, office_a):
    client.force_login(alice)
    values = {k: v for k, v in preset_values("directorate").items() if v is not False}
    url = reverse("minutes:conventions_preview", args=[office_a.pk])
    html = client.get(url, values).content.decode()
    for expected in (
        "১৭/০২/২০২১ খ্রি:",
        "বিকাল ০৩.০০ ঘটিকা",
        "(ক) উদ্ভাবনী",
        "১। অধিদপ্তর",
        "নম্বর: ৫৮.০০",
        "২২-০২-২০২১",
    ):
        assert expected in html
    assert not OfficeConventions.objects.exists()


@pytest.mark.django_db
def test_only_the_offices_administrators_reach_the_page(client, alice, charlie, office_a, page):
    drafter = user_with_role(office_a, R.DRAFTER, username="dina")
    client.force_login(drafter)
    assert client.get(page).status_code == 403
    assert client.post(page, {"date_form": "comma"}).status_code == 403
    client.force_login(charlie)  # another office's administrator does not even see it
    assert client.get(page).status_code == 404
    assert client.get(reverse("minutes:conventions_preview", args=[office_a.pk])).status_code == 404
    assert not OfficeConventions.objects.exists()


@pytest.mark.django_db
def test_drafts_started_before_keep_the_day_part_they_printed(alice, office_a):
    """The migration: an empty day-part used to print the word the hour suggests; now it prints none."""
    morning = MeetingFactory(office=office_a, created_by=alice, start_time=T(10), day_part="")
    dawn = MeetingFactory(office=office_a, created_by=alice, start_time=T(4, 30), day_part="")
    chosen = MeetingFactory(office=office_a, created_by=alice, start_time=T(12), day_part="বেলা")
    migration = importlib.import_module("minutes.migrations.0007_document_conventions")
    migration.keep_printed_day_part(apps, None)
    for meeting in (morning, dawn, chosen):
        meeting.refresh_from_db()
    assert (morning.day_part, dawn.day_part, chosen.day_part) == ("সকাল", "রাত", "বেলা")
