"""The editor proposes the deadline a decision's words give; nothing is set until the drafter accepts,
and nothing is saved until the drafter saves."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from minutes.models import Decision
from offices.models import OfficeRole
from tests.factories import MeetingFactory, user_with_role
from tests.minutes.editor_data import editor_post

pytestmark = pytest.mark.django_db
R = OfficeRole.Role
WORKING_DAYS_TEXT = "সকল শাখা আগামী ০৭ (সাত) কার্যদিবসের মধ্যে তথ্য প্রেরণ করবে।"
PREFIX = "items-0-decisions-0"


@pytest.fixture
def meeting(alice, office_a):
    return MeetingFactory(office=office_a, created_by=alice, date="2021-02-17")


def edit_url(meeting):
    return reverse("minutes:edit", args=[meeting.pk])


def proposal_url(meeting):
    return reverse("minutes:deadline_proposal", args=[meeting.pk])


def post_with(text, **decision):
    return editor_post(items=[{"title": "ওয়েবসাইট", "decisions": [{"text": text, **decision}]}])


def test_the_editor_shows_the_proposal_of_a_saved_decision_without_a_deadline(client, alice, meeting):
    client.force_login(alice)
    assert client.post(edit_url(meeting), post_with("১৫.০৩.২০২১ তারিখের মধ্যে সম্পন্ন করা।")).status_code == 302
    page = client.get(edit_url(meeting)).content.decode()
    assert 'সময়সীমা প্রস্তাব: <strong class="proposed-deadline">১৫.০৩.২০২১</strong>' in page
    assert f'name="action" value="deadline:{PREFIX}"' in page and "গ্রহণ করুন" in page
    assert Decision.objects.get().deadline_kind == "none"  # proposed, never set silently


def test_accepting_fills_the_fields_unsaved_and_saving_keeps_them(client, alice, meeting):
    client.force_login(alice)
    post = post_with(WORKING_DAYS_TEXT)
    page = client.post(edit_url(meeting), {**post, "action": f"deadline:{PREFIX}"}, HTTP_HX_REQUEST="true")
    html = page.content.decode()
    assert page.status_code == 200 and 'id="editor"' in html
    assert '<option value="working_days" selected>' in html
    assert f'name="{PREFIX}-deadline_working_days" inputmode="numeric" pattern="[0-9০-৯]*"' in html
    assert f'id="id_{PREFIX}-deadline_working_days" value="৭"' in html
    assert "সময়সীমা প্রস্তাব" not in html  # set now: no more proposal
    assert not Decision.objects.exists()  # nothing saved yet

    # The browser posts back the page as it now is; saving keeps the deadline.
    post.update({f"{PREFIX}-deadline_kind": "working_days", f"{PREFIX}-deadline_working_days": "৭"})
    assert client.post(edit_url(meeting), post).status_code == 302
    decision = Decision.objects.get()
    assert (decision.deadline_kind, decision.deadline_working_days) == ("working_days", 7)


def test_accepting_a_rule_keeps_the_offices_words(client, alice, meeting):
    client.force_login(alice)
    words = "প্রতি ত্রৈমাসিকের তৃতীয় মাসের প্রথম সপ্তাহের মধ্যে"
    post = post_with(f"ওয়েবসাইটের সেবা বক্স {words} হালনাগাদ করতে হবে।")
    html = client.post(edit_url(meeting), {**post, "action": f"deadline:{PREFIX}"}).content.decode()
    assert f'value="{words}"' in html and '<option value="quarter" selected>' in html
    assert '<option value="3" selected>' in html and f'id="id_{PREFIX}-deadline_day" value="৭"' in html
    post.update({
        f"{PREFIX}-deadline_kind": "rule", f"{PREFIX}-deadline_rule": words, f"{PREFIX}-deadline_every": "quarter",
        f"{PREFIX}-deadline_month": "3", f"{PREFIX}-deadline_day": "৭",
    })  # fmt: skip
    assert client.post(edit_url(meeting), post).status_code == 302
    decision = Decision.objects.get()
    assert (decision.deadline_every, decision.deadline_month, decision.deadline_day) == ("quarter", 3, 7)
    assert decision.rule_words == words


def test_a_decision_with_a_deadline_or_without_deadline_words_gets_no_proposal(client, alice, meeting):
    client.force_login(alice)
    set_already = post_with(WORKING_DAYS_TEXT, deadline_kind="date", deadline_date="2021-03-01")
    assert (
        "সময়সীমা প্রস্তাব"
        not in client.post(edit_url(meeting), {**set_already, "action": "add:items"}).content.decode()
    )
    plain = post_with("ওয়েবসাইটের তথ্য নিয়মিত হালনাগাদ করবে।")
    assert (
        "সময়সীমা প্রস্তাব"
        not in client.post(edit_url(meeting), {**plain, "action": "add:items"}).content.decode()
    )


def test_words_with_no_date_are_named_without_an_accept_button(client, alice, meeting):
    client.force_login(alice)
    response = client.post(
        proposal_url(meeting), {"prefix": PREFIX, f"{PREFIX}-text": "<p>অবিলম্বে জানাতে হবে।</p>"}
    )
    html = response.content.decode()
    assert "যত দ্রুত সম্ভব: কোনো তারিখ নেই" in html and "“অবিলম্বে” থেকে" in html
    assert "গ্রহণ করুন" not in html and 'name="action"' not in html


def test_leaving_the_text_asks_for_the_proposal_of_what_was_typed(
    client, alice, meeting, django_assert_num_queries
):
    client.force_login(alice)
    data = {
        "prefix": PREFIX,
        f"{PREFIX}-text": "<p>৩০ জুন ২০২১ তারিখের মধ্যে খসড়া এবং ১৫ জুলাই ২০২১ তারিখের মধ্যে চূড়ান্ত করা।</p>",
        f"{PREFIX}-deadline_kind": "none",
        "date": "১৭.০২.২০২১",
    }
    # session, user, the meeting with its office, the user's roles, the offices below them: nothing written
    with django_assert_num_queries(5):
        response = client.post(proposal_url(meeting), data, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<strong class="proposed-deadline">৩০.০৬.২০২১</strong>' in html
    assert "লেখায় আরও সময়সীমা আছে: “১৫ জুলাই ২০২১ তারিখের মধ্যে”" in html  # the drafter is told of the second one
    assert f'value="deadline:{PREFIX}"' in html
    # Relative words count from the meeting's date as typed in the header (not yet saved).
    data[f"{PREFIX}-text"] = "চলতি মাসের মধ্যে"
    data["date"] = "০৫.০৩.২০২১"
    assert "৩১.০৩.২০২১" in client.post(proposal_url(meeting), data).content.decode()
    data["date"] = "not a date"  # the stored date then: 17 February 2021
    assert "২৮.০২.২০২১" in client.post(proposal_url(meeting), data).content.decode()
    # A deadline already chosen: nothing to propose.
    data[f"{PREFIX}-deadline_kind"] = "date"
    assert client.post(proposal_url(meeting), data).content == b""


def test_the_proposal_is_for_the_meetings_editors_only(client, alice, charlie, meeting, office_a):
    data = {"prefix": PREFIX, f"{PREFIX}-text": WORKING_DAYS_TEXT}
    client.force_login(charlie)  # another office
    assert client.post(proposal_url(meeting), data).status_code == 404
    client.force_login(user_with_role(office_a, R.APPROVER))  # reads the office, does not draft
    assert client.post(proposal_url(meeting), data).status_code == 403
    client.force_login(alice)
    assert client.get(proposal_url(meeting), data).status_code == 405  # a POST only: it carries the text
    for prefix in ("items-0", "items-0-decisions-x", "../", "items-0-decisions-0-text", ""):
        assert client.post(proposal_url(meeting), {**data, "prefix": prefix}).status_code == 400
    assert (
        client.post(
            proposal_url(meeting), {**data, "prefix": PREFIX, f"{PREFIX}-text": "ক" * 1_000_001}
        ).content
        == b""
    )
    assert client.post(proposal_url(meeting), {"prefix": PREFIX, "date": "৩২.১৩.২০২১"}).content == b""


def test_the_editor_opens_in_as_many_queries_with_deadline_words_in_every_decision(client, alice, office_a):
    """The proposals are read from the words on the page: no query per decision."""
    client.force_login(alice)
    counts = []
    for size in (1, 30):
        meeting = MeetingFactory(office=office_a, created_by=alice, date=datetime.date(2021, 2, 17))
        texts = [f"{n + 1:02d}.03.2021 তারিখের মধ্যে করা।" for n in range(size)]
        post = editor_post(items=[{"title": "বিবিধ", "decisions": [{"text": t} for t in texts]}])
        assert client.post(edit_url(meeting), post).status_code == 302
        with CaptureQueriesContext(connection) as queries:
            page = client.get(edit_url(meeting)).content.decode()
        assert page.count("সময়সীমা প্রস্তাব") == size
        counts.append(len(queries))
    assert counts[0] == counts[1]
