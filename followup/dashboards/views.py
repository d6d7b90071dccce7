"""The dashboards: an office's own (for its staff and its superior offices' staff), and a superior
office's view of every office below it, side by side. Anyone else gets 404 (offices/access.py)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from bangla.digits import parse_integer
from followup.dashboards import charts, selectors
from offices.selectors import get_office_for_user_or_404

YEARS_SHOWN = 5
COLUMNS = [
    ("name", _("office")),
    ("superior", _("superior office")),
    ("score", _("score so far")),
    ("projected", _("projected score")),
    ("due_soon", _("indicators due in 30 days")),
    ("overdue_indicators", _("overdue indicators")),
    ("overdue_decisions", _("overdue decisions")),
    ("on_time", _("decisions closed on time")),
]


def fiscal_year_choice(value, today) -> tuple[int, list[int]]:
    """The fiscal year asked for (?year=2024 or ২০২৪) if it is one of the last few, else the current one;
    and the years to choose from, latest first."""
    current = selectors.default_fiscal_year(today)
    years = list(range(current, current - YEARS_SHOWN, -1))
    try:
        asked = parse_integer(value or "")
    except ValueError:
        asked = None
    return (asked if asked in years else current), years


def _common(request, pk) -> dict:
    """The office (404 unless the user may read it), today and the fiscal year asked for."""
    office = get_office_for_user_or_404(request.user, pk)
    today = timezone.localdate()
    fiscal_year, years = fiscal_year_choice(request.GET.get("year"), today)
    return {"office": office, "today": today, "fiscal_year": fiscal_year, "years": years}


def _drawn(*drawn) -> list:
    """The charts there is something to draw in."""
    return [chart for chart in drawn if chart]


@login_required
@require_safe
def office_dashboard(request, pk):
    ctx = _common(request, pk)
    data = selectors.office_dashboard(ctx["office"], fiscal_year=ctx["fiscal_year"], today=ctx["today"])
    figures = data["figures"]
    ctx |= {
        "due_soon_days": selectors.DUE_SOON_DAYS,
        **data,
        "charts": _drawn(
            charts.score_chart(figures),
            charts.on_time_chart(figures),
            charts.branches_chart(data["branch_rows"]),
        ),
    }
    return render(request, "followup/dashboards/office.html", ctx)


@login_required
@require_safe
def subordinates_dashboard(request, pk):
    ctx = _common(request, pk)
    sort = selectors.parse_sort(request.GET.get("sort"))
    data = selectors.subordinates_dashboard(
        ctx["office"], fiscal_year=ctx["fiscal_year"], today=ctx["today"], sort=sort
    )
    rows = data["rows"]
    without_plan = sum(1 for row in rows if row.plan is None)
    ctx |= {
        "columns": _sortable_columns(ctx["office"], ctx["fiscal_year"], sort),
        **data,
        "charts": _drawn(
            charts.bands_chart(selectors.score_bands(rows), without_plan) if rows else None,
            charts.most_overdue_chart(rows),
        ),
    }
    return render(request, "followup/dashboards/subordinates.html", ctx)


def _sortable_columns(office, fiscal_year, sort) -> list[dict]:
    """Each column's heading with the link that sorts by it (again: the other way) and its aria-sort."""
    key, descending = sort
    base = reverse("followup:dashboard_subordinates", args=[office.pk])
    columns = []
    for name, label in COLUMNS:
        current = name == key
        wanted = name if not current or descending else f"-{name}"
        columns.append(
            {
                "key": name,
                "label": label,
                "href": f"{base}?{urlencode({'year': fiscal_year, 'sort': wanted})}",
                "aria_sort": ("descending" if descending else "ascending") if current else None,
            }
        )
    return columns
