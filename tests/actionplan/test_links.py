"""Decisions linked to indicators, and issued minutes as the evidence of meeting indicators: the
editor's suggestions, the indicator's page, the count of meetings held, and who may do what."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from actionplan import services
from actionplan.links.selectors import first_meeting_date, meetings_held
from actionplan.models import DecisionLink, Indicator, MeetingEvidence
from bangla.digits import to_bangla_digits
from minutes.models import AgendaItem, Decision, Meeting
from offices.models import OfficeRole
from tests.actionplan.templates import REFERENCE
from tests.factories import MeetingFactory, OfficeFactory, user_with_role

pytestmark = pytest.mark.django_db
R = OfficeRole.Role
ISSUED = Meeting.State.ISSUED
_memo = iter(range(1, 1000))


@pytest.fixture
def plan(office_a, alice):
    return services.plan_import(office=office_a, fiscal_year=2021, data=REFERENCE.read_bytes(), by=alice)


def indicator(plan, number) -> Indicator:
    return plan.indicators.get(number=number)


def decision_in(office, text, date=datetime.date(2022, 2, 15), **meeting) -> Decision:
    meeting = MeetingFactory(office=office, date=date, **meeting)
    item = AgendaItem.objects.create(meeting=meeting, title="আলোচ্যসূচি")
    return Decision.objects.create(agenda_item=item, text=text)


def minutes(office, date, state=ISSUED, **fields) -> Meeting:
    issued = (
        {"memo_number": f"০৫.৪৭.০০০০.০০৬.১৬.{next(_memo):03d}.২১", "issue_date": date}
        if state in (Meeting.ISSUED_STATES)
        else {}
    )
    return MeetingFactory(office=office, date=date, state=state, **issued, **fields)


def fragment_url(decision) -> str:
    return reverse("actionplan:decision_links", args=[decision.pk])


# -- the editor's suggestions --------------------------------------------------------------------


def test_the_editor_suggests_the_indicator_a_decision_names(client, alice, plan, office_a):
    decision = decision_in(office_a, "<p>কার্যক্রম ১.২.১ অনুযায়ী একটি সেবা সহজিকরণ করতে হবে।</p>")
    client.force_login(alice)
    editor = client.get(reverse("minutes:edit", args=[decision.agenda_item.meeting.pk])).content.decode()
    assert f'hx-get="{fragment_url(decision)}"' in editor

    shown = client.get(fragment_url(decision), HTTP_HX_REQUEST="true").content.decode()
    assert "[১.২.১]" in shown and "একটি সেবা সহজিকৃত" in shown
    link = reverse("actionplan:decision_link", args=[decision.pk, indicator(plan, "1.2.1").pk])
    assert f'hx-post="{link}"' in shown
    assert not DecisionLink.objects.exists()  # a GET never writes


def test_nothing_is_shown_under_a_decision_when_the_office_has_no_plan(client, alice, office_a):
    decision = decision_in(office_a, "<p>কার্যক্রম ১.২.১ অনুযায়ী</p>")
    client.force_login(alice)
    editor = client.get(reverse("minutes:edit", args=[decision.agenda_item.meeting.pk])).content.decode()
    assert "decision-links" not in editor  # no panel, no request per decision
    response = client.get(fragment_url(decision), HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and response.content == b""


def test_nothing_is_shown_under_a_decision_that_names_no_indicator(client, alice, plan, office_a):
    decision = decision_in(office_a, "<p>১৫.০২.২০২১ তারিখের সভার সিদ্ধান্ত বাস্তবায়ন করতে হবে।</p>")
    client.force_login(alice)
    assert client.get(fragment_url(decision)).content == b""


def test_a_drafter_links_a_decision_with_one_click_and_unlinks_it(client, alice, plan, office_a):
    decision = decision_in(office_a, "<p>১.৪.১ কর্মসম্পাদন চুক্তি অনুযায়ী</p>")
    target = indicator(plan, "1.4.1")
    client.force_login(alice)
    link = reverse("actionplan:decision_link", args=[decision.pk, target.pk])
    shown = client.post(link, HTTP_HX_REQUEST="true").content.decode()
    assert "✓" in shown and "[১.৪.১]" in shown
    assert reverse("actionplan:decision_unlink", args=[decision.pk, target.pk]) in shown
    client.post(link, HTTP_HX_REQUEST="true")  # a second click links nothing twice
    stored = DecisionLink.objects.get()
    assert (stored.decision, stored.indicator, stored.linked_by) == (decision, target, alice)

    page = client.get(reverse("actionplan:indicator", args=[target.pk])).content.decode()
    meeting = decision.agenda_item.meeting
    assert meeting.title in page and "১৫ ফেব্রুয়ারি ২০২২" in page and "কর্মসম্পাদন চুক্তি অনুযায়ী" in page

    client.post(reverse("actionplan:decision_unlink", args=[decision.pk, target.pk]))
    assert not DecisionLink.objects.exists()
    page = client.get(reverse("actionplan:indicator", args=[target.pk])).content.decode()
    assert meeting.title not in page


def test_a_decision_serves_only_the_plan_of_its_meetings_fiscal_year(client, alice, plan, office_a):
    decision = decision_in(office_a, "<p>১.৪.১ অনুযায়ী</p>", date=datetime.date(2022, 8, 1))
    client.force_login(alice)
    link = reverse("actionplan:decision_link", args=[decision.pk, indicator(plan, "1.4.1").pk])
    response = client.post(link, follow=True)
    assert "সভাটি এই কর্মপরিকল্পনার অর্থবছরের নয়।" in response.content.decode()
    assert not DecisionLink.objects.exists()


def test_the_indicator_page_lists_the_linked_decisions_with_their_memo_numbers(client, alice, plan, office_a):
    target = indicator(plan, "1.2.1")
    client.force_login(alice)
    url = reverse("actionplan:indicator", args=[target.pk])
    counts = []
    for n in range(3):
        decision = decision_in(office_a, f"<p>সিদ্ধান্ত {n}</p>", memo_number=f"05.47.{n}")
        DecisionLink.objects.create(decision=decision, indicator=target, linked_by=alice)
        with CaptureQueriesContext(connection) as queries:
            page = client.get(url).content.decode()
        counts.append(len(queries))
    assert counts[0] == counts[1] == counts[2], counts  # not one query per decision linked
    assert all(f"০৫.৪৭.{to_bangla_digits(n)}" in page for n in range(3))  # in Bangla digits


# -- minutes as evidence ---------------------------------------------------------------------------


def test_issued_minutes_are_attached_with_one_click_and_counted(client, alice, plan, office_a):
    review = indicator(plan, "2.2.3")  # "… সভা আয়োজিত", four a year
    first = minutes(office_a, datetime.date(2021, 9, 10))
    second = minutes(office_a, datetime.date(2021, 11, 5), state=Meeting.State.PUBLISHED)
    minutes(office_a, datetime.date(2021, 12, 1), state=Meeting.State.DRAFT, title="খসড়া সভা")
    client.force_login(alice)
    page = client.get(reverse("actionplan:indicator", args=[review.pk])).content.decode()
    assert first.title in page and second.title in page and "খসড়া সভা" not in page
    assert meetings_held(review) == 0

    for meeting in (first, second):
        client.post(reverse("actionplan:minutes_attach", args=[review.pk, meeting.pk]))
    page = client.get(reverse("actionplan:indicator", args=[review.pk])).content.decode()
    assert '<strong id="meetings-held">২</strong>' in page
    assert reverse("minutes:document", args=[first.pk]) in page  # the issued document
    assert reverse("actionplan:minutes_attach", args=[review.pk, first.pk]) not in page  # not twice
    assert meetings_held(review) == 2


def test_only_issued_minutes_can_be_attached(client, alice, plan, office_a):
    review = indicator(plan, "2.2.3")
    for state in (Meeting.State.DRAFT, Meeting.State.SUBMITTED, Meeting.State.APPROVED):
        meeting = minutes(office_a, datetime.date(2021, 9, 10), state=state)
        client.force_login(alice)
        page = client.post(
            reverse("actionplan:minutes_attach", args=[review.pk, meeting.pk]), follow=True
        ).content.decode()
        assert "শুধু জারিকৃত কার্যবিবরণী সংযুক্ত করা যায়।" in page
    assert not MeetingEvidence.objects.exists()


def test_minutes_attach_only_to_a_meeting_indicator_of_their_year(client, alice, plan, office_a):
    held = minutes(office_a, datetime.date(2021, 9, 10))
    client.force_login(alice)
    client.post(reverse("actionplan:minutes_attach", args=[indicator(plan, "1.1.1").pk, held.pk]))
    last_year = minutes(office_a, datetime.date(2021, 6, 30))
    client.post(reverse("actionplan:minutes_attach", args=[indicator(plan, "2.2.3").pk, last_year.pk]))
    assert not MeetingEvidence.objects.exists()
    page = client.get(reverse("actionplan:indicator", args=[indicator(plan, "1.1.1").pk])).content.decode()
    assert "সংযুক্ত করুন" not in page  # not a meeting indicator: no minutes offered


def test_meetings_held_count_by_the_meetings_date_in_each_quarter(alice, plan, office_a):
    review = indicator(plan, "2.2.3")
    dates = [
        datetime.date(2021, 7, 1),  # first day of quarter 1
        datetime.date(2021, 9, 30),  # last day of quarter 1
        datetime.date(2021, 10, 1),  # quarter 2
        datetime.date(2022, 6, 30),  # last day of the year, quarter 4
    ]
    for date in dates:
        MeetingEvidence.objects.create(meeting=minutes(office_a, date), indicator=review)
    assert [meetings_held(review, quarter) for quarter in (1, 2, 3, 4)] == [2, 1, 0, 1]
    assert meetings_held(review) == 4


def test_a_date_meeting_indicator_shows_when_the_first_meeting_was_held(client, alice, plan, office_a):
    review = indicator(plan, "1.4.1")  # "সভা আয়োজিত" by 30-08-2021
    for date in (datetime.date(2021, 10, 4), datetime.date(2021, 8, 25)):
        MeetingEvidence.objects.create(meeting=minutes(office_a, date), indicator=review)
    assert first_meeting_date(review) == datetime.date(2021, 8, 25)
    client.force_login(alice)
    page = client.get(reverse("actionplan:indicator", args=[review.pk])).content.decode()
    assert '<strong id="meetings-held">২</strong>' in page
    assert '<strong id="first-meeting-date">২৫ আগস্ট ২০২১</strong>' in page


def test_a_correction_attached_beside_its_original_counts_once(alice, plan, office_a):
    review = indicator(plan, "2.2.3")
    original = minutes(office_a, datetime.date(2021, 9, 10))
    correction = minutes(office_a, datetime.date(2021, 9, 10), replaces=original, version=2)
    for meeting in (original, correction):
        MeetingEvidence.objects.create(meeting=meeting, indicator=review)
    assert meetings_held(review) == 1


def test_detaching_minutes_takes_them_out_of_the_count(client, alice, plan, office_a):
    review = indicator(plan, "2.2.3")
    held = minutes(office_a, datetime.date(2021, 9, 10))
    MeetingEvidence.objects.create(meeting=held, indicator=review)
    client.force_login(alice)
    client.post(reverse("actionplan:minutes_detach", args=[review.pk, held.pk]))
    assert meetings_held(review) == 0


# -- permissions -----------------------------------------------------------------------------------


def test_readers_read_but_neither_link_nor_attach(client, plan, office_a):
    approver = user_with_role(office_a, R.APPROVER, username="approver")
    decision = decision_in(office_a, "<p>কার্যক্রম ১.২.১ অনুযায়ী</p>")
    target = indicator(plan, "1.2.1")
    DecisionLink.objects.create(decision=decision, indicator=target)
    review = indicator(plan, "2.2.3")
    held = minutes(office_a, datetime.date(2021, 9, 10))
    client.force_login(approver)

    shown = client.get(fragment_url(decision)).content.decode()
    assert "[১.২.১]" in shown and "hx-post" not in shown
    assert client.get(reverse("actionplan:indicator", args=[target.pk])).status_code == 200
    page = client.get(reverse("actionplan:indicator", args=[review.pk])).content.decode()
    assert held.title not in page  # no minutes offered to attach

    for url in (
        reverse("actionplan:decision_unlink", args=[decision.pk, target.pk]),
        reverse("actionplan:decision_link", args=[decision.pk, indicator(plan, "1.1.1").pk]),
        reverse("actionplan:minutes_attach", args=[review.pk, held.pk]),
    ):
        assert client.post(url).status_code == 403
    assert DecisionLink.objects.count() == 1 and not MeetingEvidence.objects.exists()


def test_the_superior_offices_staff_read_the_indicators_page(client, plan, office_a):
    office_a.parent = OfficeFactory(name="মন্ত্রণালয়")
    office_a.save()
    boss = user_with_role(office_a.parent, R.DRAFTER, username="boss")
    client.force_login(boss)
    review = indicator(plan, "2.2.3")
    assert client.get(reverse("actionplan:indicator", args=[review.pk])).status_code == 200
    held = minutes(office_a, datetime.date(2021, 9, 10))
    assert client.post(reverse("actionplan:minutes_attach", args=[review.pk, held.pk])).status_code == 403


def test_other_offices_get_404(client, charlie, plan, office_a, office_b):
    decision = decision_in(office_a, "<p>কার্যক্রম ১.২.১ অনুযায়ী</p>")
    target = indicator(plan, "1.2.1")
    held = minutes(office_a, datetime.date(2021, 9, 10))
    client.force_login(charlie)
    for url in (
        reverse("actionplan:indicator", args=[target.pk]),
        fragment_url(decision),
    ):
        assert client.get(url).status_code == 404
    for url in (
        reverse("actionplan:decision_link", args=[decision.pk, target.pk]),
        reverse("actionplan:minutes_attach", args=[indicator(plan, "2.2.3").pk, held.pk]),
    ):
        assert client.post(url).status_code == 404
    assert not DecisionLink.objects.exists() and not MeetingEvidence.objects.exists()


def test_a_decision_of_another_office_cannot_serve_this_plan(client, plan, office_a, office_b):
    both = user_with_role(office_a, R.DRAFTER, username="both")
    OfficeRole.objects.create(user=both, office=office_b, role=R.DRAFTER)
    decision = decision_in(office_b, "<p>কার্যক্রম ১.২.১ অনুযায়ী</p>")
    held = minutes(office_b, datetime.date(2021, 9, 10))
    client.force_login(both)
    client.post(reverse("actionplan:decision_link", args=[decision.pk, indicator(plan, "1.2.1").pk]))
    client.post(reverse("actionplan:minutes_attach", args=[indicator(plan, "2.2.3").pk, held.pk]))
    assert not DecisionLink.objects.exists() and not MeetingEvidence.objects.exists()


def test_gets_never_write_and_the_posts_refuse_gets(client, alice, plan, office_a):
    decision = decision_in(office_a, "<p>কার্যক্রম ১.২.১ অনুযায়ী</p>")
    held = minutes(office_a, datetime.date(2021, 9, 10))
    client.force_login(alice)
    for url in (
        reverse("actionplan:decision_link", args=[decision.pk, indicator(plan, "1.2.1").pk]),
        reverse("actionplan:minutes_attach", args=[indicator(plan, "2.2.3").pk, held.pk]),
    ):
        assert client.get(url).status_code == 405
    assert not DecisionLink.objects.exists() and not MeetingEvidence.objects.exists()


def test_a_meeting_indicators_score_follows_the_minutes_attached(alice, plan, office_a):
    """[২.২.৩] counts the meetings held (target 4, weight 3); [১.৪.১] is met by the first meeting's
    date (by 30-08-2021, weight 4). The minutes are issued documents: no report to confirm."""
    from actionplan.selectors import plan_page

    def results(today=datetime.date(2022, 7, 15)):
        rows = [
            i
            for a in plan_page(plan, today)["areas"]
            for act in a.activities.all()
            for i in act.indicators.all()
        ]
        return {i.number: i.result.so_far.marks for i in rows}

    assert (results()["2.2.3"], results()["1.4.1"]) == (0, 0)  # nothing attached, nothing reported
    for date in (datetime.date(2021, 7, 20), datetime.date(2021, 8, 25)):
        MeetingEvidence.objects.create(meeting=minutes(office_a, date), indicator=indicator(plan, "2.2.3"))
    MeetingEvidence.objects.create(
        meeting=minutes(office_a, datetime.date(2021, 10, 4)), indicator=indicator(plan, "1.4.1")
    )
    assert (results()["2.2.3"], results()["1.4.1"]) == (Decimal("1.50"), 0)  # 3 × 2/4; held after the date
    MeetingEvidence.objects.create(
        meeting=minutes(office_a, datetime.date(2021, 8, 25)), indicator=indicator(plan, "1.4.1")
    )
    assert results()["1.4.1"] == 4  # the first meeting, on 25-08-2021, met the date
