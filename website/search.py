"""The public search: words and memo numbers across all published minutes (docs/search.md).

`search(query, office_ids=…, fiscal_year=…, page=…)` gives a page of results, each with its title
and up to two passages split into segments, the matched words marked; templates escape every
segment (templates/website/search_results.html), so the marks are the only markup.

What is typed goes through bangla.search.search_text, like the indexed text. A word of digits and
dots like "৫৮.০০.০০০০" is the start of a memo number, looked up on the normalised memo column;
the other words must all be found. On PostgreSQL they are matched by full-text search ('simple'
configuration, stored vectors, GIN): a word of three letters or more also finds the words it
begins ("সভা" finds "সভায়"), the longer words it is inside ("সচিব" finds "উপসচিব"), and when no
published word contains it, the nearest spellings (pg_trgm over the words of the index). Up to
COUNTED matches are ranked (title, then people, then text); past that the newest come first. Each
search has a time limit; a search that reaches it says so instead of failing. On SQLite (the demo)
each word is looked for inside the text (LIKE), newest first.

Only published minutes are found: the index holds nothing else, and the meeting's state is checked
again here.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.paginator import Page, Paginator
from django.db import OperationalError, connection, transaction
from django.db.models import F, Q

from bangla.search import is_memo_number, search_text
from minutes.models import Meeting, SearchEntry
from offices.access import subordinate_office_ids

PER_PAGE = 20
MAX_QUERY = 200  # characters of the query searched; the rest is said to be left out
MAX_WORDS = 8
MIN_PREFIX = 3  # shorter words ("ও", "এ") are matched whole, not as the start of longer words
INSIDE = 20  # at most this many longer words a word is looked for inside of (shortest first)
SIMILAR = 3  # at most this many near spellings of a word no published text contains
SIMILARITY = 0.5  # pg_trgm's similarity of a near spelling: আসাদুজ্জমান/আসাদুজ্জামান 0.67, অনুপস্থিত/উপস্থিত 0.38
COUNTED = 300  # matches counted and ranked; past that, the newest first
TIME_LIMIT_MS = 3000
PASSAGES = 2
CONTEXT = 70  # characters shown on each side of a match
_LETTER = r"[\w\u0980-\u09ff]"  # Python's \w leaves out Bangla vowel signs and hasanta (_is_letter)
_SEPARATOR = "\n"  # between the parts of an entry's text (SearchEntry.text)


@dataclass(frozen=True)
class Segment:
    text: str
    match: bool = False


@dataclass(frozen=True)
class Hit:
    meeting: Meeting  # its office loaded
    title: list[Segment]
    passages: list[list[Segment]]
    memo: list[Segment]


@dataclass(frozen=True)
class Results:
    query: str  # what was searched: normalised, cut to MAX_QUERY
    page: Page | None = None  # None: nothing to search for
    total: int = 0  # matches counted (at most COUNTED)
    more: bool = False  # more than COUNTED matched: the newest come first
    by_relevance: bool = False
    cut: bool = False  # the query was longer than what was searched
    timed_out: bool = False
    words: list[str] = field(default_factory=list)  # what the marks stand for

    @property
    def searched(self) -> bool:
        """Something was searched for (a page of no results is still a page)."""
        return self.page is not None

    @property
    def query_limit(self) -> int:
        return MAX_QUERY

    @property
    def hits(self) -> list[Hit]:
        return list(self.page.object_list) if self.page else []


@dataclass
class _Terms:
    """A query understood: memo-number starts (any of them) and words (all of them)."""

    text: str
    memos: list[str]
    words: list[str]
    cut: bool


def _terms(query: str) -> _Terms:
    text = search_text(query)
    cut = len(text) > MAX_QUERY
    text = text[:MAX_QUERY].strip()
    tokens = text.split()
    memos = [token for token in tokens if is_memo_number(token)]
    words = [token for token in tokens if not is_memo_number(token)]
    return _Terms(text=text, memos=memos[:MAX_WORDS], words=words, cut=cut)


def search(query: str, *, office_ids=None, fiscal_year: int | None = None, page=1) -> Results:
    """Published minutes matching `query`, page `page` (out of range: the nearest page).

    office_ids: only minutes of these offices and of every office below them; fiscal_year: only
    minutes of the fiscal year starting that year (2020 for ২০২০-২১)."""
    terms = _terms(query or "")
    if not terms.memos and not terms.words:
        return Results(query=terms.text, cut=terms.cut)
    entries = SearchEntry.objects.all()
    if office_ids is not None:
        entries = entries.filter(office_id__in=subordinate_office_ids(office_ids))
    if fiscal_year is not None:
        entries = entries.filter(fiscal_year=fiscal_year)
    entries = _with_memos(entries, terms)
    if connection.vendor == "postgresql":
        try:
            with transaction.atomic():
                _limit()
                return _search_postgresql(entries, terms, page)
        except OperationalError as error:
            if getattr(error.__cause__, "pgcode", None) != "57014":  # query_canceled: the time limit
                raise
            return Results(query=terms.text, cut=terms.cut, timed_out=True)
    return _search_like(entries, terms, page)


def found_minutes_ids(query: str):
    """The ids of the published minutes `query` finds, as a subquery (no order, no count, no time
    limit: for the feeds, the alerts and the exports, which filter and order the minutes
    themselves); None when there is nothing to search for."""
    terms = _terms(query or "")
    if not terms.memos and not terms.words:
        return None
    entries = _with_memos(SearchEntry.objects.filter(meeting__state=Meeting.State.PUBLISHED), terms)
    if connection.vendor == "postgresql":
        matching = _matching_postgresql(entries, terms)
    else:
        matching = _matching_like(entries, terms)
    if matching is None:
        return SearchEntry.objects.none().values("meeting_id")
    return matching[0].values("meeting_id")


def _with_memos(entries, terms: _Terms):
    """Only the entries whose memo number starts with one of the typed ones (if any was typed)."""
    if not terms.memos:
        return entries
    return entries.filter(reduce(or_, (Q(memo__startswith=memo) for memo in terms.memos)))


def _limit() -> None:
    """For this transaction only: the time limit, how near a near spelling must be, and the plans.

    PostgreSQL's planner does not count the cost of reading a document's vector (several kB, out of
    line) to test it against the query, so it would rather walk an index in some order and test
    row after row, or read the whole table, than ask the GIN index which rows match. Index scans
    are let back in once the matches are counted (`_indexes_again`)."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SET LOCAL statement_timeout = {TIME_LIMIT_MS:d}; "
            f"SET LOCAL pg_trgm.similarity_threshold = {SIMILARITY:.2f}; "
            "SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off"
        )


