"""Small horizontal bar charts drawn on the server as SVG (templates/followup/dashboards/_bar_chart.html).

Only geometry here: where each label, bar and value goes, in a 320-unit-wide drawing that the page
scales (a label above each bar; about 1:1 on a phone's 360 pixels, so its 13-unit text stays readable). The template writes
the numbers in the page's digits and the text in the shipped Bangla font. The colours have at least
AA contrast (4.5:1) against white, so that a bar and its legend's text can be told from the page.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from actionplan.templatetags.actionplan import plan_value
from bangla.templatetags.bangla import bn_digits, bn_fiscal_year

WIDTH = 320
VALUE_SPACE = 56  # room right of the longest bar for its value
ROW_HEIGHT = 42
BAR_HEIGHT = 14
LEGEND_HEIGHT = 26
LABEL_CHARS = 40


@dataclass(frozen=True)
class Series:
    label: str
    colour: str


DECISIONS = "#1d4f91"
INDICATORS = "#9a4100"
SO_FAR = "#006a4e"
PROJECTED = "#5b3f8c"
NEUTRAL = "#3f4f5f"
TRACK = "#e9ecef"
TEXT = "#212529"
PALETTE = (DECISIONS, INDICATORS, SO_FAR, PROJECTED, NEUTRAL, TEXT)


@dataclass
class Segment:
    x: str
    width: str
    value: object
    series: Series


@dataclass
class Row:
    label: str
    label_y: str
    bar_y: str
    value_x: str
    value_y: str
    total: object
    segments: list[Segment]


@dataclass
class LegendItem:
    series: Series
    x: str
    text_x: str


@dataclass
class BarChart:
    id: str
    title: str
    description: str
    rows: list[Row]
    legend: list[LegendItem]
    suffix: str
    width: int = WIDTH
    height: int = 0
    bar_height: int = BAR_HEIGHT
    bar_space: int = WIDTH - VALUE_SPACE
    track: str = TRACK
    text: str = TEXT


def _n(value: float) -> str:
    """A coordinate, written the same whatever the page's language (never localised)."""
    return f"{value:.1f}"


def shorten(label: str, limit: int = LABEL_CHARS) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def bar_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    rows: list[tuple[str, list]],
    series: list[Series],
    maximum=None,
    suffix: str = "",
    legend: bool = True,
) -> BarChart:
    """Each row is (label, [a value per series]): its bar stacks the values left to right. The scale
    runs to `maximum` (the plan's total, 100 for a percentage) or else to the largest row."""
    totals = [sum((Decimal(v or 0) for v in values), Decimal(0)) for _label, values in rows]
    scale_to = Decimal(maximum) if maximum else max(totals, default=Decimal(0))
    space = WIDTH - VALUE_SPACE
    top = LEGEND_HEIGHT if legend and len(series) > 1 else 0
    drawn = []
    for index, ((label, values), total) in enumerate(zip(rows, totals, strict=True)):
        y = top + index * ROW_HEIGHT
        x, segments = 0.0, []
        for value, one in zip(values, series, strict=True):
            width = float(Decimal(value or 0) / scale_to * space) if scale_to else 0.0
            width = min(width, space - x)
            if width > 0:
                segments.append(Segment(_n(x), _n(width), value, one))
            x += max(width, 0)
        drawn.append(
            Row(
                label=shorten(label),
                label_y=_n(y + 15),
                bar_y=_n(y + 21),
                value_x=_n(x + 6),
                value_y=_n(y + 21 + BAR_HEIGHT - 2),
                total=total,
                segments=segments,
            )
        )
    items = []
    if top:
        step = WIDTH / len(series)
        for index, one in enumerate(series):
            items.append(LegendItem(one, _n(index * step), _n(index * step + 16)))
    return BarChart(
        id=chart_id,
        title=title,
        description=description,
        rows=drawn,
        legend=items,
        suffix=suffix,
        height=top + len(rows) * ROW_HEIGHT + 4,
    )


def contrast_ratio(colour: str, background: str = "#ffffff") -> float:
    """WCAG 2 contrast ratio of two "#rrggbb" colours."""

    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(colour), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


# ---- The dashboards' charts --------------------------------------------------------------------------


def _digits(value) -> str:
    return bn_digits(value)


