"""The dashboards' figures, for one office or for many at once.

For each office, over the chosen fiscal year (July-June) and as of `today`:
- the action plan's score so far and projected (actionplan/scores.py), against its total marks;
- indicators due in the next 30 days: indicator items still pending (open, or reported done and
  awaiting confirmation) due from today to today + 30;
- overdue indicators and decisions: items still open after their due date (Occurrence.is_overdue),
  whatever the year;
- decisions closed on time: of the decision items due in the fiscal year up to today (superseded ones
  left out: the later minutes' item carries the chase), the share reported done on or before the due
  date and still done or confirmed (a reopened one is not).

Many offices cost a fixed number of queries: one aggregate over all their items (Count with a
filter per figure, grouped by office) and the seven of actionplan.selectors.plans_with_scores.
"""

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, F, Prefetch, Q

from actionplan.models import Plan
from actionplan.scores import PlanScores
from actionplan.selectors import plans_with_scores
from bangla.fiscal import fiscal_year_bounds, fiscal_year_start
from followup.models import Occurrence
from followup.scope import (
    decision_text,
    followed_occurrences,
    item_path,
    overdue,
    pending,
    responsible_branches,
)
from minutes.models import Responsibility
from offices.access import subordinate_office_ids
from offices.models import Branch, Office

DUE_SOON_DAYS = 30
S = Occurrence.Status


