"""Which items the dashboards and the calendar feeds show, and whose they are.

- `followed_occurrences()`: the items still followed: every indicator's, and the decisions of issued
  minutes only (a decision of a draft never shows, even if an item was made for it by hand), never
  one superseded by later minutes.
- `overdue()`: Occurrence.is_overdue as a query: open, and its due date has passed.
- `items_for_official(official)`: the one rule for "whose item is it", read for one official.
  TO MERGE with followup/responsibility.py's `items_for_official` (the "My work" helper's): same name,
  same answer shape (a query set of occurrences), so that one rule remains.
- `responsible_branches(occurrence)`: under which branches an item is counted on the dashboards.
- `item_path(occurrence)`, `decision_text(occurrence)`: the item's page and its words, for the
  dashboards' lists and the feeds' events.
"""

import datetime
import functools
import operator

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse

from followup.models import Occurrence
from minutes.content.richtext import visible_text
from minutes.models import Meeting, Responsibility
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


def items_for_official(official: Official | None) -> QuerySet[Occurrence]:
    """Every followed item that is the official's today: a decision assigned to them, to the post they
    hold now, to their branch or to their office; an indicator whose responsible post they hold or
    whose responsible branch is theirs. A transfer hands the post's items to the new holder at once
    (the post is read from Official.post now). None for an official no longer in office."""
    if official is None or not official.is_active:
        return Occurrence.objects.none()
    assigned = [Q(official=official.pk), Q(office=official.office_id)]
    by_indicator = []
    if official.post_id:
        assigned.append(Q(post=official.post_id))
        by_indicator.append(Q(indicator__responsible_post=official.post_id))
    if official.branch_id:
        assigned.append(Q(branch=official.branch_id))
        by_indicator.append(Q(indicator__responsible_branch=official.branch_id))
    decisions = Responsibility.objects.filter(
        functools.reduce(operator.or_, assigned), decision=OuterRef("decision_id")
    )
    return followed_occurrences().filter(functools.reduce(operator.or_, by_indicator, Q(Exists(decisions))))


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
    """The item's page: its meeting's for a decision, its indicator's for an indicator.
    TO MERGE: the follow-up item's own page (followup:item), once both branches meet."""
    if occurrence.decision_id:
        return reverse("minutes:detail", args=[occurrence.decision.agenda_item.meeting_id])
    return reverse("actionplan:indicator", args=[occurrence.indicator_id])


def decision_text(occurrence: Occurrence) -> str:
    """The decision's words without markup, on one line."""
    return " ".join(visible_text(occurrence.decision.text).split())
