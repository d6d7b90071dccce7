"""The action plan's scoring rules (actionplan/scoring.py), table by table. Every expected figure is
worked out by hand in the table's comment, never by calling the function under test."""

import datetime
from decimal import Decimal as D

import pytest

from actionplan.scoring import (
    ABOVE_TARGET,
    LATE,
    MISSING,
    IndicatorTerms,
    Tier,
    Total,
    achievement_so_far,
    area_score,
    indicator_score,
    parse_achievement,
    plan_score,
    projected_score,
    quarters_elapsed,
)

d = datetime.date

COUNT_4_OF_4 = IndicatorTerms(unit="count", weight=D(4), target=D(4))
COUNT_2_OF_3 = IndicatorTerms(unit="count", weight=D(2), target=D(3))
COUNT_2_OF_4 = IndicatorTerms(unit="count", weight=D(2), target=D(4))
COUNT_3_OF_1 = IndicatorTerms(unit="count", weight=D(3), target=D(1))
COUNT_3_OF_0 = IndicatorTerms(unit="count", weight=D(3), target=D(0))
PERCENT_6_OF_80 = IndicatorTerms(unit="percent", weight=D(6), target=D(80))
PERCENT_3_OF_80 = IndicatorTerms(unit="percent", weight=D(3), target=D(80))
PERCENT_2_OF_0 = IndicatorTerms(unit="percent", weight=D(2), target=D(0))
# The five tiers, as the plans print them: অসাধারণ 90%, অতি উত্তম 80%, উত্তম 70%, চলতি মান 60%, নিম্নে 50%.
PERCENT_TIERED = IndicatorTerms(
    unit="percent",
    weight=D(5),
    target=D(90),
    tiers=((D("1.0"), D(90)), (D("0.9"), D(80)), (D("0.8"), D(70)), (D("0.7"), D(60)), (D("0.6"), D(50))),
)
COUNT_TIERED = IndicatorTerms(
    unit="count", weight=D(3), tiers=((D(1), D(4)), (D("0.9"), D(3)), (D("0.8"), D(2)))
)
DATE_5 = IndicatorTerms(unit="date", weight=D(5), target=d(2022, 3, 16))
DATE_TIERED = IndicatorTerms(
    unit="date",
    weight=D(4),
    tiers=(
        (D("1.0"), d(2021, 8, 30)),
        (D("0.9"), d(2021, 9, 15)),
        (D("0.8"), d(2021, 9, 30)),
        (D("0.7"), d(2021, 10, 15)),
        (D("0.6"), d(2021, 10, 31)),
    ),
)

NONE = frozenset()


def _check(score, marks, level, flags):
    assert str(score.marks) == marks  # the marks, to 2 places
    assert score.level == level
    assert score.flags == frozenset(flags)


@pytest.mark.parametrize(
    ("terms", "achieved", "marks", "flags"),
    [
        pytest.param(COUNT_4_OF_4, 3, "3.00", NONE, id="count below target: 4 × 3/4"),
        pytest.param(COUNT_2_OF_3, 1, "0.67", NONE, id="count pro rata rounds: 2 × 1/3 = 0.666…"),
        pytest.param(PERCENT_6_OF_80, D(70), "5.25", NONE, id="percent below target: 6 × 70/80"),
        pytest.param(PERCENT_6_OF_80, D(67), "5.03", NONE, id="rounds half up: 6 × 67/80 = 5.025"),
        pytest.param(PERCENT_6_OF_80, D("0.5"), "0.04", NONE, id="a little percent: 6 × 0.5/80 = 0.0375"),
        pytest.param(COUNT_3_OF_1, 0, "0.00", NONE, id="count reported as 0 earns nothing"),
        pytest.param(COUNT_4_OF_4, 4, "4.00", NONE, id="count exactly the target"),
        pytest.param(PERCENT_6_OF_80, D(80), "6.00", NONE, id="percent exactly the target"),
        pytest.param(COUNT_2_OF_4, 6, "2.00", {ABOVE_TARGET}, id="count above target: capped, flagged"),
        pytest.param(PERCENT_3_OF_80, D("85.5"), "3.00", {ABOVE_TARGET}, id="percent above target: capped"),
        pytest.param(PERCENT_3_OF_80, D(120), "3.00", {ABOVE_TARGET}, id="percent above 100: capped"),
        pytest.param(COUNT_3_OF_0, 0, "3.00", NONE, id="target 0, reported 0: full weight"),
        pytest.param(COUNT_3_OF_0, 2, "3.00", {ABOVE_TARGET}, id="target 0, reported 2: full weight, above"),
        pytest.param(PERCENT_2_OF_0, D(0), "2.00", NONE, id="percent target 0, reported: full weight"),
        pytest.param(COUNT_3_OF_0, None, "0.00", {MISSING}, id="target 0, no report: nothing"),
        pytest.param(COUNT_4_OF_4, None, "0.00", {MISSING}, id="count, no report"),
        pytest.param(PERCENT_6_OF_80, None, "0.00", {MISSING}, id="percent, no report"),
        pytest.param(DATE_5, None, "0.00", {MISSING}, id="date, no report"),
        pytest.param(PERCENT_TIERED, None, "0.00", {MISSING}, id="tiered, no report"),
    ],
)
def test_count_and_percent_are_pro_rata_and_capped_at_the_weight(terms, achieved, marks, flags):
    _check(indicator_score(terms, achieved), marks, None, flags)