def score_chart(figures) -> BarChart | None:
    """The plan's marks so far and projected, on a scale of its total marks."""
    if not figures.scores:
        return None
    scores = figures.scores
    so_far, projected = scores.so_far.marks, scores.projected.marks
    return bar_chart(
        chart_id="chart-score",
        title=_("Action plan score, %(year)s") % {"year": bn_fiscal_year(figures.plan.fiscal_year)},
        description=_("So far %(so_far)s and projected %(projected)s of %(total)s marks.")
        % {
            "so_far": plan_value(so_far),
            "projected": plan_value(projected),
            "total": plan_value(scores.total_marks),
        },
        rows=[(_("score so far"), [so_far, 0]), (_("projected score"), [0, projected])],
        series=[Series(_("score so far"), SO_FAR), Series(_("projected score"), PROJECTED)],
        maximum=scores.total_marks,
        legend=False,
    )


def branches_chart(rows) -> BarChart | None:
    """Overdue items per responsible branch: decisions and indicators stacked."""
    if not rows:
        return None
    labels = [row.branch.name if row.branch else _("no branch named") for row in rows]
    parts = [
        _("%(branch)s: %(decisions)s decisions, %(indicators)s indicators")
        % {"branch": label, "decisions": _digits(row.decisions), "indicators": _digits(row.indicators)}
        for label, row in zip(labels, rows, strict=True)
    ]
    return bar_chart(
        chart_id="chart-branches",
        title=_("Overdue decisions and indicators by responsible branch"),
        description="; ".join(parts) + ".",
        rows=[(label, [row.decisions, row.indicators]) for label, row in zip(labels, rows, strict=True)],
        series=[Series(_("decisions"), DECISIONS), Series(_("indicators"), INDICATORS)],
    )


def on_time_chart(figures) -> BarChart | None:
    if figures.on_time_percent is None:
        return None
    return bar_chart(
        chart_id="chart-on-time",
        title=_("Decisions closed on time"),
        description=_(
            "%(on_time)s of %(due)s decisions due so far this fiscal year were done by their due date (%(percent)s%%)."
        )
        % {
            "on_time": _digits(figures.decisions_on_time),
            "due": _digits(figures.decisions_due),
            "percent": _digits(figures.on_time_percent),
        },
        rows=[(_("closed on time"), [figures.on_time_percent])],
        series=[Series(_("closed on time"), SO_FAR)],
        maximum=100,
        suffix="%",
        legend=False,
    )


def bands_chart(bands, without_plan: int) -> BarChart:
    """How many subordinate offices scored in each band of their plan's total marks."""
    rows = [
        (_("%(low)s–%(high)s%%") % {"low": _digits(low), "high": _digits(min(high, 100))}, [count])
        for (low, high), count in bands
    ]
    rows.append((_("no plan this year"), [without_plan]))
    description = "; ".join(
        _("%(band)s: %(count)s offices") % {"band": label, "count": _digits(values[0])}
        for label, values in rows
    )
    return bar_chart(
        chart_id="chart-bands",
        title=_("Subordinate offices by action plan score so far"),
        description=description + ".",
        rows=rows,
        series=[Series(_("offices"), NEUTRAL)],
        legend=False,
    )


def most_overdue_chart(figures, limit: int = 10) -> BarChart | None:
    """The offices with the most overdue items (decisions and indicators stacked)."""
    ranked = sorted(
        (f for f in figures if f.overdue_decisions + f.overdue_indicators),
        key=lambda f: (-(f.overdue_decisions + f.overdue_indicators), f.office.name),
    )[:limit]
    if not ranked:
        return None
    return bar_chart(
        chart_id="chart-most-overdue",
        title=_("Offices with the most overdue items"),
        description="; ".join(
            _("%(office)s: %(decisions)s decisions, %(indicators)s indicators")
            % {
                "office": f.office.name,
                "decisions": _digits(f.overdue_decisions),
                "indicators": _digits(f.overdue_indicators),
            }
            for f in ranked
        )
        + ".",
        rows=[(f.office.name, [f.overdue_decisions, f.overdue_indicators]) for f in ranked],
        series=[Series(_("decisions"), DECISIONS), Series(_("indicators"), INDICATORS)],
    )
