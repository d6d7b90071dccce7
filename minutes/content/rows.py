"""Lists of rows in a posted form (Django formsets with ORDER and DELETE): adding, removing and
moving a row edit the posted data, which is then shown again, unsaved. The minutes editor and the
plan editor (actionplan/editing/) share these.

A list is named by its formset prefix ("items", "items-2-decisions"); its row count is checked
against the limit the caller gives before any form is built.
"""

from django.core.exceptions import BadRequest
from django.http import QueryDict


def total_forms(data: QueryDict, prefix: str, limit: int) -> int:
    """The row count the browser posted for a list. One over the limit is shown as a form error
    ("at most N rows"); more, or not a number, is refused (400) before any form is built."""
    value = data.get(f"{prefix}-TOTAL_FORMS") or "0"
    if not (value.isascii() and value.isdigit() and int(value) <= limit + 1):
        raise BadRequest("bad row count")
    return int(value)


def is_deleted(value) -> bool:
    """A row's posted DELETE value: "on" when removed; "", "False" (a re-shown page) otherwise."""
    return bool(value) and value not in ("", "false", "False", "0", "off")


def as_int(value) -> int:
    return int(value) if isinstance(value, str) and value.isascii() and value.isdigit() else 0


def add_row(data: QueryDict, prefix: str, limit: int) -> int | None:
    """Append an empty row to the list `prefix`; returns its index (None: the list is past its limit
    already, and the page says so)."""
    total = total_forms(data, prefix, limit)
    if total > limit:
        return None
    if f"{prefix}-TOTAL_FORMS" not in data:
        data[f"{prefix}-INITIAL_FORMS"] = "0"
    orders = [as_int(data.get(f"{prefix}-{i}-ORDER")) for i in range(total)]
    data[f"{prefix}-TOTAL_FORMS"] = str(total + 1)
    data[f"{prefix}-{total}-ORDER"] = str(max(orders, default=0) + 1)
    return total


def move_row(data: QueryDict, target: str, step: int, limit: int) -> None:
    """Swap the row `target` ("items-3") with its live neighbour above (step -1) or below (+1)."""
    prefix, _sep, index = target.rpartition("-")
    if not index.isdigit():
        raise BadRequest("no row to move")
    total = total_forms(data, prefix, limit)
    live = [i for i in range(total) if not is_deleted(data.get(f"{prefix}-{i}-DELETE"))]
    live.sort(key=lambda i: (as_int(data.get(f"{prefix}-{i}-ORDER")), i))
    for n, i in enumerate(live):  # renumber 1..n, then swap with the neighbour
        data[f"{prefix}-{i}-ORDER"] = str(n + 1)
    position = live.index(int(index)) if int(index) in live else -1
    other = position + step
    if position >= 0 and 0 <= other < len(live):
        a, b = live[position], live[other]
        data[f"{prefix}-{a}-ORDER"], data[f"{prefix}-{b}-ORDER"] = (
            data[f"{prefix}-{b}-ORDER"],
            data[f"{prefix}-{a}-ORDER"],
        )


def form_deleted(form) -> bool:
    return is_deleted(form["DELETE"].value())


def _order_of(form) -> int:
    value = form["ORDER"].value()
    try:
        return int(value)
    except (TypeError, ValueError):
        return 10**6


def ordered(formset) -> list:
    """The formset's live forms in the order the user arranged them."""
    forms = [f for f in formset.forms if not form_deleted(f)]
    return sorted(forms, key=lambda f: (_order_of(f), formset.forms.index(f)))


def deleted(formset) -> list:
    """The removed rows, kept as hidden fields so that the next post still carries them."""
    return [f for f in formset.forms if form_deleted(f)]


def numbered(rows: list[dict]) -> list[dict]:
    """Initial data of a list's forms, with the ORDER the user sees (1, 2, …)."""
    return [{**row, "ORDER": n} for n, row in enumerate(rows, start=1)]
