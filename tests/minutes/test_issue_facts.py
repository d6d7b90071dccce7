"""The issue facts the issuing officer chooses: the issue date (today in Dhaka unless changed; never
before the approval nor in the future), who signs the memo block (as typed in the editor, or an
issuing officer of the office; never silently replaced), and the file (none pre-selected; the memo
number shown before confirming). Working-day deadlines count from the issue date chosen.

The minutes are approved on Sunday 1 September 2024; "today" is Thursday 5 September 2024."""

import datetime
import re
import zoneinfo

import pytest
import time_machine
from django.urls import reverse

from minutes.document.render import render_html
from minutes.models import Decision, Meeting, Transition
from minutes.workflow import services as workflow
from minutes.workflow.steps import StepRefused
from offices.models import GovernmentFile, OfficeRole
from tests.factories import GovernmentFileFactory, MeetingFactory, OfficialFactory, user_with_role

R = OfficeRole.Role
S = Meeting.State
DHAKA = zoneinfo.ZoneInfo("Asia/Dhaka")
APPROVED_AT = datetime.datetime(2024, 9, 1, 11, 0, tzinfo=DHAKA)
TODAY = datetime.datetime(2024, 9, 5, 10, 0, tzinfo=DHAKA)
NUMBER = "58.00.0000.018.31.006.17"
NEXT_MEMO = f"{NUMBER}.26"
NEXT_MEMO_BN = "৫৮.০০.০০০০.০১৮.৩১.০০৬.১৭.২৬"
TYPED = ("জনাব টাইপ করা নাম", "সিনিয়র সহকারী সচিব")


@pytest.fixture
def today():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def people(office_a):
    def user(name, *roles):
        u = user_with_role(office_a, *roles)
        u.official = OfficialFactory(office=office_a, name=name, designation="উপসচিব")
        u.save()
        return u

    return {
        "drafter": user("মোঃ আবদুল কাদির", R.DRAFTER),
        "approver": user("ড. তরুণ কান্তি শিকদার", R.APPROVER),
        "issuer": user("জনাব মো: মনিরুজ্জামান", R.ISSUER),
        "deputy": user("বেগম সালমা খাতুন", R.ISSUER),  # another issuing officer of the office
    }


@pytest.fixture
def nothi(office_a):
    return GovernmentFileFactory(office=office_a, number=NUMBER, last_serial=25)


@pytest.fixture
def meeting(office_a, people, nothi):
    """Approved on 1 September 2024, with the memo block's officer typed in the editor and a decision
    due 7 working days after the issue."""
    meeting = MeetingFactory(
        office=office_a,
        created_by=people["drafter"],
        date=datetime.date(2024, 8, 28),
        issuer_name=TYPED[0],
        issuer_designation=TYPED[1],
    )
    item = meeting.agenda_items.create(order=0, title="বিবিধ")
    item.decisions.create(
        order=0,
        text="প্রমাণক সংরক্ষণ করবে।",
        deadline_kind=Decision.Deadline.WORKING_DAYS,
        deadline_working_days=7,
    )
    with time_machine.travel(APPROVED_AT, tick=False):
        workflow.meeting_submit(meeting=meeting, by=people["drafter"])
        workflow.meeting_approve(meeting=meeting, by=people["approver"])
    return Meeting.objects.select_related("office").get(pk=meeting.pk)


def assert_nothing_issued(meeting, nothi):
    meeting = Meeting.objects.get(pk=meeting.pk)
    assert meeting.state == S.APPROVED and meeting.memo_number == "" and meeting.issue_date is None
    assert (meeting.issuer_name, meeting.issuer_designation) == TYPED
    assert GovernmentFile.objects.get(pk=nothi.pk).last_serial == 25  # no serial used up
    assert not Transition.objects.filter(meeting=meeting, to_state=S.ISSUED).exists()


# ---- The service -------------------------------------------------------------------------------------