def _indexes_again() -> None:
    """For the page: each match's meeting is found by its key, and many matches listed newest first
    walk the index of issue dates, testing each row, until a page is full (rarer ones are sorted)."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_indexscan = on")


# ---- PostgreSQL: full-text search, words inside words and near spellings by pg_trgm -------------------------

# The typed words as the index cut them (to_tsvector), in the order typed, each with the longer
# published words it is inside of and, if no published word contains it, its nearest spellings.
_WORDS_SQL = r"""
SELECT q.lexeme,
       CASE WHEN char_length(q.lexeme) >= %(min)s THEN ARRAY(
           SELECT w.word FROM minutes_searchword w
           WHERE w.word LIKE '%%' || q.escaped || '%%' AND w.word NOT LIKE q.escaped || '%%'
           ORDER BY char_length(w.word), w.word LIMIT %(inside)s) END,
       CASE WHEN char_length(q.lexeme) >= %(min)s AND NOT EXISTS (
           SELECT 1 FROM minutes_searchword w WHERE w.word LIKE '%%' || q.escaped || '%%') THEN ARRAY(
           SELECT w.word FROM minutes_searchword w WHERE w.word %% q.lexeme
           ORDER BY similarity(w.word, q.lexeme) DESC, w.word LIMIT %(similar)s) END