@pytest.mark.parametrize(
    ("terms", "achieved", "marks", "level", "flags"),
    [
        # weight 5: 5 × 1.0, 5 × 0.9, 5 × 0.8, 5 × 0.7, 5 × 0.6
        pytest.param(PERCENT_TIERED, D(90), "5.00", D("1.0"), NONE, id="on অসাধারণ 90%"),
        pytest.param(PERCENT_TIERED, D(80), "4.50", D("0.9"), NONE, id="on অতি উত্তম 80%"),
        pytest.param(PERCENT_TIERED, D(70), "4.00", D("0.8"), NONE, id="on উত্তম 70%"),
        pytest.param(PERCENT_TIERED, D(60), "3.50", D("0.7"), NONE, id="on চলতি মান 60%"),
        pytest.param(PERCENT_TIERED, D(50), "3.00", D("0.6"), NONE, id="on চলতি মানের নিম্নে 50%"),
        pytest.param(
            PERCENT_TIERED, D("89.99"), "4.50", D("0.9"), NONE, id="just below the top: the next tier"
        ),
        pytest.param(PERCENT_TIERED, D(85), "4.50", D("0.9"), NONE, id="between 90 and 80"),
        pytest.param(PERCENT_TIERED, D(55), "3.00", D("0.6"), NONE, id="between 60 and 50"),
        pytest.param(PERCENT_TIERED, D(95), "5.00", D("1.0"), {ABOVE_TARGET}, id="above the top tier"),
        pytest.param(PERCENT_TIERED, D("49.99"), "0.00", None, NONE, id="below the lowest tier"),
        pytest.param(PERCENT_TIERED, D(0), "0.00", None, NONE, id="zero"),
        # weight 3, no target: the top tier (4) is the target; 3 × 0.9 = 2.70, 3 × 0.8 = 2.40
        pytest.param(COUNT_TIERED, 4, "3.00", D(1), NONE, id="count on the top tier"),
        pytest.param(COUNT_TIERED, 3, "2.70", D("0.9"), NONE, id="count on the 0.9 tier"),
        pytest.param(COUNT_TIERED, 2, "2.40", D("0.8"), NONE, id="count on the lowest tier"),
        pytest.param(COUNT_TIERED, 1, "0.00", None, NONE, id="count below the lowest tier"),
        pytest.param(COUNT_TIERED, 5, "3.00", D(1), {ABOVE_TARGET}, id="count above the top tier"),
    ],
)
def test_a_tiered_indicator_takes_the_highest_tier_met(terms, achieved, marks, level, flags):
    _check(indicator_score(terms, achieved), marks, level, flags)