def test_it_issues_with_todays_date_in_dhaka_by_default(meeting, people, nothi):
    with time_machine.travel(datetime.datetime(2024, 9, 4, 20, 30, tzinfo=datetime.UTC), tick=False):
        issued = workflow.minutes_issue(meeting=meeting, government_file=nothi, by=people["issuer"])
    assert issued.issue_date == datetime.date(2024, 9, 5)  # already the 5th in Dhaka


@pytest.mark.parametrize(
    "day, reason",
    [
        (datetime.date(2024, 8, 31), "অনুমোদনের তারিখ ০১.০৯.২০২৪-এর আগে হতে পারে না"),
        (datetime.date(2024, 9, 6), "ভবিষ্যতের হতে পারে না: আজ ০৫.০৯.২০২৪"),
    ],
)
def test_an_issue_date_before_the_approval_or_in_the_future_is_refused_and_uses_nothing(
    today, meeting, people, nothi, day, reason
):
    with pytest.raises(StepRefused, match=reason):
        workflow.minutes_issue(meeting=meeting, government_file=nothi, by=people["issuer"], issue_date=day)
    assert_nothing_issued(meeting, nothi)


def test_the_approval_day_itself_may_be_the_issue_date(today, meeting, people, nothi):
    issued = workflow.minutes_issue(
        meeting=meeting, government_file=nothi, by=people["issuer"], issue_date=datetime.date(2024, 9, 1)
    )
    assert Meeting.objects.get(pk=issued.pk).issue_date == datetime.date(2024, 9, 1)


def test_the_officer_typed_in_the_editor_is_not_replaced_by_the_one_who_clicks(today, meeting, people, nothi):
    workflow.minutes_issue(meeting=meeting, government_file=nothi, by=people["issuer"])
    issued = Meeting.objects.get(pk=meeting.pk)
    assert (issued.issuer_name, issued.issuer_designation) == TYPED
    assert issued.issuer_id is None
    assert Transition.objects.get(meeting=meeting, to_state=S.ISSUED).by_name == "জনাব মো: মনিরুজ্জামান"


def test_the_chosen_issuing_officer_signs_the_memo_block(today, meeting, people, nothi):
    deputy = people["deputy"].official
    workflow.minutes_issue(meeting=meeting, government_file=nothi, by=people["issuer"], signer=deputy)
    issued = Meeting.objects.get(pk=meeting.pk)
    assert (issued.issuer_id, issued.issuer_name, issued.issuer_designation) == (
        deputy.pk,
        "বেগম সালমা খাতুন",
        "উপসচিব",
    )


def test_an_official_without_the_issuer_role_may_not_sign(today, meeting, people, nothi, office_b):
    for official in (people["approver"].official, OfficialFactory(office=office_b)):
        with pytest.raises(StepRefused, match="জারিকারী কর্মকর্তা"):
            workflow.minutes_issue(
                meeting=meeting, government_file=nothi, by=people["issuer"], signer=official
            )
    assert_nothing_issued(meeting, nothi)


def test_a_memo_number_taken_meanwhile_is_refused_and_uses_nothing(today, meeting, people, nothi):
    GovernmentFile.objects.filter(pk=nothi.pk).update(last_serial=25)
    with pytest.raises(StepRefused, match="৫৮.০০.০০০০.০১৮.৩১.০০৬.১৭.২৬"):
        workflow.minutes_issue(
            meeting=meeting,
            government_file=nothi,
            by=people["issuer"],
            expected_memo_number=f"{NUMBER}.25",  # what the issuer saw before another letter took 26
        )
    assert_nothing_issued(meeting, nothi)


def test_working_days_count_from_the_issue_date_chosen(today, meeting, people, nothi):
    Meeting.objects.filter(pk=meeting.pk).update(print_deadlines=True)  # printed by choice
    meeting.refresh_from_db()
    workflow.minutes_issue(
        meeting=meeting, government_file=nothi, by=people["issuer"], issue_date=datetime.date(2024, 9, 1)
    )
    html = render_html(Meeting.objects.select_related("office").get(pk=meeting.pk))
    # 7 working days from Sunday 1 September end on Tuesday 10 September (from "today", the 17th).
    assert "১০.০৯.২০২৪" in html and "১৭.০৯.২০২৪" not in html
    assert '১৭ ভাদ্র ১৪৩১</span> <span class="gregorian-date">১ সেপ্টেম্বর ২০২৪' in html  # the memo line's date