def percent(part, whole) -> int | None:
    """A whole percentage, half up; None when there is nothing to divide by."""
    if not whole:
        return None
    return int((Decimal(part) * 100 / Decimal(whole)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass
class OfficeFigures:
    office: Office
    plan: Plan | None = None
    scores: PlanScores | None = None
    due_soon_indicators: int = 0
    overdue_indicators: int = 0
    overdue_decisions: int = 0
    decisions_due: int = 0
    decisions_on_time: int = 0
    has_subordinates: bool = False

    @property
    def score_percent(self) -> int | None:
        return percent(self.scores.so_far.marks, self.scores.total_marks) if self.scores else None

    @property
    def projected_percent(self) -> int | None:
        return percent(self.scores.projected.marks, self.scores.total_marks) if self.scores else None

    @property
    def on_time_percent(self) -> int | None:
        return percent(self.decisions_on_time, self.decisions_due)


def default_fiscal_year(today: datetime.date) -> int:
    return fiscal_year_start(today)


def office_counts(office_ids, *, fiscal_year: int, today: datetime.date) -> dict[int, dict]:
    """{office id: the item counts of OfficeFigures}, in one query however many offices."""
    first, last = fiscal_year_bounds(fiscal_year)
    due_in_year = Q(decision__isnull=False, due_date__gte=first, due_date__lte=min(last, today))
    on_time = due_in_year & Q(status__in=[S.DONE, S.CONFIRMED], done_at__date__lte=F("due_date"))
    soon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    rows = (
        followed_occurrences()
        .filter(office_id__in=office_ids)
        .order_by()
        .values("office_id")
        .annotate(
            due_soon_indicators=Count(
                "pk", filter=pending() & Q(indicator__isnull=False, due_date__gte=today, due_date__lte=soon)
            ),
            overdue_indicators=Count("pk", filter=overdue(today) & Q(indicator__isnull=False)),
            overdue_decisions=Count("pk", filter=overdue(today) & Q(decision__isnull=False)),
            decisions_due=Count("pk", filter=due_in_year),
            decisions_on_time=Count("pk", filter=on_time),
        )
    )
    return {row.pop("office_id"): row for row in rows}


def office_figures(offices: list[Office], *, fiscal_year: int, today: datetime.date) -> list[OfficeFigures]:
    """OfficeFigures for each office, in the order given: nine queries however many offices."""
    ids = [office.pk for office in offices]
    counts = office_counts(ids, fiscal_year=fiscal_year, today=today)
    plans = Plan.objects.filter(office_id__in=ids, fiscal_year=fiscal_year)
    scored = {plan.office_id: (plan, scores) for plan, scores in plans_with_scores(plans, today=today)}
    figures = []
    for office in offices:
        plan, scores = scored.get(office.pk, (None, None))
        figures.append(OfficeFigures(office, plan, scores, **counts.get(office.pk, {})))
    return figures


# ---- One office ------------------------------------------------------------------------------------


@dataclass
class BranchRow:
    branch: Branch | None  # None: no branch named (the whole office, someone outside the portal, no one)
    decisions: int = 0
    indicators: int = 0

    @property
    def total(self) -> int:
        return self.decisions + self.indicators


def _described(items) -> list[Occurrence]:
    """The items, earliest due first, each with its page (`path`), its decision's words (`text`) and
    its responsible branches (`branches`): three queries however many items."""
    responsibilities = Responsibility.objects.select_related(
        "branch__office", "post__branch__office", "official__branch__office"
    )
    items = list(
        items.select_related(
            "decision__agenda_item__meeting",
            "indicator__plan",
            "indicator__responsible_branch",
            "indicator__responsible_post__branch",
        )
        .prefetch_related(Prefetch("decision__responsibilities", queryset=responsibilities))
        .order_by("due_date", "pk")
    )
    for item in items:
        item.path = item_path(item)
        item.text = decision_text(item) if item.decision_id else ""
        item.branches = responsible_branches(item)
    return items


def overdue_by_branch(office: Office, today: datetime.date) -> tuple[list[BranchRow], list[Occurrence]]:
    """The office's overdue items counted under each responsible branch (an item naming two branches
    counts under both), most overdue first, "no branch" last; and the items, earliest due first."""
    items = _described(followed_occurrences().filter(overdue(today), office=office))
    rows: dict[int | None, BranchRow] = {}
    for item in items:
        for branch in item.branches:
            row = rows.setdefault(branch.pk if branch else None, BranchRow(branch))
            if item.decision_id:
                row.decisions += 1
            else:
                row.indicators += 1
    ordered = sorted(
        rows.values(), key=lambda row: (row.branch is None, -row.total, row.branch and row.branch.name)
    )
    return ordered, items


def indicators_due_soon(office: Office, today: datetime.date) -> list[Occurrence]:
    soon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    items = followed_occurrences().filter(
        pending(), office=office, indicator__isnull=False, due_date__gte=today, due_date__lte=soon
    )
    return _described(items)


def office_dashboard(office: Office, *, fiscal_year: int, today: datetime.date) -> dict:
    """What an office's dashboard shows (about fourteen queries, whatever the office holds)."""
    (figures,) = office_figures([office], fiscal_year=fiscal_year, today=today)
    figures.has_subordinates = office.children.exists()
    branch_rows, overdue_items = overdue_by_branch(office, today)
    return {
        "figures": figures,
        "branch_rows": branch_rows,
        "overdue_items": overdue_items,
        "due_soon": indicators_due_soon(office, today),
    }


# ---- A superior office: its subordinates side by side ---------------------------------------------

# Sortable columns: the GET parameter "sort" names one ("-" before it: descending).
SORT_KEYS = {
    "name": lambda f: f.office.name,
    "superior": lambda f: f.office.parent.name if f.office.parent else "",
    "score": lambda f: f.score_percent,
    "projected": lambda f: f.projected_percent,
    "due_soon": lambda f: f.due_soon_indicators,
    "overdue_indicators": lambda f: f.overdue_indicators,
    "overdue_decisions": lambda f: f.overdue_decisions,
    "on_time": lambda f: f.on_time_percent,
}
DEFAULT_SORT = ("name", False)


def parse_sort(value) -> tuple[str, bool]:
    """ "-score" -> ("score", True); anything that is not a column gives the default order (by name)."""
    value = value if isinstance(value, str) else ""
    key, descending = (value[1:], True) if value.startswith("-") else (value, False)
    return (key, descending) if key in SORT_KEYS else DEFAULT_SORT


def sort_figures(figures: list[OfficeFigures], key: str, descending: bool) -> list[OfficeFigures]:
    """Sorted by the column, ties by name; offices without a figure (no plan, nothing due) last either way."""
    by_name = sorted(figures, key=lambda f: (f.office.name, f.office.pk))
    value = SORT_KEYS[key]
    known = [f for f in by_name if value(f) is not None]
    unknown = [f for f in by_name if value(f) is None]
    return sorted(known, key=value, reverse=descending) + unknown


def subordinate_offices(office: Office) -> list[Office]:
    """Every office below this one, at any depth (one query per level, and one for the offices)."""
    ids = subordinate_office_ids([office.pk]) - {office.pk}
    return list(Office.objects.filter(pk__in=ids).select_related("parent").order_by("name"))


def subordinates_dashboard(
    office: Office, *, fiscal_year: int, today: datetime.date, sort: tuple[str, bool]
) -> dict:
    offices = subordinate_offices(office)
    parents = {o.parent_id for o in offices}
    figures = office_figures(offices, fiscal_year=fiscal_year, today=today)
    for row in figures:
        row.has_subordinates = row.office.pk in parents
    return {"rows": sort_figures(figures, *sort), "sort": sort}


# Score bands of the superior dashboard's chart: the share of the plan's total marks earned so far.
SCORE_BANDS = ((80, 1000), (60, 80), (40, 60), (20, 40), (0, 20))


def score_bands(figures: list[OfficeFigures]) -> list[tuple[tuple[int, int], int]]:
    """[((low, high), how many offices scored low% <= score < high%)], best band first."""
    return [
        (
            band,
            sum(1 for f in figures if f.score_percent is not None and band[0] <= f.score_percent < band[1]),
        )
        for band in SCORE_BANDS
    ]