@pytest.mark.parametrize(
    ("terms", "done", "marks", "level", "flags"),
    [
        # weight 4: 4 × 1.0, 4 × 0.9 = 3.60, 4 × 0.8 = 3.20, 4 × 0.7 = 2.80, 4 × 0.6 = 2.40
        pytest.param(DATE_TIERED, d(2021, 7, 1), "4.00", D("1.0"), NONE, id="well before the first date"),
        pytest.param(DATE_TIERED, d(2021, 8, 30), "4.00", D("1.0"), NONE, id="exactly on 30 Aug (1.0)"),
        pytest.param(DATE_TIERED, d(2021, 8, 31), "3.60", D("0.9"), NONE, id="a day after 30 Aug"),
        pytest.param(DATE_TIERED, d(2021, 9, 15), "3.60", D("0.9"), NONE, id="exactly on 15 Sep (0.9)"),
        pytest.param(DATE_TIERED, d(2021, 9, 16), "3.20", D("0.8"), NONE, id="a day after 15 Sep"),
        pytest.param(DATE_TIERED, d(2021, 9, 30), "3.20", D("0.8"), NONE, id="exactly on 30 Sep (0.8)"),
        pytest.param(DATE_TIERED, d(2021, 10, 1), "2.80", D("0.7"), NONE, id="a day after 30 Sep"),
        pytest.param(DATE_TIERED, d(2021, 10, 15), "2.80", D("0.7"), NONE, id="exactly on 15 Oct (0.7)"),
        pytest.param(DATE_TIERED, d(2021, 10, 16), "2.40", D("0.6"), NONE, id="a day after 15 Oct"),
        pytest.param(DATE_TIERED, d(2021, 10, 31), "2.40", D("0.6"), NONE, id="exactly on 31 Oct (0.6)"),
        pytest.param(DATE_TIERED, d(2021, 11, 1), "0.00", None, {LATE}, id="a day after the last date"),
        pytest.param(DATE_TIERED, d(2022, 6, 30), "0.00", None, {LATE}, id="long after the last date"),
        # no tiers: all or nothing by the target date
        pytest.param(DATE_5, d(2022, 3, 1), "5.00", None, NONE, id="untiered, before the date"),
        pytest.param(DATE_5, d(2022, 3, 16), "5.00", None, NONE, id="untiered, exactly on the date"),
        pytest.param(DATE_5, d(2022, 3, 17), "0.00", None, {LATE}, id="untiered, a day after"),
    ],
)
def test_a_date_indicator_takes_the_tier_whose_date_was_met(terms, done, marks, level, flags):
    _check(indicator_score(terms, done), marks, level, flags)


def _ref(unit, weight, target):
    return IndicatorTerms(unit=unit, weight=D(weight), target=target)


# ../shared/reference-actionplan/ministry-2021-22.csv, transcribed: area, number, unit, weight, target.
REFERENCE_PLAN = {
    "১": {
        "১.১.১": _ref("date", 5, d(2022, 3, 16)),
        "১.২.১": _ref("date", 5, d(2022, 2, 25)),
        "১.৩.১": _ref("date", 5, d(2021, 12, 30)),
        "১.৪.১": _ref("date", 4, d(2021, 8, 30)),
        "১.৫.১": _ref("percent", 6, D(80)),
        "১.৬.১": _ref("count", 4, D(4)),
    },
    "২": {
        "২.১.১": _ref("count", 4, D(4)),
        "২.১.২": _ref("count", 2, D(4)),
        "২.২.১": _ref("count", 3, D(4)),
        "২.২.২": _ref("percent", 3, D(80)),
        "২.২.৩": _ref("count", 3, D(4)),
        "২.২.৪": _ref("date", 3, d(2022, 1, 13)),
        "২.২.৫": _ref("count", 3, D(1)),
    },
}

# A made-up year end: (achievement, marks by hand).
YEAR_END = {
    "১.১.১": (d(2022, 3, 16), "5.00"),  # exactly on the date
    "১.২.১": (d(2022, 2, 26), "0.00"),  # a day late
    "১.৩.১": (d(2021, 12, 1), "5.00"),
    "১.৪.১": (d(2021, 8, 30), "4.00"),
    "১.৫.১": (D(70), "5.25"),  # 6 × 70/80
    "১.৬.১": (3, "3.00"),  # 4 × 3/4
    "২.১.১": (4, "4.00"),
    "২.১.২": (6, "2.00"),  # above target, capped
    "২.২.১": (1, "0.75"),  # 3 × 1/4
    "২.২.২": (D("85.5"), "3.00"),  # above target, capped
    "২.২.৩": (None, "0.00"),  # not reported
    "২.২.৪": (d(2022, 1, 13), "3.00"),
    "২.২.৫": (0, "0.00"),
}


