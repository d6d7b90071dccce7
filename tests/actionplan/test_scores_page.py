"""Scores on the plan's and the indicator's pages: per indicator, per area and for the plan, so far
(confirmed reports only) and projected, with their flags."""

import datetime
import re
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from actionplan import reporting, scoring
from actionplan.models import AchievementReport, TierTarget
from actionplan.scores import indicator_result

pytestmark = pytest.mark.django_db
TODAY = datetime.datetime(2022, 1, 20, 12, 0)  # two quarters of 2021-22 have ended


def _row(page: str, number: str) -> str:
    match = re.search(rf'<tr id="indicator-{re.escape(number)}">(.*?)</tr>', page, re.S)
    assert match, number
    return re.sub(r"\s+", " ", match.group(1))


def _cell(page: str, cell_id: str) -> str:
    match = re.search(rf'id="{re.escape(cell_id)}">(.*?)</td>', page, re.S)
    assert match, cell_id
    return match.group(1).strip()


def _report(plan, number, quarter, achieved, by, confirm_by=None):
    indicator = plan.indicators.select_related("plan__office").get(number=number)
    report = reporting.achievement_report(indicator=indicator, quarter=quarter, achieved=achieved, by=by)
    if confirm_by:
        report = reporting.achievement_confirm(report=report, by=confirm_by)
    return report


@pytest.fixture
def scored_plan(reference_plan, drafter_a, approver_a):
    with time_machine.travel(TODAY):
        _report(reference_plan, "1.1.1", 2, datetime.date(2021, 12, 1), drafter_a, approver_a)
        _report(reference_plan, "1.3.1", 3, datetime.date(2022, 1, 5), drafter_a, approver_a)  # late
        _report(reference_plan, "1.5.1", 2, Decimal(120), drafter_a, approver_a)  # above the target of 80
        _report(reference_plan, "2.1.1", 1, 1, drafter_a, approver_a)
        _report(reference_plan, "2.1.1", 2, 1, drafter_a, approver_a)
        _report(reference_plan, "2.1.2", 1, 3, drafter_a)  # not confirmed: does not count
    return reference_plan


@time_machine.travel(TODAY)
def test_the_plan_page_shows_each_score_so_far_and_projected(client, drafter_a, scored_plan):
    client.force_login(drafter_a)
    page = client.get(reverse("actionplan:detail", args=[scored_plan.pk])).content.decode()
    # a date met: the full weight
    assert "৫ / ৫" in _row(page, "1.1.1")
    # above the target: capped at the weight, and flagged
    row = _row(page, "1.5.1")
    assert row.count("৬ / ৬") == 2 and "লক্ষ্যমাত্রার বেশি, সর্বোচ্চ নম্বর" in row
    # a count of 2 out of 4 after two quarters: 2 of 4 so far, on pace for 4
    row = _row(page, "2.1.1")
    assert "২ / ৪" in row and "৪ / ৪" in row
    # late: nothing, flagged
    assert "০ / ৫" in _row(page, "1.3.1") and "বিলম্বিত" in _row(page, "1.3.1")
    # reported but not confirmed: 0 and "not reported", with the report waiting
    row = _row(page, "2.1.2")
    assert "০ / ২" in row and "প্রতিবেদন নেই" in row and "১টি প্রতিবেদন নিশ্চিতকরণের অপেক্ষায়" in row
    # missing, and its date passed: 0 so far and projected
    row = _row(page, "1.4.1")
    assert row.count("০ / ৪") == 2 and "প্রতিবেদন নেই" in row
    # the areas and the plan, against the plan's total
    assert _cell(page, "area-1-so-far") == "১১ / ২৯"
    assert _cell(page, "area-2-so-far") == "২ / ২১"
    assert _cell(page, "area-1-projected") == "১৬ / ২৯"  # [১.২.১]'s date is still ahead: projected met
    assert _cell(page, "area-2-projected") == "৪ / ২১"
    assert _cell(page, "plan-so-far") == "৫০-এর মধ্যে ১৩"
    assert _cell(page, "plan-projected") == "৫০-এর মধ্যে ২০"


@time_machine.travel(TODAY)
def test_a_percentage_typed_with_a_sign_counts_once_confirmed(client, drafter_a, approver_a, reference_plan):
    indicator = reference_plan.indicators.get(number="2.2.2")  # % indicator, weight 3, target 80
    client.force_login(drafter_a)
    client.post(reverse("actionplan:report", args=[indicator.pk, 1]), {"achieved": "৪০%"})
    page = client.get(reverse("actionplan:detail", args=[reference_plan.pk])).content.decode()
    assert "০ / ৩" in _row(page, "2.2.2")
    client.force_login(approver_a)
    client.post(reverse("actionplan:confirm", args=[AchievementReport.objects.get().pk]))
    page = client.get(reverse("actionplan:detail", args=[reference_plan.pk])).content.decode()
    assert "১.৫ / ৩" in _row(page, "2.2.2")  # 40 of 80: half the weight
    assert _cell(page, "plan-so-far") == "৫০-এর মধ্যে ১.৫"


