"""Writing the public search's index (minutes/models/search.py); website/search.py reads it.

Published minutes have an entry, nothing else does: `search_entry_sync` looks at the meeting as it
is now and writes its entry or removes it. The workflow calls it after the commit of a step that
publishes (minutes/workflow/services.py), and so must any step that ever takes minutes off the
website; `manage.py search_rebuild` writes every entry again (after an office is renamed, or to
repair). The public search also checks the meeting's state, so an entry left behind finds nothing.
"""

from collections.abc import Callable, Iterable

from django.db import connection, transaction
from django.db.models import Prefetch

from bangla.fiscal import fiscal_year_start
from bangla.search import memo_key, search_text
from minutes.content.richtext import visible_text
from minutes.models import AgendaItem, Attendee, Decision, Meeting, SearchEntry
from minutes.models.search import VECTOR


def _published(meeting_ids: Iterable[int]):
    """Published minutes with what their entry needs, in lists (to_attr: no queryset per row)."""
    decisions = Decision.objects.only("agenda_item_id", "order", "text").prefetch_related(
        Prefetch("responsibilities", to_attr="indexed_responsibilities")
    )
    items = AgendaItem.objects.only("meeting_id", "order", "title", "discussion").prefetch_related(
        Prefetch("decisions", decisions, to_attr="indexed_decisions")
    )
    attendees = Attendee.objects.only("meeting_id", "order", "name", "designation", "workplace")
    return (
        Meeting.objects.filter(pk__in=list(meeting_ids), state=Meeting.State.PUBLISHED)
        .select_related("office")
        .prefetch_related(
            Prefetch("agenda_items", items, to_attr="indexed_items"),
            Prefetch("attendees", attendees, to_attr="indexed_attendees"),
            Prefetch("recipients", to_attr="indexed_recipients"),
        )
    )


def _lines(*parts: str) -> str:
    return "\n".join(search_text(part) for part in parts if part and part.strip())


def search_entry_for(meeting: Meeting) -> SearchEntry:
    """The entry of published minutes, loaded by `_published`."""
    people = [meeting.office.name, meeting.chair_name, meeting.chair_designation]
    people += [meeting.issuer_name, meeting.issuer_designation]  # who signs the memo block
    for attendee in meeting.indexed_attendees:
        people += [attendee.name, attendee.designation, attendee.workplace]
    body = []  # the agenda first: a result whose words are elsewhere shows its beginning
    for item in meeting.indexed_items:
        body += [item.title, visible_text(item.discussion)]
        for decision in item.indexed_decisions:
            body.append(visible_text(decision.text))
            body += [responsibility.label for responsibility in decision.indexed_responsibilities]
    body += [meeting.venue, meeting.opening, meeting.closing]
    body += [recipient.line() for recipient in meeting.indexed_recipients]
    return SearchEntry(
        meeting=meeting,
        office_id=meeting.office_id,
        # As the staff list counts it (minutes/filters.py): the year the minutes name, or the one held in.
        fiscal_year=meeting.fiscal_year or fiscal_year_start(meeting.date),
        issue_date=meeting.issue_date or meeting.date,
        memo=memo_key(meeting.memo_number),
        title=search_text(meeting.title),
        people=_lines(*people),
        body=_lines(*body),
    )


def _index(meeting_ids: list[int]) -> None:
    """On PostgreSQL: the entries' vectors, and their words of three letters or more (not numbers)
    added to the words, in order (concurrent publishers then never deadlock on them)."""
    if connection.vendor != "postgresql" or not meeting_ids:
        return
    SearchEntry.objects.filter(pk__in=meeting_ids).update(vector=VECTOR)
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO minutes_searchword (word) "
            "SELECT DISTINCT word FROM minutes_searchentry, unnest(tsvector_to_array(vector)) AS word "
            "WHERE meeting_id = ANY(%s) AND char_length(word) >= 3 AND word !~ '^[0-9[:punct:]]+$' "
            "ORDER BY word ON CONFLICT DO NOTHING",
            [meeting_ids],
        )


@transaction.atomic
def search_entry_sync(*, meeting_id: int) -> bool:
    """Write the entry of these minutes if they are published, remove it otherwise; True if written."""
    meeting = _published([meeting_id]).select_for_update(of=("self",)).first()
    if meeting is None:
        SearchEntry.objects.filter(pk=meeting_id).delete()
        return False
    entry = search_entry_for(meeting)
    SearchEntry.objects.filter(pk=meeting_id).delete()
    entry.save(force_insert=True)
    _index([meeting_id])
    return True


def search_entries_rebuild(*, batch_size: int = 500, progress: Callable[[int], None] | None = None) -> int:
    """Every entry written again from the published minutes, in batches of one transaction each;
    entries of minutes no longer published removed. Returns the number of entries."""
    SearchEntry.objects.exclude(meeting__state=Meeting.State.PUBLISHED).delete()
    ids = list(
        Meeting.objects.filter(state=Meeting.State.PUBLISHED).order_by("pk").values_list("pk", flat=True)
    )
    for start in range(0, len(ids), batch_size):
        batch = ids[start : start + batch_size]
        with transaction.atomic():
            entries = [search_entry_for(meeting) for meeting in _published(batch)]
            SearchEntry.objects.filter(pk__in=batch).delete()
            SearchEntry.objects.bulk_create(entries)
            _index([entry.meeting_id for entry in entries])
        if progress:
            progress(min(start + batch_size, len(ids)))
    return len(ids)