FROM (
    SELECT lexeme, positions[1] AS first,
           replace(replace(replace(lexeme, '\', '\\'), '%%', '\%%'), '_', '\_') AS escaped
    FROM unnest(to_tsvector('simple', translate(%(words)s, '<>', '  ')))  -- as the index reads text
    WHERE lexeme !~ '.-'  -- "ই-নথি": its parts "ই" and "নথি" are words of the query too
    ORDER BY first LIMIT %(max)s
) q
ORDER BY q.first
"""


def _quoted(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def _matching_postgresql(entries, terms: _Terms):
    """(the entries holding every word, the full-text query or None, the words to mark); None if
    only punctuation was typed."""
    words: list[str] = []
    query = None
    if terms.words:
        with connection.cursor() as cursor:
            cursor.execute(
                _WORDS_SQL,
                {
                    "words": " ".join(terms.words),
                    "min": MIN_PREFIX,
                    "inside": INSIDE,
                    "similar": SIMILAR,
                    "max": MAX_WORDS,
                },
            )
            found = cursor.fetchall()
        if not found and not terms.memos:  # only punctuation was typed
            return None
        alternatives = []
        for lexeme, inside, similar in found:
            prefix = ":*" if len(lexeme) >= MIN_PREFIX else ""
            options = [_quoted(lexeme) + prefix] + [_quoted(w) + ":*" for w in inside or []]
            options += [_quoted(w) for w in similar or []]
            alternatives.append("(" + " | ".join(options) + ")")
            words += [lexeme, *(similar or [])]  # the longer words found contain the lexeme
        if alternatives:
            query = SearchQuery(" & ".join(alternatives), search_type="raw", config="simple")
            entries = entries.filter(vector=query)
    return entries, query, words


def _search_postgresql(entries, terms: _Terms, page) -> Results:
    matching = _matching_postgresql(entries, terms)
    if matching is None:
        return Results(query=terms.text, cut=terms.cut)
    entries, query, words = matching
    total = entries.values("pk")[: COUNTED + 1].count()
    _indexes_again()
    by_relevance = query is not None and total <= COUNTED
    if by_relevance:
        entries = entries.annotate(rank=SearchRank(F("vector"), query, normalization=1))
        entries = entries.order_by("-rank", "-issue_date", "-meeting_id")
    else:
        entries = entries.order_by("-issue_date", "-meeting_id")
    return _results(entries, terms, page, total=total, words=words, by_relevance=by_relevance)


# ---- SQLite (the demo): each word inside the text ------------------------------------------------------------

_TOKEN = re.compile(rf"{_LETTER}+(?:[.@/-]{_LETTER}+)*")


def _matching_like(entries, terms: _Terms):
    """(the entries holding every word, the words); None if only punctuation was typed."""
    words = _TOKEN.findall(" ".join(terms.words))[:MAX_WORDS]
    if terms.words and not words and not terms.memos:
        return None
    for word in words:
        entries = entries.filter(
            Q(title__icontains=word) | Q(people__icontains=word) | Q(body__icontains=word)
        )
    return entries, words


def _search_like(entries, terms: _Terms, page) -> Results:
    matching = _matching_like(entries, terms)
    if matching is None:
        return Results(query=terms.text, cut=terms.cut)
    entries, words = matching
    entries = entries.order_by("-issue_date", "-meeting_id")
    total = entries.values("pk")[: COUNTED + 1].count()
    return _results(entries, terms, page, total=total, words=words, by_relevance=False)


# ---- the page of results, with passages ----------------------------------------------------------------------


class _Counted:
    """A queryset whose length is already counted, for Paginator."""

    def __init__(self, queryset, count: int):
        self.queryset, self._count = queryset, count

    def count(self) -> int:
        return self._count

    def __getitem__(self, index):
        return self.queryset[index]


def _results(entries, terms: _Terms, page, *, total: int, words: list[str], by_relevance: bool) -> Results:
    """The page of results. `total` counts the index's entries; the page checks each meeting's state
    again (an entry left behind by minutes taken off the website is never shown)."""
    counted = min(total, COUNTED)
    entries = entries.filter(meeting__state=Meeting.State.PUBLISHED)
    entries = entries.select_related("meeting__office").defer("vector")
    paginator = Paginator(_Counted(entries, counted), PER_PAGE)
    page_obj = paginator.get_page(page)
    pattern = _pattern(words)
    page_obj.object_list = [_hit(entry, pattern, terms.memos) for entry in page_obj.object_list]
    return Results(
        query=terms.text,
        page=page_obj,
        total=counted,
        more=total > COUNTED,
        by_relevance=by_relevance,
        cut=terms.cut,
        words=words,
    )


def _pattern(words: list[str]) -> re.Pattern | None:
    words = sorted({word for word in words if word}, key=len, reverse=True)
    return re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE) if words else None


def _is_letter(character: str) -> bool:
    return character.isalnum() or character == "_" or "\u0980" <= character <= "\u09ff"


def _spans(text: str, pattern: re.Pattern | None) -> Iterator[tuple[int, int]]:
    """Where the words are, in order: a short word (under MIN_PREFIX) standing alone; a longer one
    with the whole word it begins or is inside of."""
    last: tuple[int, int] | None = None
    for match in pattern.finditer(text) if pattern else ():
        start, end = match.span()
        alone = not (start and _is_letter(text[start - 1])) and not (
            end < len(text) and _is_letter(text[end])
        )
        if end - start < MIN_PREFIX and not alone:
            continue
        while start and _is_letter(text[start - 1]):
            start -= 1
        while end < len(text) and _is_letter(text[end]):
            end += 1
        if last and start < last[1]:  # the same word again
            last = (last[0], max(end, last[1]))
            continue
        if last:
            yield last
        last = (start, end)
    if last:
        yield last


def segments(text: str, pattern: re.Pattern | None) -> list[Segment]:
    """`text` cut into plain and matched segments."""
    result, at = [], 0
    for start, end in _spans(text, pattern):
        if start > at:
            result.append(Segment(text[at:start]))
        result.append(Segment(text[start:end], match=True))
        at = end
    if at < len(text):
        result.append(Segment(text[at:]))
    return result


def passages(text: str, pattern: re.Pattern | None, *, limit: int = PASSAGES) -> list[list[Segment]]:
    """Up to `limit` passages around the first matches, each within one part of the text (a line),
    cut at spaces, with "…" where the line goes on."""
    windows: list[list[int]] = []  # [start, end, line start, line end]
    for found_start, found_end in _spans(text, pattern):
        line_start = text.rfind(_SEPARATOR, 0, found_start) + 1
        line_end = text.find(_SEPARATOR, found_end)
        line_end = len(text) if line_end < 0 else line_end
        start, end = max(line_start, found_start - CONTEXT), min(line_end, found_end + CONTEXT)
        if windows and windows[-1][2] == line_start and start <= windows[-1][1]:
            windows[-1][1] = end  # overlaps the one before: one passage
        elif len(windows) < limit:
            windows.append([start, end, line_start, line_end])
        else:
            break
    return [_passage(text, *window, pattern) for window in windows]


def _passage(text: str, start: int, end: int, line_start: int, line_end: int, pattern) -> list[Segment]:
    if start > line_start:  # begin after a space, not inside a word
        start = text.find(" ", start, end) + 1 or start
    if end < line_end and text.rfind(" ", start, end) > start:
        end = text.rfind(" ", start, end)
    lead = [Segment("…")] if start > line_start else []
    tail = [Segment("…")] if end < line_end else []
    return lead + segments(text[start:end].strip(), pattern) + tail


def _beginning(text: str) -> list[Segment]:
    """The start of the text's first line, for a result whose words are only in its title or memo."""
    line = text.split(_SEPARATOR, 1)[0]
    return _passage(line, 0, min(len(line), 2 * CONTEXT), 0, len(line), None) if line else []


def _hit(entry: SearchEntry, pattern: re.Pattern | None, memos: list[str]) -> Hit:
    memo = entry.memo
    matched = max((len(m) for m in memos if memo.startswith(m)), default=0)
    memo_segments = (
        [Segment(memo[:matched], match=True), Segment(memo[matched:])] if matched else [Segment(memo)]
    )
    # Passages from the people and the text; the title is shown whole, marked.
    rest = _SEPARATOR.join(part for part in (entry.people, entry.body) if part)
    shown = passages(rest, pattern) or [_beginning(entry.body)]
    return Hit(
        meeting=entry.meeting,
        title=segments(entry.title, pattern),
        passages=[passage for passage in shown if passage],
        memo=[s for s in memo_segments if s.text],
    )