# ---- The pages ---------------------------------------------------------------------------------------


def options(html: str, name: str) -> list[tuple[str, bool, str]]:
    """(value, selected, label) of each option of the <select name=…>."""
    select = re.search(rf'<select name="{name}".*?</select>', html, re.DOTALL)
    assert select, f"no select {name}"
    return [
        (value, " selected" in attrs, label.strip())
        for value, attrs, label in re.findall(
            r'<option value="([^"]*)"([^>]*)>(.*?)</option>', select[0], re.DOTALL
        )
    ]


def review_url(meeting, **params):
    from urllib.parse import urlencode

    return reverse("minutes:issue", args=[meeting.pk]) + "?" + urlencode(params)


def test_the_meetings_page_picks_no_file_and_offers_today_and_the_typed_officer(
    client, today, meeting, people, nothi
):
    GovernmentFileFactory(office=meeting.office, number="58.00.0000.018.31.007.17", last_serial=0)
    client.force_login(people["issuer"])
    html = client.get(reverse("minutes:detail", args=[meeting.pk])).content.decode()
    files = options(html, "government_file")
    assert files[0] == ("", True, "নথি বাছাই করুন") and not any(selected for _, selected, _ in files[1:])
    assert f"(স্মারক নম্বর হবে: {NEXT_MEMO_BN})" in files[1][2]
    assert "(স্মারক নম্বর হবে: ৫৮.০০.০০০০.০১৮.৩১.০০৭.১৭.১)" in files[2][2]  # each file its own number
    assert 'name="issue_date" value="০৫.০৯.২০২৪"' in html
    signers = options(html, "signer")
    assert signers[0] == ("typed", True, f"সম্পাদকে যেমন লেখা হয়েছে: {TYPED[0]}, {TYPED[1]}")
    assert {label for _, _, label in signers[1:]} == {"জনাব মো: মনিরুজ্জামান, উপসচিব", "বেগম সালমা খাতুন, উপসচিব"}


def test_with_nothing_typed_the_issuer_is_offered_themselves_but_not_forced(client, today, meeting, people):
    Meeting.objects.filter(pk=meeting.pk).update(issuer_name="", issuer_designation="")
    client.force_login(people["issuer"])
    html = client.get(reverse("minutes:detail", args=[meeting.pk])).content.decode()
    signers = options(html, "signer")
    assert signers[0][0] == "typed" and "স্বাক্ষর থাকবে না" in signers[0][2]
    assert [label for _, selected, label in signers if selected] == ["জনাব মো: মনিরুজ্জামান, উপসচিব"]


def test_the_review_shows_the_memo_number_the_date_in_both_calendars_and_the_signer(
    client, today, meeting, people, nothi
):
    client.force_login(people["issuer"])
    deputy = people["deputy"].official
    response = client.get(
        review_url(meeting, government_file=nothi.pk, issue_date="০১.০৯.২০২৪", signer=deputy.pk)
    )
    assert response.status_code == 200
    html = response.content.decode()
    review = re.search(r'id="issue-review".*?</section>', html, re.DOTALL)[0]
    assert NEXT_MEMO_BN in review
    assert "১৭ ভাদ্র ১৪৩১ / ১ সেপ্টেম্বর ২০২৪" in review
    assert "বেগম সালমা খাতুন" in review
    for name, value in [
        ("government_file", nothi.pk),
        ("issue_date", "01.09.2024"),
        ("signer", deputy.pk),
        ("expected_memo_number", NEXT_MEMO),
    ]:
        assert f'name="{name}" value="{value}"' in review  # the confirming form sends what was shown
    assert_nothing_issued(meeting, nothi)  # reviewing writes nothing


