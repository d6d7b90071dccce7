"""The public search page (/public/search/?q=…&office=…&year=…&page=…): anyone may search the
published minutes (website/search.py). Whatever is typed gets a page: unreadable filters are
left out, a page number past the end gives the last page."""

import re

from django.db.models import Min, Q
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from bangla.digits import to_ascii_digits
from bangla.fiscal import fiscal_year_start
from minutes.models import SearchEntry
from offices.models import Office
from website.search import search

# "২০২০", "2020-21", "২০২০-২০২১": the fiscal year starting in 2020.
_FISCAL_YEAR = re.compile(r"\s*([0-9]{4})(?:\s*[-–/]\s*(?:[0-9]{2}|[0-9]{4}))?\s*", re.ASCII)


def fiscal_year_typed(value: str) -> int | None:
    match = _FISCAL_YEAR.fullmatch(to_ascii_digits(value or ""))
    year = int(match.group(1)) if match else None
    return year if year and 1971 <= year <= 2200 else None


def _office(value: str) -> Office | None:
    match = re.fullmatch(r"\s*([0-9]{1,18})\s*", to_ascii_digits(value or ""), re.ASCII)
    return Office.objects.filter(pk=int(match.group(1))).first() if match else None


def _office_choices(chosen: Office | None) -> list[tuple[Office, list[Office]]]:
    """The top offices (ministries, divisions) with the offices right below them, and the chosen one
    if it is deeper; one query."""
    offices = Office.objects.filter(Q(parent__isnull=True) | Q(parent__parent__isnull=True))
    groups: dict[int, tuple[Office, list[Office]]] = {}
    below = []
    for office in offices.only("pk", "name", "parent_id").order_by("name"):
        if office.parent_id is None:
            groups[office.pk] = (office, [])
        else:
            below.append(office)
    for office in below:
        groups[office.parent_id][1].append(office)
    if chosen and chosen.pk not in groups and not any(chosen in group[1] for group in groups.values()):
        groups[chosen.pk] = (chosen, [])
    return list(groups.values())


def _fiscal_years() -> list[int]:
    """From the earliest fiscal year with published minutes to this one, newest first."""
    earliest = SearchEntry.objects.aggregate(earliest=Min("fiscal_year"))["earliest"]
    latest = fiscal_year_start(timezone.localdate())
    return list(range(max(latest, earliest or latest), (earliest or latest) - 1, -1))


@require_GET
def search_page(request):
    query = request.GET.get("q", "")
    office = _office(request.GET.get("office", ""))
    year = fiscal_year_typed(request.GET.get("year", ""))
    results = search(
        query,
        office_ids=[office.pk] if office else None,
        fiscal_year=year,
        page=request.GET.get("page", 1),
    )
    ctx = {
        "results": results,
        "typed": query[:2000],
        "office": office,
        "year": year,
        "office_choices": _office_choices(office),
        "fiscal_years": _fiscal_years(),
    }
    return render(request, "website/search.html", ctx)
