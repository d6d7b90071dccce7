"""My work: what is assigned to the user's official, their post, branch or office, grouped by due
date on Thursday 5 September 2024; drafts and other offices never show; a fixed number of queries."""

import datetime
import re

import pytest
from django.urls import reverse

from followup.models import Occurrence
from followup.services import occurrences_for_meeting, occurrences_for_plan
from minutes.models import Meeting
from tests.factories import user_with_role
from tests.followup.conftest import TODAY, R, add_decision, due_on, make_meeting, make_plan

pytestmark = pytest.mark.django_db
URL = reverse("followup:my_work")


def section(page: str, section_id: str) -> str:
    found = re.search(rf'<section[^>]*id="{section_id}".*?</section>', page, re.S)
    return found.group(0) if found else ""


def test_it_groups_the_officials_items_as_overdue_this_week_and_later(client, clock, people, issued):
    plan = make_plan(people.office, post=people.post)
    occurrences_for_plan(plan=plan)
    client.force_login(people.rahim)

    page = client.get(URL).content.decode()

    overdue, week, later = section(page, "overdue"), section(page, "this-week"), section(page, "later")
    assert "ওয়েবসাইট হালনাগাদ করতে হবে।" in overdue  # to his post, due 2 September
    assert "২ সেপ্টেম্বর ২০২৪" in overdue and "১৮ ভাদ্র ১৪৩১" in overdue  # both calendars
    assert "ই-নথি ব্যবহার বাড়াতে হবে।" in week  # to his branch, due 10 September
    assert "কর্মপরিকল্পনা প্রণীত" in later  # the plan's date indicator, due 15 October
    assert "শোকেসিং আয়োজন" not in page  # to the office: the member-secretary's
    assert "ইনোভেশন টিমের ৩য় সভা" in overdue and "সিস্টেম এনালিস্ট" in overdue  # the meeting, who answers
    assert 'id="nav-my-work"' in page and "আমার কাজ" in page
    # He holds no role in the office, so its pages are not his to open: no link to them.
    meeting_url = reverse("minutes:detail", args=[issued["meeting"].pk])
    indicator_url = reverse("actionplan:indicator", args=[plan.indicators.get(number="1.1.2").pk])
    assert meeting_url not in page and indicator_url not in page
    people.office.user_roles.create(user=people.rahim, role=R.DRAFTER)
    page = client.get(URL).content.decode()
    assert meeting_url in section(page, "overdue") and indicator_url in section(page, "later")


def test_a_decision_of_minutes_not_issued_never_shows(client, clock, people, issued):
    draft = make_meeting(people.office, state=Meeting.State.DRAFT, title="খসড়া সভা")
    secret = add_decision(draft, "খসড়ার গোপন সিদ্ধান্ত।", to=[people.post], **due_on(datetime.date(2024, 9, 6)))
    Occurrence.objects.create(decision=secret, office=people.office, due_date=datetime.date(2024, 9, 6))
    client.force_login(people.rahim)

    page = client.get(URL).content.decode()

    assert "খসড়ার গোপন সিদ্ধান্ত" not in page and "ওয়েবসাইট হালনাগাদ" in page


def test_done_items_wait_for_the_approver_and_confirmed_ones_leave(client, clock, people, issued):
    Occurrence.objects.filter(decision=issued["to_post"]).update(status=Occurrence.Status.DONE)
    Occurrence.objects.filter(decision=issued["to_branch"]).update(status=Occurrence.Status.CONFIRMED)
    client.force_login(people.rahim)

    page = client.get(URL).content.decode()

    assert "ওয়েবসাইট হালনাগাদ" in section(page, "awaiting") and "ওয়েবসাইট হালনাগাদ" not in section(page, "overdue")
    assert "ই-নথি ব্যবহার" not in page
    client.force_login(people.approver)
    assert "ওয়েবসাইট হালনাগাদ" in section(client.get(URL).content.decode(), "to-confirm")


def test_another_offices_staff_see_none_of_it(client, clock, people, issued, charlie):
    client.force_login(charlie)
    page = client.get(URL).content.decode()
    assert "ওয়েবসাইট হালনাগাদ" not in page and "ই-নথি" not in page


def test_a_user_without_an_official_is_told_why_nothing_is_theirs(client, clock, people, issued):
    client.force_login(user_with_role(people.office, R.DRAFTER))
    page = client.get(URL).content.decode()
    assert "কোনো কর্মকর্তার সঙ্গে যুক্ত নয়" in page and "ওয়েবসাইট হালনাগাদ" not in page


def test_the_page_takes_as_many_queries_for_many_items_as_for_few(
    client, clock, people, django_assert_num_queries
):
    client.force_login(people.rahim)

    def add(n):
        meeting = make_meeting(people.office)
        for i in range(n):
            target = [people.post, people.branch][i % 2]
            add_decision(
                meeting, f"সিদ্ধান্ত {i}", to=[target], **due_on(TODAY + datetime.timedelta(days=i - 3))
            )
        occurrences_for_meeting(meeting=meeting, today=TODAY)
        plan = make_plan(
            people.office, fiscal_year=2024 + Meeting.objects.count(), branch=people.branch, post=people.post
        )
        occurrences_for_plan(plan=plan)

    # session, user, the user's official; their roles; offices they answer for (team memberships, admin
    # roles); the items with their decisions, meetings, plans and offices; the decisions'
    # responsibilities; the items waiting for the approver (none: no approver role, no query)
    add(3)
    with django_assert_num_queries(QUERIES):
        page = client.get(URL).content.decode()
    assert page.count('class="followup-item"') == 3 + 5  # decisions; 4 quarters + 1 date of the plan
    add(30)
    with django_assert_num_queries(QUERIES):
        page = client.get(URL).content.decode()
    assert page.count('class="followup-item"') == 33 + 10


QUERIES = 8
