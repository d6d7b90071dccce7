"""A decision's due dates (minutes/deadlines.py, the one place the follow-up asks) for every kind of
deadline; recurring rules stored on the decision and printed in the office's words; working days
counted with the office's announced holidays."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from minutes.deadlines import default_until, due_dates
from minutes.document.context import deadline_text
from minutes.document.render import render_html
from minutes.models import Decision, Meeting
from offices import services
from offices.models import Office, OfficeHoliday, OfficeRole
from tests.factories import MeetingFactory, OfficeFactory, user_with_role
from tests.minutes.test_document import html_text

pytestmark = pytest.mark.django_db
D = datetime.date
K, E = Decision.Deadline, Decision.Every
R = OfficeRole.Role
SUNDAY = D(2024, 9, 1)  # + 7 working days: Tuesday 10 September 2024


@pytest.fixture
def meeting(alice, office_a):
    return MeetingFactory(office=office_a, created_by=alice, date=D(2024, 8, 28), print_deadlines=True)


def decide(meeting, **deadline):
    item = meeting.agenda_items.first() or meeting.agenda_items.create(order=0, title="ওয়েবসাইট হালনাগাদ")
    decision = Decision(agenda_item=item, order=item.decisions.count(), text="<p>হালনাগাদ করা।</p>", **deadline)
    decision.full_clean()
    decision.save()
    return decision


# ---- due_dates, kind by kind ----------------------------------------------------------------------------


def test_no_deadline_and_a_rule_as_written_give_no_date(meeting):
    assert due_dates(decide(meeting), SUNDAY) == []
    written = decide(meeting, deadline_kind=K.RULE, deadline_rule="প্রতি সভার পূর্বে")
    assert due_dates(written, SUNDAY) == []
    assert deadline_text(written) == "প্রতি সভার পূর্বে"


def test_a_date_is_its_own_due_date_issued_or_not(meeting):
    decision = decide(meeting, deadline_kind=K.DATE, deadline_date=D(2024, 9, 15))
    assert due_dates(decision, None) == due_dates(decision, SUNDAY) == [D(2024, 9, 15)]


def test_working_days_count_from_the_issue_date_with_the_offices_holidays(meeting, alice, office_a):
    decision = decide(meeting, deadline_kind=K.WORKING_DAYS, deadline_working_days=7)
    assert due_dates(decision, None) == []  # not issued: no date yet
    assert due_dates(decision, SUNDAY) == [D(2024, 9, 10)]
    services.holiday_save(holiday=OfficeHoliday(office=office_a, date=D(2024, 9, 4), name="ছুটি"), by=alice)
    assert due_dates(decision, SUNDAY) == [D(2024, 9, 11)]
    # Another office's holidays are not this one's; the office can be given (an Office or its id).
    other = OfficeFactory()
    assert due_dates(decision, SUNDAY, office=other) == [D(2024, 9, 10)]
    assert due_dates(decision, SUNDAY, office=office_a.pk) == [D(2024, 9, 11)]


def test_a_ministrys_holiday_moves_its_directorates_deadlines(alice):
    ministry = OfficeFactory(name="সুরক্ষা সেবা বিভাগ", kind=Office.Kind.DIVISION)
    directorate = OfficeFactory(name="কারা অধিদপ্তর", parent=ministry)
    meeting = MeetingFactory(office=directorate, created_by=alice)
    decision = decide(meeting, deadline_kind=K.WORKING_DAYS, deadline_working_days=7)
    assert due_dates(decision, SUNDAY) == [D(2024, 9, 10)]
    admin = user_with_role(ministry, R.ADMIN)
    services.holiday_save(holiday=OfficeHoliday(office=ministry, date=D(2024, 9, 8), name="ছুটি"), by=admin)
    assert due_dates(Decision.objects.get(pk=decision.pk), SUNDAY) == [D(2024, 9, 11)]


def test_months_of_announced_holidays_carry_the_count_into_the_next_year(meeting, office_a):
    """A lockdown (2020 had 66 days of general holiday) counts wherever the count ends: here the
    next year's announced days matter too."""
    day = D(2024, 9, 3)
    while day <= D(2025, 1, 15):
        OfficeHoliday.objects.create(office=office_a, date=day, name="সাধারণ ছুটি")
        day += datetime.timedelta(days=1)
    decision = decide(meeting, deadline_kind=K.WORKING_DAYS, deadline_working_days=2)
    # Monday 2 September is the first working day; the second comes after the lockdown.
    assert due_dates(decision, SUNDAY) == [D(2025, 1, 16)]


def test_a_monthly_rule_gives_each_months_date_to_the_end_of_the_fiscal_year(meeting):
    decision = decide(meeting, deadline_kind=K.RULE, deadline_every=E.MONTH, deadline_day=10)
    assert due_dates(decision, None) == []  # not issued
    dates = due_dates(decision, SUNDAY)
    assert dates[0] == D(2024, 9, 10) and dates[-1] == D(2025, 6, 10) and len(dates) == 10
    assert due_dates(decision, SUNDAY, until=D(2024, 11, 30)) == [
        D(2024, 9, 10),
        D(2024, 10, 10),
        D(2024, 11, 10),
    ]
    assert deadline_text(decision) == "প্রতি মাসের ১০ তারিখের মধ্যে"  # the standard words