def test_the_reference_plan_is_scored_out_of_29_21_and_50():
    area_totals = {}
    for area, indicators in REFERENCE_PLAN.items():
        scores = []
        for number, terms in indicators.items():
            achieved, marks = YEAR_END[number]
            score = indicator_score(terms, achieved)
            assert str(score.marks) == marks, number
            scores.append(score)
        area_totals[area] = area_score(scores)

    # [১]: 5 + 0 + 5 + 4 + 5.25 + 3 = 22.25 of 5+5+5+4+6+4 = 29
    assert area_totals["১"] == Total(D("22.25"), D(29))
    # [২]: 4 + 2 + 0.75 + 3 + 0 + 3 + 0 = 12.75 of 4+2+3+3+3+3+3 = 21
    assert area_totals["২"] == Total(D("12.75"), D(21))
    assert plan_score(area_totals.values()) == Total(D("35.00"), D(50))


# After two quarters (today 20 January 2022): (achievement so far, so far by hand, projected by hand).
MID_YEAR = {
    "১.১.১": (None, "0.00", "5.00"),  # date not passed, not reported: on track
    "১.২.১": (None, "0.00", "5.00"),
    "১.৩.১": (d(2021, 12, 20), "5.00", "5.00"),
    "১.৪.১": (d(2021, 9, 5), "0.00", "0.00"),  # late
    "১.৫.১": (D(60), "4.50", "4.50"),  # 6 × 60/80; a percentage keeps its value
    "১.৬.১": (1, "1.00", "2.00"),  # 4 × 1/4; pace 1 × 4/2 = 2 -> 4 × 2/4
    "২.১.১": (2, "2.00", "4.00"),  # 4 × 2/4; pace 4 -> 4
    "২.১.২": (3, "1.50", "2.00"),  # 2 × 3/4; pace 6 -> capped at 2
    "২.২.১": (None, "0.00", "0.00"),  # no report after two quarters
    "২.২.২": (D(30), "1.13", "1.13"),  # 3 × 30/80 = 1.125
    "২.২.৩": (1, "0.75", "1.50"),  # 3 × 1/4; pace 2 -> 3 × 2/4
    "২.২.৪": (None, "0.00", "0.00"),  # 13 Jan passed, not reported
    "২.২.৫": (None, "0.00", "0.00"),
}


def test_the_reference_plan_so_far_and_projected_at_mid_year():
    so_far, projected = {}, {}
    for area, indicators in REFERENCE_PLAN.items():
        now, then = [], []
        for number, terms in indicators.items():
            achieved, marks_now, marks_then = MID_YEAR[number]
            now.append(indicator_score(terms, achieved))
            then.append(projected_score(terms, achieved, quarters=2, today=d(2022, 1, 20)))
            assert (str(now[-1].marks), str(then[-1].marks)) == (marks_now, marks_then), number
        so_far[area], projected[area] = area_score(now), area_score(then)

    # so far: [১] 0+0+5+0+4.5+1 = 10.50; [২] 2+1.5+0+1.13+0.75+0+0 = 5.38; plan 15.88
    assert so_far == {"১": Total(D("10.50"), D(29)), "২": Total(D("5.38"), D(21))}
    assert plan_score(so_far.values()) == Total(D("15.88"), D(50))
    # projected: [১] 5+5+5+0+4.5+2 = 21.50; [২] 4+2+0+1.13+1.5+0+0 = 8.63; plan 30.13
    assert projected == {"১": Total(D("21.50"), D(29)), "২": Total(D("8.63"), D(21))}
    assert plan_score(projected.values()) == Total(D("30.13"), D(50))


