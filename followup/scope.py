"""Which items the dashboards and the calendar feeds show, and whose they are.

- `followed_occurrences()`: the items still followed: every indicator's, and the decisions of issued
  minutes only (a decision of a draft never shows, even if an item was made for it by hand), never
  one superseded by later minutes.
- `overdue()`: Occurrence.is_overdue as a query: open, and its due date has passed.
- `followed_items_for_official(official)`: the official's items (followup.responsibility's rule of
  whose item it is), still followed.
- `responsible_branches(occurrence)`: under which branches an item is counted on the dashboards.
- `item_path(occurrence)`, `decision_text(occurrence)`: the item's page and its words, for the
  dashboards' lists and the feeds' events.
"""

import datetime

from django.db.models import Q, QuerySet
from django.urls import reverse

from followup.models import Occurrence
from followup.responsibility import items_for_official
from minutes.content.richtext import visible_text
from minutes.models import Meeting
from offices.models import Branch, Official

S = Occurrence.Status


def followed_occurrences() -> QuerySet[Occurrence]:
    return Occurrence.objects.exclude(status=S.SUPERSEDED).filter(
        Q(indicator__isnull=False) | Q(decision__agenda_item__meeting__state__in=Meeting.ISSUED_STATES)
    )


def pending() -> Q:
    """Still to be done or confirmed (Occurrence.PENDING_STATUSES)."""
    return Q(status__in=Occurrence.PENDING_STATUSES)


def overdue(today: datetime.date) -> Q:
    """Occurrence.is_overdue, for a query: still open (not even reported done) after its due date."""
    return Q(status=S.OPEN, due_date__lt=today)


def followed_items_for_official(official: Official | None) -> QuerySet[Occurrence]:
    """The official's items (followup.responsibility.items_for_official, the one rule of whose item it
    is) that are still followed."""
    return followed_occurrences().filter(pk__in=items_for_official(official).values("pk"))


def responsible_branches(occurrence: Occurrence) -> list[Branch | None]:
    """The branches an item is counted under: each branch named, or the branch of each post or
    official named (a decision may name several); None if it names no branch (the whole office, a
    name typed outside the portal, or no one). Reads what was prefetched: `decision.responsibilities`
    with their branch, post__branch and official__branch; an indicator's responsible_branch and
    responsible_post__branch."""
    if occurrence.indicator_id:
        indicator = occurrence.indicator
        named = [
            indicator.responsible_branch or (indicator.responsible_post and indicator.responsible_post.branch)
        ]
    else:
        named = [
            r.branch or (r.post and r.post.branch) or (r.official and r.official.branch)
            for r in occurrence.decision.responsibilities.all()
        ]
    branches = list(dict.fromkeys(branch for branch in named if branch))
    return branches or [None]


def item_path(occurrence: Occurrence) -> str:
    """The item's own page: its history, and where it is reported on."""
    return reverse("followup:item", args=[occurrence.pk])


def decision_text(occurrence: Occurrence) -> str:
    """The decision's words without markup, on one line."""
    return " ".join(visible_text(occurrence.decision.text).split())
