"""What a reader follows (an office, with or without the offices below it, a text, a fiscal year) and
the published minutes it matches: the one reading behind the Atom feeds, the e-mail alerts and the
decisions export.

`matching_minutes` is the one place the text query is run: it asks the public search
(website/search.py) which published minutes the text finds, as the search page does.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.db.models import F, OuterRef, QuerySet, Subquery, Window
from django.db.models.functions import RowNumber
from django.http import Http404
from django.utils.translation import gettext as _

from bangla.forms import shown_digits
from minutes.models import Decision, Meeting, Transition
from offices.models import Office
from website import search, selectors
from website.addresses import fiscal_year_segment, parse_fiscal_year

MAX_QUERY = 200  # characters of a followed text
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# When minutes were (last) published: their latest step to "published" (a correction is minutes of
# its own, with its own publication; minutes withdrawn and published again count from the latest).
PUBLISHED_AT = Subquery(
    Transition.objects.filter(meeting=OuterRef("pk"), to_state=Meeting.State.PUBLISHED)
    .order_by("-at", "-id")
    .values("at")[:1]
)


class BadCriteria(ValueError):
    """The parameters do not say what to follow; str() says why, in the reader's language."""


@dataclass(frozen=True)
class Criteria:
    office: Office | None = None
    subordinates: bool = False
    query: str = ""
    fiscal_year: int | None = None

    @classmethod
    def from_params(cls, params, *, office: Office | None = None) -> "Criteria":
        """From a query string (office, sub, q, fy); `office` when the address names it already.
        Raises BadCriteria for values that are not understood (never guesses)."""
        query = clean_query(params.get("q", ""))
        fiscal_year = None
        if params.get("fy", "").strip():
            fiscal_year = parse_fiscal_year(params["fy"])
            if fiscal_year is None:
                raise BadCriteria(_("The fiscal year is not understood: write it as 2022-23."))
        sub = params.get("sub", "")
        if sub not in ("", "0", "1"):
            raise BadCriteria(_("“sub” is 1 (with the offices below) or 0."))
        if office is None and params.get("office", "").strip():
            office = office_by_web_name(params["office"].strip())
        return cls(
            office=office,
            subordinates=sub == "1" and office is not None,
            query=query,
            fiscal_year=fiscal_year,
        )

    def office_ids(self) -> list[int] | None:
        if self.office is None:
            return None
        return selectors.office_tree(self.office)[1] if self.subordinates else [self.office.pk]

    def minutes(self, office_ids: list[int] | None = None) -> QuerySet[Meeting]:
        """The published minutes these criteria match, newest first (`office_ids`: already known)."""
        ids = office_ids if office_ids is not None else self.office_ids()
        return matching_minutes(query=self.query, office_ids=ids, fiscal_year=self.fiscal_year)

    def params(self) -> dict[str, str]:
        """As query-string parameters (ASCII digits), only those set."""
        values = {
            "office": self.office.web_name if self.office else "",
            "sub": "1" if self.subordinates else "",
            "q": self.query,
            "fy": fiscal_year_segment(self.fiscal_year) if self.fiscal_year else "",
        }
        return {name: value for name, value in values.items() if value}

    def describe(self) -> str:
        """For people: "দপ্তর ক ও এর অধীন দপ্তরসমূহ · “ই-নথি” · অর্থবছর ২০২২-২৩"."""
        parts = []
        if self.office is not None:
            parts.append(
                _("%(office)s and the offices below it") % {"office": self.office.name}
                if self.subordinates
                else self.office.name
            )
        if self.query:
            parts.append(f"“{self.query}”")
        if self.fiscal_year:
            parts.append(
                _("fiscal year %(year)s") % {"year": shown_digits(fiscal_year_segment(self.fiscal_year))}
            )
        return " · ".join(parts) or _("all published minutes")


def clean_query(text: str) -> str:
    """A followed text: NFC, spaces collapsed; BadCriteria if too long or with control characters."""
    query = " ".join(unicodedata.normalize("NFC", text or "").split())
    if _CONTROL.search(query):
        raise BadCriteria(_("The text contains characters that cannot be searched for."))
    if len(query) > MAX_QUERY:
        raise BadCriteria(
            _("The text is too long (at most %(count)s characters).") % {"count": shown_digits(MAX_QUERY)}
        )
    return query


def office_by_web_name(web_name: str) -> Office:
    try:
        return selectors.get_office_or_404(web_name.lower()[:50])
    except Http404:
        raise BadCriteria(_("There is no such office.")) from None


def matching_minutes(*, query: str = "", office_ids: list[int] | None = None, fiscal_year: int | None = None):
    """Published minutes matching the text (and offices, fiscal year), newest first, each with its
    office loaded: THE place the search is asked. The text finds what it finds on the search page
    (its words in the title, the people or the text, or the start of the memo number)."""
    minutes = selectors.published_minutes(offices=office_ids, fiscal_year=fiscal_year)
    found = search.found_minutes_ids(query)
    return minutes if found is None else minutes.filter(pk__in=found)


def with_publication_time(minutes: QuerySet[Meeting]) -> QuerySet[Meeting]:
    """Each with `published_at`, when it was (last) published."""
    return minutes.annotate(published_at=PUBLISHED_AT)


def first_decisions(meeting_ids: list[int], per_meeting: int = 3) -> dict[int, list[Decision]]:
    """The first decisions of each of these minutes, in the document's order, in one query."""
    order = ["agenda_item__order", "agenda_item_id", "order", "id"]
    decisions = (
        Decision.objects.filter(agenda_item__meeting_id__in=meeting_ids)
        .annotate(
            meeting_id=F("agenda_item__meeting_id"),
            rank=Window(RowNumber(), partition_by=F("agenda_item__meeting_id"), order_by=order),
        )
        .filter(rank__lte=per_meeting)
        .only("id", "text", "agenda_item", "order")
        .order_by("meeting_id", "rank")
    )
    found: dict[int, list[Decision]] = {pk: [] for pk in meeting_ids}
    for decision in decisions:
        found[decision.meeting_id].append(decision)
    return found


def site_url(path: str) -> str:
    """The address on the portal's public host (SOBHA_SITE_URL), whatever Host a request named."""
    return settings.SITE_URL.rstrip("/") + path