def test_confirming_issues_what_was_reviewed(client, today, meeting, people, nothi):
    client.force_login(people["issuer"])
    deputy = people["deputy"].official
    response = client.post(
        reverse("minutes:step", args=[meeting.pk, "issue"]),
        {
            "government_file": nothi.pk,
            "issue_date": "০২.০৯.২০২৪",
            "signer": deputy.pk,
            "expected_memo_number": NEXT_MEMO,
        },
    )
    assert response.status_code == 302
    issued = Meeting.objects.get(pk=meeting.pk)
    assert (issued.state, issued.memo_number, issued.issue_date) == (
        S.ISSUED,
        NEXT_MEMO,
        datetime.date(2024, 9, 2),
    )
    assert (issued.issuer_name, issued.issuer_designation) == ("বেগম সালমা খাতুন", "উপসচিব")
    page = client.get(response["Location"]).content.decode()
    assert "১৮ ভাদ্র ১৪৩১ / ২ সেপ্টেম্বর ২০২৪" in page


@pytest.mark.parametrize(
    "typed_date, reason",
    [
        ("৩১.০৮.২০২৪", "জারির তারিখ কার্যবিবরণী অনুমোদনের তারিখ ০১.০৯.২০২৪-এর আগে হতে পারে না।"),
        ("06/09/2024", "জারির তারিখ ভবিষ্যতের হতে পারে না: আজ ০৫.০৯.২০২৪।"),
        ("৩১.০২.২০২৪", "৩১.০২.২০২৪ তারিখ নেই: ওই মাসে ২৯ দিন।"),
        ("", "জারির তারিখ দিন।"),
    ],
)
def test_a_refused_issue_date_is_said_in_bangla_with_the_form_kept(
    client, today, meeting, people, nothi, typed_date, reason
):
    client.force_login(people["issuer"])
    response = client.post(
        reverse("minutes:step", args=[meeting.pk, "issue"]),
        {"government_file": nothi.pk, "issue_date": typed_date, "signer": "typed"},
    )
    assert response.status_code == 400
    (error,) = response.context["form"].errors["issue_date"]
    assert reason in error
    html = response.content.decode()
    assert reason.split(":")[0] in html
    assert options(html, "government_file")[1][1]  # the file picked stays picked
    assert_nothing_issued(meeting, nothi)


def test_no_file_picked_is_refused(client, today, meeting, people, nothi):
    client.force_login(people["issuer"])
    response = client.post(
        reverse("minutes:step", args=[meeting.pk, "issue"]),
        {"government_file": "", "issue_date": "০৫.০৯.২০২৪", "signer": "typed"},
    )
    assert response.status_code == 400
    assert response.context["form"].errors["government_file"] == ["যে নথি থেকে জারি হবে তা বেছে নিন।"]
    assert_nothing_issued(meeting, nothi)


def test_an_officer_who_may_not_sign_is_refused_on_the_form(client, today, meeting, people, nothi):
    client.force_login(people["issuer"])
    response = client.post(
        reverse("minutes:step", args=[meeting.pk, "issue"]),
        {"government_file": nothi.pk, "issue_date": "০৫.০৯.২০২৪", "signer": people["approver"].official_id},
    )
    assert response.status_code == 400 and "জারিকারী কর্মকর্তা" in response.context["form"].errors["signer"][0]
    assert_nothing_issued(meeting, nothi)


def test_only_an_issuing_officer_of_the_office_reviews(client, today, meeting, people, nothi, charlie):
    client.force_login(people["drafter"])
    response = client.get(review_url(meeting, government_file=nothi.pk))
    assert response.status_code == 302 and response["Location"] == reverse(
        "minutes:detail", args=[meeting.pk]
    )
    client.force_login(charlie)
    assert client.get(review_url(meeting)).status_code == 404


def test_a_memo_number_taken_between_review_and_confirmation_is_refused(
    client, today, meeting, people, nothi
):
    client.force_login(people["issuer"])
    response = client.post(
        reverse("minutes:step", args=[meeting.pk, "issue"]),
        {
            "government_file": nothi.pk,
            "issue_date": "০৫.০৯.২০২৪",
            "signer": "typed",
            "expected_memo_number": f"{NUMBER}.25",
        },
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "কিছুই জারি হয়নি" in page and NEXT_MEMO_BN in page
    assert_nothing_issued(meeting, nothi)