@pytest.mark.parametrize(
    ("terms", "achieved", "quarters", "today", "marks", "level", "flags"),
    [
        pytest.param(COUNT_4_OF_4, 1, 1, d(2021, 10, 20), "4.00", None, NONE, id="count 1 in Q1: pace 4"),
        pytest.param(
            COUNT_4_OF_4, 1, 2, d(2022, 1, 20), "2.00", None, NONE, id="count 1 in 2 quarters: pace 2"
        ),
        pytest.param(
            COUNT_4_OF_4, 3, 3, d(2022, 4, 20), "4.00", None, NONE, id="count 3 in 3 quarters: pace 4"
        ),
        pytest.param(COUNT_2_OF_3, 1, 3, d(2022, 4, 20), "0.89", None, NONE, id="pace 4/3: 2 × 4/9 = 0.888…"),
        pytest.param(COUNT_4_OF_4, 3, 4, d(2022, 7, 20), "3.00", None, NONE, id="year over: as reported"),
        pytest.param(
            COUNT_2_OF_4, 3, 2, d(2022, 1, 20), "2.00", None, {ABOVE_TARGET}, id="pace 6 above 4: capped"
        ),
        pytest.param(
            COUNT_4_OF_4, None, 0, d(2021, 8, 1), "4.00", None, {MISSING}, id="no quarter closed: on track"
        ),
        pytest.param(
            COUNT_4_OF_4, 1, 0, d(2021, 8, 1), "4.00", None, NONE, id="no quarter closed, 1 done: on track"
        ),
        pytest.param(
            COUNT_2_OF_4,
            6,
            0,
            d(2021, 8, 1),
            "2.00",
            None,
            {ABOVE_TARGET},
            id="no quarter closed, above already",
        ),
        pytest.param(
            COUNT_4_OF_4, None, 1, d(2021, 10, 20), "0.00", None, {MISSING}, id="no report after Q1: 0"
        ),
        pytest.param(
            PERCENT_6_OF_80, D(40), 2, d(2022, 1, 20), "3.00", None, NONE, id="percent held: 6 × 40/80"
        ),
        pytest.param(
            PERCENT_6_OF_80, None, 0, d(2021, 8, 1), "6.00", None, {MISSING}, id="percent before Q1"
        ),
        pytest.param(
            PERCENT_TIERED, D(75), 1, d(2021, 10, 20), "4.00", D("0.8"), NONE, id="tiered percent held"
        ),
        pytest.param(
            PERCENT_TIERED, None, 0, d(2021, 8, 1), "5.00", D("1.0"), {MISSING}, id="tiered on track"
        ),
        pytest.param(
            COUNT_TIERED, 1, 2, d(2022, 1, 20), "2.40", D("0.8"), NONE, id="tiered count pace 2: 3 × 0.8"
        ),
        pytest.param(DATE_5, None, 2, d(2022, 1, 10), "5.00", None, {MISSING}, id="date not passed: full"),
        pytest.param(DATE_5, None, 3, d(2022, 3, 16), "5.00", None, {MISSING}, id="date is today: full"),
        pytest.param(DATE_5, None, 3, d(2022, 3, 17), "0.00", None, {MISSING, LATE}, id="date passed: 0"),
        pytest.param(DATE_5, d(2022, 2, 1), 3, d(2022, 4, 20), "5.00", None, NONE, id="date reported: as is"),
        pytest.param(
            DATE_5, d(2022, 3, 20), 3, d(2022, 4, 20), "0.00", None, {LATE}, id="date reported late"
        ),
        pytest.param(
            DATE_TIERED,
            None,
            0,
            d(2021, 9, 20),
            "3.20",
            D("0.8"),
            {MISSING},
            id="tiered date: best tier left",
        ),
        pytest.param(
            DATE_TIERED, None, 1, d(2021, 11, 1), "0.00", None, {MISSING, LATE}, id="tiered date: all passed"
        ),
    ],
)
def test_the_projection_keeps_each_indicators_pace(terms, achieved, quarters, today, marks, level, flags):
    _check(projected_score(terms, achieved, quarters=quarters, today=today), marks, level, flags)