def test_a_quarterly_rule_gives_one_date_a_quarter_printed_in_the_offices_words(meeting):
    words = "প্রতি ত্রৈমাসিকের তৃতীয় মাসের প্রথম সপ্তাহের মধ্যে"
    decision = decide(
        meeting,
        deadline_kind=K.RULE,
        deadline_rule=words,
        deadline_every=E.QUARTER,
        deadline_month=3,
        deadline_day=7,
    )
    assert due_dates(decision, D(2023, 7, 10)) == [
        D(2023, 9, 7),
        D(2023, 12, 7),
        D(2024, 3, 7),
        D(2024, 6, 7),
    ]
    # Issued after the quarter's date: the next quarter's is the first.
    assert due_dates(decision, D(2023, 9, 8))[0] == D(2023, 12, 7)
    assert deadline_text(decision) == words
    assert "(সময়সীমা: প্রতি ত্রৈমাসিকের তৃতীয় মাসের প্রথম সপ্তাহের মধ্যে)" in html_text(render_html(meeting))


def test_a_rule_by_the_31st_falls_on_each_months_last_day_leap_years_included(meeting):
    decision = decide(meeting, deadline_kind=K.RULE, deadline_every=E.MONTH, deadline_day=31)
    assert due_dates(decision, D(2024, 1, 15), until=D(2024, 4, 30)) == [
        D(2024, 1, 31), D(2024, 2, 29), D(2024, 3, 31), D(2024, 4, 30),
    ]  # fmt: skip
    assert due_dates(decision, D(2023, 2, 1), until=D(2023, 2, 28)) == [D(2023, 2, 28)]


def test_a_rule_runs_to_the_fiscal_years_end_or_the_next_ones_from_its_last_quarter():
    assert default_until(D(2024, 9, 1)) == D(2025, 6, 30)
    assert default_until(D(2025, 3, 31)) == D(2025, 6, 30)
    assert default_until(D(2025, 4, 1)) == D(2026, 6, 30)  # issued in April: a year ahead still
    assert default_until(D(2025, 6, 30)) == D(2026, 6, 30)


# ---- the stored rule ------------------------------------------------------------------------------------


def test_a_rule_needs_its_words_or_how_it_recurs_and_a_quarter_needs_its_month(meeting):
    item = meeting.agenda_items.create(order=0, title="বিবিধ")
    with pytest.raises(ValidationError) as error:
        Decision(agenda_item=item, text="ক", deadline_kind=K.RULE).full_clean()
    assert "deadline_rule" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        Decision(agenda_item=item, text="ক", deadline_kind=K.RULE, deadline_every=E.QUARTER).full_clean()
    assert error.value.message_dict["deadline_month"] == ["ত্রৈমাসিকের কোন মাস, তা বাছাই করুন।"]
    for day in (0, 32):
        with pytest.raises(ValidationError):
            Decision(
                agenda_item=item, text="ক", deadline_kind=K.RULE, deadline_every=E.MONTH, deadline_day=day
            ).full_clean()


def test_only_the_chosen_kinds_fields_are_kept(meeting):
    monthly = decide(
        meeting, deadline_kind=K.RULE, deadline_every=E.MONTH, deadline_month=2, deadline_day=5,
        deadline_date=D(2024, 9, 9), deadline_working_days=3,
    )  # fmt: skip
    assert (monthly.deadline_month, monthly.deadline_day, monthly.deadline_date, monthly.deadline_working_days) == (
        None, 5, None, None,
    )  # fmt: skip
    dated = decide(meeting, deadline_kind=K.DATE, deadline_date=D(2024, 9, 9), deadline_every=E.MONTH)
    assert (dated.deadline_every, dated.deadline_day) == ("", None)


# ---- holidays as the administrator sets them, all the way to the issued document -------------------------


def test_the_administrator_announces_a_holiday_and_the_issued_documents_deadline_moves(
    client, alice, office_a, meeting
):
    decide(meeting, deadline_kind=K.WORKING_DAYS, deadline_working_days=7)
    meeting.state, meeting.memo_number, meeting.issue_date = Meeting.State.ISSUED, "58.1.1", SUNDAY
    assert "জারির ০৭ কার্যদিবসের মধ্যে, অর্থাৎ ১০.০৯.২০২৪ তারিখের মধ্যে" in html_text(render_html(meeting))
    client.force_login(alice)
    response = client.post(
        reverse("offices:holiday_create", args=[office_a.pk]),
        {"date": "০৪.০৯.২০২৪", "kind": "holiday", "name": "সাধারণ ছুটি (নির্বাহী আদেশে)"},
    )
    assert response.status_code == 302
    assert "জারির ০৭ কার্যদিবসের মধ্যে, অর্থাৎ ১১.০৯.২০২৪ তারিখের মধ্যে" in html_text(render_html(meeting))
