"""The minutes editor: a drafter types a whole meeting, saves, and finds it again as typed."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from minutes.models import AgendaItem, Decision, Meeting, Recipient, Responsibility
from offices.models import OfficeRole
from tests.factories import BranchFactory, MeetingFactory, user_with_role
from tests.minutes.editor_data import editor_post, sized_post, with_saved_ids

R = OfficeRole.Role

ITEMS_000 = [
    {
        "title": "সুরক্ষা সেবা বিভাগ এবং অধীন অধিদপ্তরসমূহের বার্ষিক উদ্ভাবন কর্মপরিকল্পনা বাস্তবায়নের অগ্রগতি পর্যালোচনা",
        "discussion": "সভায় উপস্থিত সদস্যবৃন্দ প্রতিটি কার্যক্রম নিয়ে বিস্তারিত আলোচনা করেন।",
        "decisions": [
            {"text": "ন্যূনতম একটি ডিজিটাল সেবা তৈরি ও বাস্তবায়ন ১৫.০২.২০২১ তারিখের মধ্যে সম্পন্ন করা।",
             "responsible": "ইনোভেশন শাখা", "deadline_kind": "date", "deadline_date": "2021-02-25"},
            {"text": "মার্চ ২০২১ এর মধ্যে ০১(এক) দিনের একটি কর্মশালা আয়োজন সম্পন্ন করা।",
             "responsible": "ইনোভেশন শাখা, কারা অধিদপ্তর"},
        ],
    },
    {"title": "বিবিধ।", "discussion": "", "decisions": [{"text": "প্রমাণক সংরক্ষণ করবে।"}]},
]  # fmt: skip


@pytest.fixture
def meeting(alice, office_a):
    return MeetingFactory(office=office_a, created_by=alice, date="2021-02-17")


def edit_url(meeting):
    return reverse("minutes:edit", args=[meeting.pk])


def test_it_saves_a_whole_meeting_and_shows_it_again_as_typed(client, alice, meeting, office_a):
    BranchFactory(office=office_a, name="ইনোভেশন শাখা")
    client.force_login(alice)
    post = editor_post(
        items=ITEMS_000,
        attendees=[{"name": "মো: এনামুল হক", "designation": "উপসচিব", "mobile": "০১৭১০৭৬৫১৩৩"}],
        recipients=[{"designation": "অধিদপ্তর প্রধান (সকল)", "office_name": "সুরক্ষা সেবা বিভাগ",
                     "request": "ওয়েবসাইটে প্রকাশের অনুরোধ করা হলো", "email": "dg@example.gov.bd"}],
    )  # fmt: skip
    response = client.post(edit_url(meeting), post)
    assert response.status_code == 302

    meeting.refresh_from_db()
    assert meeting.venue == "Zoom Online Platform"
    items = list(meeting.agenda_items.all())
    assert [i.title for i in items] == [ITEMS_000[0]["title"], "বিবিধ।"]
    assert items[0].discussion == "<p>সভায় উপস্থিত সদস্যবৃন্দ প্রতিটি কার্যক্রম নিয়ে বিস্তারিত আলোচনা করেন।</p>"
    first, second = items[0].decisions.all()
    assert first.deadline_date.isoformat() == "2021-02-25"
    assert [r.label for r in second.responsibilities.all()] == ["ইনোভেশন শাখা", "কারা অধিদপ্তর"]
    assert meeting.attendees.get().mobile == "01710765133"

    page = client.get(edit_url(meeting)).content.decode()
    for typed in ("Zoom Online Platform", "বিবিধ।", "ইনোভেশন শাখা, কারা অধিদপ্তর", "ওয়েবসাইটে প্রকাশের অনুরোধ করা হলো",
                  "মো: এনামুল হক", "উপসচিব (অতিরিক্ত দায়িত্ব)", 'value="২৫.০২.২০২১"'):  # fmt: skip
        assert typed in page


def test_a_second_save_updates_rows_in_place(client, alice, meeting):
    client.force_login(alice)
    client.post(edit_url(meeting), editor_post(items=ITEMS_000))
    item_ids = list(AgendaItem.objects.filter(meeting=meeting).values_list("id", flat=True))
    post = editor_post(items=[{**ITEMS_000[1], "id": str(item_ids[1]), "title": "বিবিধ (সংশোধিত)"}])
    assert client.post(edit_url(meeting), post).status_code == 302
    assert list(meeting.agenda_items.values_list("id", "title")) == [(item_ids[1], "বিবিধ (সংশোধিত)")]


def test_responsible_names_link_to_the_portal_or_are_flagged_as_outside(client, alice, meeting, office_a):
    branch = BranchFactory(office=office_a, name="ইনোভেশন শাখা")
    client.force_login(alice)
    client.post(edit_url(meeting), editor_post(items=ITEMS_000))
    labels = {r.label: r for r in Responsibility.objects.filter(decision__agenda_item__meeting=meeting)}
    assert labels["ইনোভেশন শাখা"].branch == branch
    assert labels["কারা অধিদপ্তর"].is_outside_portal
    page = client.get(edit_url(meeting)).content.decode()
    assert "পোর্টালের বাইরের নাম" in page


def _assert_nothing_saved(meeting):
    meeting_before = Meeting.objects.get(pk=meeting.pk)
    assert not AgendaItem.objects.filter(meeting=meeting).exists()
    assert meeting_before.title == meeting.title


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"title": ""}, "এই ঘরটি অবশ্যই পূরণ করতে হবে।"),
        ({"date": "1969-03-01"}, "সভার তারিখ ১৬ ডিসেম্বর ১৯৭১ থেকে আজ থেকে এক বছরের মধ্যে হতে হবে।"),
        ({"date": "2090-01-01"}, "সভার তারিখ ১৬ ডিসেম্বর ১৯৭১ থেকে আজ থেকে এক বছরের মধ্যে হতে হবে।"),
        ({"start_time": "25:00"}, "এমন সময় নেই: ঘণ্টা ২৩ পর্যন্ত, মিনিট ৫৯ পর্যন্ত।"),
    ],
)
def test_bad_header_is_refused_in_bangla_and_the_form_keeps_what_was_typed(
    client, alice, meeting, change, message
):
    client.force_login(alice)
    response = client.post(edit_url(meeting), editor_post(header=change, items=ITEMS_000))
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert "কিছুই সংরক্ষণ করা হয়নি" in page
    assert ITEMS_000[0]["decisions"][1]["text"] in page  # what was typed is still there
    _assert_nothing_saved(meeting)


def test_an_empty_agenda_is_refused(client, alice, meeting):
    client.force_login(alice)
    response = client.post(edit_url(meeting), editor_post(items=[{"title": "", "discussion": ""}]))
    assert response.status_code == 400
    assert "কার্যবিবরণীতে অন্তত একটি আলোচ্যসূচি থাকতে হবে।" in response.content.decode()


def test_a_decision_without_its_agenda_title_and_a_deadline_before_the_meeting_are_refused(
    client, alice, meeting
):
    client.force_login(alice)
    items = [
        {"title": "", "decisions": [{"text": "ক", "deadline_kind": "date", "deadline_date": "2021-01-01"}]}
    ]
    page = client.post(edit_url(meeting), editor_post(items=items)).content.decode()
    assert "আলোচ্যসূচির শিরোনাম দিন।" in page
    assert "সময়সীমা সভার তারিখের আগে হতে পারে না।" in page
    _assert_nothing_saved(meeting)


def test_a_bad_recipient_email_saves_nothing_at_all(client, alice, meeting):
    client.force_login(alice)
    response = client.post(edit_url(meeting), editor_post(items=ITEMS_000, recipients=[{"designation": "উপসচিব",
                                                                                        "email": "not-an-address"}]))  # fmt: skip
    assert response.status_code == 400
    assert "সঠিক ই-মেইল ঠিকানা লিখুন।" in response.content.decode()
    _assert_nothing_saved(meeting)


def test_pasted_word_html_is_cleaned_but_keeps_tables_and_formatting(client, alice, meeting):
    word = (
        "<html><head><style>p{color:red}</style><script>alert(1)</script></head><body>"
        "<!--[if gte mso 9]><xml><o:OfficeDocumentSettings/></xml><![endif]-->"
        '<p class="MsoNormal" style="font-family:SutonnyMJ" onclick="steal()"><b>দপ্তরের নাম</b> ও ধারণা</p>'
        '<table border="1" onmouseover="x()"><tr><th>দপ্তরের নাম</th><th>উদ্ভাবনী ধারণা</th></tr>'
        '<tr><td>কারা অধিদপ্তর</td><td>ই-সাক্ষাৎ <a href="javascript:alert(1)">লিংক</a></td></tr></table>'
        "<img src=x onerror=alert(1)></body></html>"
    )
    client.force_login(alice)
    client.post(edit_url(meeting), editor_post(items=[{"title": "উদ্ভাবনী ধারণা", "discussion": word}]))
    saved = meeting.agenda_items.get().discussion
    for gone in (
        "script",
        "alert",
        "style",
        "onclick",
        "onmouseover",
        "onerror",
        "class=",
        "<img",
        "mso",
        "javascript",
    ):
        assert gone not in saved
    assert "<b>দপ্তরের নাম</b>" in saved
    assert "<th>উদ্ভাবনী ধারণা</th>" in saved and "<td>কারা অধিদপ্তর</td>" in saved


def test_big_and_mixed_content_is_kept_whole(client, alice, meeting):
    long_decision = "সিদ্ধান্ত " * 625  # 5,000 characters
    mixed = "র‍্যাব ও ক্‌ষ: e-Nothi 😀 ডি-নথিতে ৯২% অর্জন"  # ZWJ, ZWNJ-like virama, emoji, Latin
    items = [{"title": f"আলোচ্যসূচি {i}", "decisions": [{"text": long_decision if i == 0 else mixed}]}
             for i in range(200)]  # fmt: skip
    client.force_login(alice)
    assert client.post(edit_url(meeting), editor_post(items=items)).status_code == 302
    assert meeting.agenda_items.count() == 200
    texts = set(Decision.objects.filter(agenda_item__meeting=meeting).values_list("text", flat=True))
    assert texts == {f"<p>{long_decision.strip()}</p>", f"<p>{mixed}</p>"}  # rich text, as typed
    assert "\u200d" in mixed


def test_rows_are_added_moved_and_removed_without_saving_then_saved_in_that_order(client, alice, meeting):
    client.force_login(alice)
    post = editor_post(items=[{"title": "প্রথম"}, {"title": "দ্বিতীয়"}, {"title": "তৃতীয়"}])
    page = client.post(edit_url(meeting), {**post, "action": "add:items"}).content.decode()
    assert 'name="items-3-title"' in page and 'name="items-3-decisions-0-text"' in page
    assert not AgendaItem.objects.filter(meeting=meeting).exists()  # nothing saved yet

    moved = client.post(edit_url(meeting), {**post, "action": "up:items-2"}).content.decode()
    assert moved.index("তৃতীয়") < moved.index("দ্বিতীয়")
    # The browser posts back what the page now holds: the moved order and a removal.
    post.update({"items-1-ORDER": "3", "items-2-ORDER": "2", "items-0-DELETE": "on"})
    assert client.post(edit_url(meeting), post).status_code == 302
    assert list(meeting.agenda_items.values_list("title", flat=True)) == ["তৃতীয়", "দ্বিতীয়"]


def test_htmx_actions_answer_with_the_editor_to_swap_in_place(client, alice, meeting):
    client.force_login(alice)
    response = client.post(
        edit_url(meeting), {**editor_post(items=ITEMS_000), "action": "add:attendees"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert 'id="editor"' in response.content.decode()
    assert 'name="attendees-0-name"' in response.content.decode()


def test_saving_takes_the_same_number_of_queries_for_a_small_and_a_big_meeting(client, alice, office_a):
    client.force_login(alice)
    counts = []
    for size in ((1, 1, 1, 1), (10, 4, 30, 20)):
        meeting = MeetingFactory(office=office_a, created_by=alice, date="2021-02-17")
        client.post(edit_url(meeting), sized_post(*size))  # the first save creates the rows
        resave = with_saved_ids(sized_post(*size), meeting)
        with CaptureQueriesContext(connection) as queries:
            assert client.post(edit_url(meeting), resave).status_code == 302
        counts.append(len(queries))
    assert Decision.objects.filter(agenda_item__meeting__office=office_a).count() == 41
    assert counts[0] == counts[1]


def test_opening_the_editor_takes_the_same_number_of_queries_whatever_its_size(client, alice, office_a):
    client.force_login(alice)
    counts = []
    for size in ((1, 1, 1, 1), (10, 4, 30, 20)):
        meeting = MeetingFactory(office=office_a, created_by=alice, date="2021-02-17")
        client.post(edit_url(meeting), sized_post(*size))
        with CaptureQueriesContext(connection) as queries:
            assert client.get(edit_url(meeting)).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_other_offices_and_other_roles_get_nothing(client, charlie, meeting, office_a):
    post = editor_post(items=ITEMS_000)
    client.force_login(charlie)
    assert client.get(edit_url(meeting)).status_code == 404
    assert client.post(edit_url(meeting), post).status_code == 404
    approver = user_with_role(office_a, R.APPROVER)
    client.force_login(approver)
    for response in (
        client.get(edit_url(meeting), follow=True),
        client.post(edit_url(meeting), post, follow=True),
    ):
        assert response.redirect_chain == [(reverse("minutes:detail", args=[meeting.pk]), 302)]
        assert "প্রয়োজনীয় ভূমিকা নেই" in response.content.decode()  # the refusal, said on the meeting's page
    client.logout()
    assert client.get(edit_url(meeting)).status_code == 302  # to the log-in page
    assert not AgendaItem.objects.filter(meeting=meeting).exists()


def test_issued_minutes_cannot_be_edited_by_posting_to_the_editor(client, alice, meeting):
    Meeting.objects.filter(pk=meeting.pk).update(state=Meeting.State.ISSUED)
    client.force_login(alice)
    response = client.post(edit_url(meeting), editor_post(items=ITEMS_000), follow=True)
    assert response.redirect_chain == [(reverse("minutes:detail", args=[meeting.pk]), 302)]
    assert "এখন এটি করা যাবে না" in response.content.decode()
    assert not AgendaItem.objects.filter(meeting=meeting).exists()


def test_distribution_group_members_are_added_to_the_list(client, alice, meeting, office_a):
    from minutes.models import DistributionGroup

    group = DistributionGroup.objects.create(office=office_a, name="ইনোভেশন টিম")
    group.members.create(
        order=0, designation="প্রোগ্রামার", office_name="সুরক্ষা সেবা বিভাগ", email="p@example.gov.bd"
    )
    client.force_login(alice)
    page = client.post(
        reverse("minutes:add_group", args=[meeting.pk]), {**editor_post(items=ITEMS_000), "group": group.pk}
    ).content.decode()
    assert 'value="প্রোগ্রামার"' in page and 'value="p@example.gov.bd"' in page
    assert not Recipient.objects.filter(meeting=meeting).exists()


def test_the_teams_members_are_offered_as_attendees_and_all_rows_can_be_removed_at_once(
    client, alice, meeting, office_a
):
    from tests.factories import InnovationTeamFactory, OfficialFactory, TeamMemberFactory

    team = InnovationTeamFactory(office=office_a, name="ইনোভেশন টিম")
    for name in ("ড. তরুণ কান্তি শিকদার", "মোঃ আবদুল কাদির"):
        TeamMemberFactory(team=team, official=OfficialFactory(office=office_a, name=name))
    client.force_login(alice)
    post = {**editor_post(items=ITEMS_000, attendees=[{"name": "অতিথি"}]), "team": str(team.pk)}
    page = client.post(edit_url(meeting), {**post, "action": "team:attendees"}).content.decode()
    assert 'value="ড. তরুণ কান্তি শিকদার"' in page and 'value="মোঃ আবদুল কাদির"' in page and 'value="অতিথি"' in page
    cleared = client.post(edit_url(meeting), {**post, "action": "clear:attendees"}).content.decode()
    assert 'name="attendees-0-DELETE" value="True"' in cleared  # kept as removed rows, hidden
    assert 'class="attendee-row"' not in cleared
    assert not meeting.attendees.exists()  # nothing saved before "Save"