@pytest.mark.parametrize(
    ("today", "quarters"),
    [
        pytest.param(d(2021, 6, 30), 0, id="before the year"),
        pytest.param(d(2021, 7, 1), 0, id="first day"),
        pytest.param(d(2021, 9, 30), 0, id="last day of Q1"),
        pytest.param(d(2021, 10, 1), 1, id="first day of Q2"),
        pytest.param(d(2022, 1, 15), 2, id="15 January"),
        pytest.param(d(2022, 4, 1), 3, id="first day of Q4"),
        pytest.param(d(2022, 6, 30), 3, id="last day of the year"),
        pytest.param(d(2022, 7, 1), 4, id="the next year"),
        pytest.param(d(2024, 1, 1), 4, id="long after"),
    ],
)
def test_quarters_elapsed_in_the_fiscal_year_2021_22(today, quarters):
    assert quarters_elapsed(today, 2021) == quarters


@pytest.mark.parametrize(
    ("terms", "achieved"),
    [
        pytest.param(COUNT_4_OF_4, -1, id="negative count"),
        pytest.param(PERCENT_6_OF_80, D("-0.5"), id="negative percent"),
        pytest.param(COUNT_4_OF_4, D("2.5"), id="fractional count"),
        pytest.param(COUNT_4_OF_4, d(2022, 1, 1), id="a date for a count"),
        pytest.param(DATE_5, 5, id="a number for a date"),
        pytest.param(DATE_5, datetime.datetime(2022, 1, 1, 10, 0), id="a datetime for a date"),
        pytest.param(PERCENT_6_OF_80, "85", id="text: parse it first"),
        pytest.param(PERCENT_6_OF_80, 85.5, id="a float"),
        pytest.param(PERCENT_6_OF_80, True, id="a bool"),
        pytest.param(PERCENT_6_OF_80, D("NaN"), id="NaN"),
        pytest.param(PERCENT_6_OF_80, D("Infinity"), id="infinity"),
    ],
)
def test_a_nonsensical_achievement_is_refused(terms, achieved):
    with pytest.raises(ValueError):
        indicator_score(terms, achieved)
    with pytest.raises(ValueError):
        projected_score(terms, achieved, quarters=2, today=d(2022, 1, 20))


@pytest.mark.parametrize(
    "quarters", [pytest.param(-1, id="-1"), pytest.param(5, id="5"), pytest.param(True, id="bool")]
)
def test_the_projection_refuses_a_number_of_quarters_outside_the_year(quarters):
    with pytest.raises(ValueError):
        projected_score(COUNT_4_OF_4, 1, quarters=quarters, today=d(2022, 1, 20))


@pytest.mark.parametrize(
    "terms",
    [
        pytest.param(
            dict(unit="percent", weight=D(5), tiers=((D("0.9"), D(80)), (D(1), D(90)))), id="levels rise"
        ),
        pytest.param(
            dict(unit="percent", weight=D(5), tiers=((D(1), D(80)), (D("0.9"), D(90)))), id="thresholds rise"
        ),
        pytest.param(
            dict(unit="count", weight=D(5), tiers=((D(1), D(4)), (D("0.9"), D(4)))), id="equal thresholds"
        ),
        pytest.param(
            dict(unit="date", weight=D(4), tiers=((D(1), d(2021, 9, 30)), (D("0.9"), d(2021, 9, 15)))),
            id="dates fall",
        ),
        pytest.param(
            dict(unit="date", weight=D(4), tiers=((D(1), d(2021, 9, 30)), (D("0.9"), d(2021, 9, 30)))),
            id="equal dates",
        ),
        pytest.param(dict(unit="percent", weight=D(5), tiers=((D(0), D(80)),)), id="level 0"),
        pytest.param(dict(unit="percent", weight=D(5), tiers=((D("1.1"), D(80)),)), id="level above 1"),
        pytest.param(
            dict(unit="percent", weight=D(5), target=D(80), tiers=((D(1), D(90)), (D("0.9"), D(80)))),
            id="100% tier contradicts the target",
        ),
        pytest.param(dict(unit="taka", weight=D(5), target=D(1)), id="unknown unit"),
        pytest.param(dict(unit="count", weight=D(-1), target=D(1)), id="negative weight"),
        pytest.param(dict(unit="count", weight=D(5), target=D(-1)), id="negative target"),
        pytest.param(dict(unit="count", weight=D(5)), id="neither target nor tiers"),
        pytest.param(dict(unit="count", weight=D(5), target=d(2022, 1, 1)), id="a date target for a count"),
        pytest.param(dict(unit="date", weight=D(5), target=D(80)), id="a number target for a date"),
        pytest.param(dict(unit="count", weight=5.0, target=D(4)), id="a float weight"),
    ],
)
def test_inconsistent_terms_are_refused(terms):
    with pytest.raises(ValueError):
        IndicatorTerms(**terms)