@time_machine.travel(TODAY)
def test_the_indicator_page_shows_its_score_and_reports(client, approver_a, scored_plan):
    indicator = scored_plan.indicators.get(number="2.1.1")
    client.force_login(approver_a)
    page = client.get(reverse("actionplan:indicator", args=[indicator.pk])).content.decode()
    assert "২ / ৪" in _cell(page.replace("</dd>", "</td>"), "score-so-far")
    assert "৪ / ৪" in _cell(page.replace("</dd>", "</td>"), "score-projected")
    assert page.count("নিশ্চিত</span>") == 2 and "প্রতিবেদন দেওয়া হয়নি।" in page


def test_terms_come_from_the_indicator_and_its_tiers(reference_plan):
    indicator = reference_plan.indicators.get(number="2.1.2")  # count, weight 2, target 4
    TierTarget.objects.create(indicator=indicator, level=100, value=4)
    TierTarget.objects.create(indicator=indicator, level=80, value=3)
    terms = reference_plan.indicators.prefetch_related("tiers").get(pk=indicator.pk).terms()
    assert terms == scoring.IndicatorTerms(
        unit="count",
        weight=Decimal(2),
        target=Decimal(4),
        tiers=(scoring.Tier(Decimal("1"), Decimal(4)), scoring.Tier(Decimal("0.8"), Decimal(3))),
    )
    assert scoring.indicator_score(terms, Decimal(3)).marks == Decimal("1.60")


def test_contradicting_terms_show_a_message_instead_of_a_score(client, drafter_a, reference_plan):
    indicator = reference_plan.indicators.get(number="2.1.2")
    TierTarget.objects.create(indicator=indicator, level=100, value=9)  # the target is 4
    result = indicator_result(
        reference_plan.indicators.prefetch_related("tiers", "reports").get(pk=indicator.pk),
        fiscal_year=reference_plan.fiscal_year,
        quarters=2,
        today=TODAY.date(),
    )
    assert result.so_far is None
    client.force_login(drafter_a)
    page = client.get(reverse("actionplan:detail", args=[reference_plan.pk])).content.decode()
    assert "এই সূচকের লক্ষ্যমাত্রাগুলো পরস্পরবিরোধী।" in _row(page, "2.1.2")
    assert _cell(page, "area-2-so-far") == "০ / ১৯"  # its weight is left out of the area's


@time_machine.travel(TODAY)
def test_an_english_reader_sees_the_scores_in_ascii_digits(client, drafter_a, scored_plan):
    client.force_login(drafter_a)
    client.post(reverse("set_language"), {"language": "en"})
    page = client.get(reverse("actionplan:detail", args=[scored_plan.pk])).content.decode()
    assert _cell(page, "plan-so-far") == "13 of 50"
    assert "6 / 6" in _row(page, "1.5.1") and "above target, capped" in _row(page, "1.5.1")
    indicator = scored_plan.indicators.get(number="2.1.2")
    page = client.get(reverse("actionplan:indicator", args=[indicator.pk])).content.decode()
    assert "reported, awaiting confirmation" in page and "Report again" in page


def test_many_plans_are_scored_in_the_same_few_queries(reference_plan, alice, django_assert_num_queries):
    from actionplan import services
    from actionplan.models import Plan
    from actionplan.selectors import plans_with_scores
    from tests.actionplan.reports import four_quarters_of_reports

    four_quarters_of_reports(reference_plan, alice)
    # plans, areas, activities, indicators, attached minutes, tiers, reports
    with django_assert_num_queries(7):
        [(plan, scores)] = plans_with_scores(Plan.objects.all(), today=TODAY.date())
    # every date met, one count per quarter (4 of 4, or above a target of 1), 100% latest (target 80)
    assert (scores.so_far.marks, scores.so_far.out_of, scores.total_marks) == (50, 50, 50)
    expected = scores.so_far.marks
    for year in (2022, 2023):
        copy = services.plan_copy_last_year(office=plan.office, fiscal_year=year, by=alice)
        four_quarters_of_reports(copy, alice)
    with django_assert_num_queries(7):
        scored = plans_with_scores(Plan.objects.order_by("fiscal_year"), today=TODAY.date())
    assert [s.so_far.marks for _p, s in scored] == [expected, expected, expected]
