"""The charts' geometry and colours, and the small rules behind the dashboards' figures (no database)."""

from decimal import Decimal

import pytest

from followup.dashboards import charts
from followup.dashboards.selectors import parse_sort, percent


@pytest.mark.parametrize("colour", charts.PALETTE)
def test_every_colour_has_aa_contrast_against_white(colour):
    assert charts.contrast_ratio(colour) >= 4.5


def test_the_contrast_ratio_is_wcags():
    assert round(charts.contrast_ratio("#000000"), 1) == 21.0
    assert round(charts.contrast_ratio("#777777"), 2) == 4.48  # the classic grey that just fails AA


def test_bars_are_scaled_to_the_maximum_and_stacked():
    chart = charts.bar_chart(
        chart_id="c",
        title="t",
        description="d",
        rows=[("ক", [Decimal("2.5"), 1]), ("খ", [0, 0])],
        series=[charts.Series("a", charts.DECISIONS), charts.Series("b", charts.INDICATORS)],
        maximum=10,
    )
    first, empty = chart.rows
    space = charts.WIDTH - charts.VALUE_SPACE
    assert [(s.x, s.width) for s in first.segments] == [
        ("0.0", f"{space * 0.25:.1f}"),
        (f"{space * 0.25:.1f}", f"{space * 0.1:.1f}"),
    ]
    assert first.total == Decimal("3.5") and empty.segments == [] and empty.total == 0
    assert len(chart.legend) == 2 and chart.height == charts.LEGEND_HEIGHT + 2 * charts.ROW_HEIGHT + 4


def test_nothing_to_draw_draws_no_bar_and_never_divides_by_zero():
    chart = charts.bar_chart(
        chart_id="c",
        title="t",
        description="d",
        rows=[("ক", [0])],
        series=[charts.Series("a", charts.NEUTRAL)],
    )
    assert chart.rows[0].segments == [] and chart.legend == []


def test_a_value_above_the_maximum_stops_at_the_end_of_the_bar():
    chart = charts.bar_chart(
        chart_id="c", title="t", description="d", rows=[("ক", [150])], series=[charts.Series("a", charts.NEUTRAL)],
        maximum=100,
    )  # fmt: skip
    assert chart.rows[0].segments[0].width == f"{charts.WIDTH - charts.VALUE_SPACE:.1f}"


def test_long_labels_are_shortened():
    assert charts.shorten("ক" * 50) == "ক" * 39 + "…"
    assert charts.shorten("শাখা") == "শাখা"


def test_percentages_are_whole_and_half_up():
    assert percent(2, 3) == 67 and percent(1, 8) == 13 and percent(0, 5) == 0
    assert percent(1, 0) is None and percent(Decimal("0.5"), Decimal(10)) == 5


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("score", ("score", False)),
        ("-on_time", ("on_time", True)),
        ("", ("name", False)),
        (None, ("name", False)),
        ("--score", ("name", False)),
        ("-", ("name", False)),
        ("pk", ("name", False)),
        (["score"], ("name", False)),
    ],
)
def test_sort_parameters_are_checked(value, expected):
    assert parse_sort(value) == expected