def test_terms_built_in_one_line_from_plain_values():
    terms = IndicatorTerms(unit="count", weight=4, target=4, tiers=[(1, 4), (D("0.9"), 3)])
    assert terms == IndicatorTerms(
        unit="count", weight=D(4), target=D(4), tiers=(Tier(D(1), D(4)), Tier(D("0.9"), D(3)))
    )
    assert str(indicator_score(terms, 3).marks) == "3.60"  # 4 × 0.9


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        pytest.param("৮৫", "85", id="Bangla digits"),
        pytest.param("85.5", "85.5", id="ASCII with a decimal point"),
        pytest.param("৮৫%", "85", id="with a percent sign"),
        pytest.param(" ৮৫.৫০ % ", "85.50", id="spaces around"),
        pytest.param("8৫", "85", id="mixed digits"),
        pytest.param("০", "0", id="zero"),
        pytest.param("১,২০০", "1200", id="thousands grouping"),
        pytest.param("১২,৩৪,৫৬৭", "1234567", id="lakh grouping"),
    ],
)
def test_an_achievement_is_read_in_bangla_or_ascii_digits(typed, number):
    assert parse_achievement(typed) == D(number)
    assert str(parse_achievement(typed)) == number


@pytest.mark.parametrize(
    "typed",
    [
        "",
        " ",
        "%",
        "abc",
        "৮৫ক",
        "-৫",
        "+5",
        "৮,৫",
        "1,2345",
        "85%%",
        "%85",
        "১২.৫.৬",
        ".5",
        "5.",
        "1e3",
        "NaN",
        "Infinity",
        "١٢",
        "१२",
    ],
)
def test_an_achievement_that_is_not_a_number_is_refused(typed):
    with pytest.raises(ValueError):
        parse_achievement(typed)


@pytest.mark.parametrize(
    ("unit", "by_quarter", "achieved"),
    [
        pytest.param("count", {1: 1, 2: 2}, D(3), id="counts add up: 1 + 2"),
        pytest.param(
            "count", {1: 1, 2: None, 3: 0}, D(1), id="count: unreported and zero quarters add nothing"
        ),
        pytest.param("percent", {1: D(40), 2: D(65)}, D(65), id="percent: the latest quarter's"),
        pytest.param(
            "percent", {2: D(65), 1: D(70)}, D(65), id="percent: latest by quarter, not by order given"
        ),
        pytest.param(
            "date", {3: d(2022, 2, 1), 2: d(2021, 12, 20)}, d(2021, 12, 20), id="date: the earliest"
        ),
        pytest.param("count", {}, None, id="nothing reported"),
        pytest.param("date", {1: None}, None, id="only an empty report"),
    ],
)
def test_quarterly_reports_make_the_years_achievement(unit, by_quarter, achieved):
    assert achievement_so_far(unit, by_quarter) == achieved


@pytest.mark.parametrize(
    ("unit", "by_quarter"),
    [
        pytest.param("count", {5: 1}, id="quarter 5"),
        pytest.param("count", {0: 1}, id="quarter 0"),
        pytest.param("count", {1: -1}, id="a negative count"),
        pytest.param("date", {1: 5}, id="a number for a date"),
        pytest.param("taka", {1: 1}, id="unknown unit"),
    ],
)
def test_quarterly_reports_that_make_no_sense_are_refused(unit, by_quarter):
    with pytest.raises(ValueError):
        achievement_so_far(unit, by_quarter)
