"""The API's reads: published minutes only (and the offices, which are public). Every detail lookup
filters on the minutes' state, so a draft's, an unpublished or a withdrawn version's ids answer 404
like ids that never existed. Each answer costs a fixed few queries (tests/website/test_open_data.py)."""

from django.db.models import Exists, F, OuterRef, Prefetch, QuerySet, Window
from django.db.models.functions import RowNumber
from django.http import Http404

from minutes.models import AgendaItem, Decision, Meeting, Responsibility
from offices.models import Office
from website import selectors
from website.following import Criteria, with_publication_time
from website.opendata import published_decisions

PUBLISHED = Meeting.State.PUBLISHED
MINUTES_FIELDS = (
    *selectors.LIST_FIELDS, "start_time", "venue",
    "issued_document__id", "issued_document__meeting_id", "issued_document__pdf_sha256",
    "issued_document__pdf_size", "issued_document__html_sha256",
)  # fmt: skip
OFFICE_FIELDS = (
    "id", "name", "name_en", "short_name", "kind", "parent_id", "slug", "website", "publish_decision_status",
)  # fmt: skip


def offices() -> QuerySet[Office]:
    return Office.objects.only(*OFFICE_FIELDS).order_by("name", "id")


def get_office_or_404(pk: int) -> Office:
    office = offices().filter(pk=pk).first()
    if office is None:
        raise Http404
    return office


def _facts(minutes: QuerySet[Meeting]) -> QuerySet[Meeting]:
    """With their publication time, and whether the version they correct is published too."""
    replaces_published = Exists(Meeting.objects.filter(pk=OuterRef("replaces_id"), state=PUBLISHED))
    return with_publication_time(minutes).annotate(replaces_published=replaces_published)


def minutes(criteria: Criteria) -> QuerySet[Meeting]:
    """Published minutes matching, newest first, with their stored files' facts."""
    return _facts(criteria.minutes().select_related("issued_document").only(*MINUTES_FIELDS))


def get_minutes_or_404(pk: int) -> Meeting:
    meeting = (
        _facts(Meeting.objects.filter(state=PUBLISHED, pk=pk))
        .select_related("office", "team", "issued_document", "corrected_by")
        .first()
    )
    if meeting is None:
        raise Http404
    return meeting


def agenda_items(meeting_ids, **filters) -> list[AgendaItem]:
    """The agenda items (of published minutes) with their decisions and who carries them out, in the
    document's order; each decision numbered within its item."""
    decisions = (
        Decision.objects.annotate(number=_NUMBER).prefetch_related(_RESPONSIBLE).order_by("order", "id")
    )
    items = (
        AgendaItem.objects.filter(meeting_id__in=meeting_ids, meeting__state=PUBLISHED, **filters)
        .annotate(number=Window(RowNumber(), partition_by=F("meeting_id"), order_by=["order", "id"]))
        .select_related("meeting__office")
        .prefetch_related(Prefetch("decisions", queryset=decisions))
        .order_by("meeting_id", "order", "id")
    )
    return list(items)


def get_agenda_item_or_404(pk: int) -> AgendaItem:
    """One agenda item of published minutes (numbered among its minutes' items)."""
    item = AgendaItem.objects.filter(pk=pk, meeting__state=PUBLISHED).only("meeting_id").first()
    found = [i for i in agenda_items([item.meeting_id]) if i.pk == pk] if item else []
    if not found:
        raise Http404
    return found[0]


def decisions(criteria: Criteria) -> QuerySet[Decision]:
    return published_decisions(criteria.minutes()).annotate(number=_NUMBER)


def get_decision_or_404(pk: int) -> Decision:
    """One decision of published minutes (numbered among its agenda item's decisions, so read with them)."""
    item_id = (
        Decision.objects.filter(pk=pk, agenda_item__meeting__state=PUBLISHED)
        .values_list("agenda_item_id", flat=True)
        .first()
    )
    if item_id is None:
        raise Http404
    siblings = published_decisions(Meeting.objects.filter(state=PUBLISHED)).annotate(number=_NUMBER)
    return next(d for d in siblings.filter(agenda_item_id=item_id) if d.pk == pk)


_NUMBER = Window(RowNumber(), partition_by=F("agenda_item_id"), order_by=["order", "id"])
_RESPONSIBLE = Prefetch(
    "responsibilities", queryset=Responsibility.objects.only("id", "decision_id", "label", "order")
)
