"""Which indicator numbers a decision's text names, and which indicators of the plan they match."""

import datetime

import pytest

from actionplan import services
from actionplan.links.suggest import indicator_numbers, suggested_indicators
from minutes.models import AgendaItem, Decision
from tests.actionplan.templates import REFERENCE
from tests.factories import MeetingFactory


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("কার্যক্রম ১.২.১ অনুযায়ী সেবা সহজিকরণ করতে হবে।", ["1.2.1"]),
        ("১.৪.১ কর্মসম্পাদন চুক্তি অনুযায়ী সভা আয়োজন করতে হবে", ["1.4.1"]),
        ("[২.২.৩] অনুযায়ী অগ্রগতি পর্যালোচনা", ["2.2.3"]),
        ("[ ১.১.১ ] ও [1.3.1]", ["1.1.1", "1.3.1"]),
        ("ASCII digits 1.2.1 too", ["1.2.1"]),
        ("<p>সূচক <strong>১.২.১</strong> অনুযায়ী</p>", ["1.2.1"]),
        ("সূচক ১.২.১। পরে আবার ১.২.১.", ["1.2.1"]),  # once, the full stops forgiven
        ("সূচক ১.১০.২", ["1.10.2"]),
        ("১৫.০২.২০২১ তারিখের সভা", []),  # a date
        ("15.02.2021", []),
        ("স্মারক নং ০৫.৪৭.০০০০.০০৬.১৬.০০১.২১.১২৩", []),  # a memo number
        ("05.47.0000.006.16.001.21", []),
        ("১.২ কার্যক্রম", []),  # an activity, not an indicator
        ("০১.০২.০৩", []),  # leading zeros: not how plans number
        ("১.২.৩.৪", []),  # a longer chain
        ("সময় ১০.৩০ ঘটিকা", []),
        ("", []),
    ],
)
def test_it_finds_the_indicator_numbers_a_decision_names(text, numbers):
    assert indicator_numbers(text) == numbers


@pytest.mark.django_db
def test_it_suggests_the_indicators_of_the_offices_plan_for_the_meetings_year(office_a, office_b, alice):
    services.plan_import(office=office_a, fiscal_year=2021, data=REFERENCE.read_bytes(), by=alice)
    services.plan_import(office=office_b, fiscal_year=2021, data=REFERENCE.read_bytes(), by=alice)

    def decision(office, date, text, fiscal_year=None):
        meeting = MeetingFactory(office=office, date=date, fiscal_year=fiscal_year)
        item = AgendaItem.objects.create(meeting=meeting, title="আলোচ্যসূচি")
        return Decision.objects.create(agenda_item=item, text=text)

    text = "<p>কার্যক্রম ১.২.১ অনুযায়ী এবং [২.২.৩] এবং ৯.৯.৯</p>"
    found = suggested_indicators(decision(office_a, datetime.date(2022, 2, 15), text))
    assert [(i.number, i.plan.office) for i in found] == [("1.2.1", office_a), ("2.2.3", office_a)]
    # A meeting of the next fiscal year: the office has no plan for it.
    assert not suggested_indicators(decision(office_a, datetime.date(2022, 7, 15), text)).exists()
    # The header's fiscal year wins over the date's.
    assert (
        suggested_indicators(decision(office_a, datetime.date(2022, 7, 15), text, fiscal_year=2021)).count()
        == 2
    )
