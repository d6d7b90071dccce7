"""Reads for the public website: published minutes, the offices that publish them, their published
innovation bank; nothing else. Each page's queries are a fixed few, whatever the number of minutes
or the size of a document (tests/website/test_queries.py)."""

from collections import defaultdict

from django.db.models import Case, F, IntegerField, Q, QuerySet, When
from django.db.models.functions import ExtractYear
from django.http import Http404

from actionplan.ideas.selectors import published_ideas
from bangla.digits import to_ascii_digits, to_bangla_digits
from minutes.models import Decision, Meeting
from offices.models import InnovationTeam, Office
from website.addresses import fiscal_year_of

PUBLISHED = Meeting.State.PUBLISHED
TOP_KINDS = (Office.Kind.MINISTRY, Office.Kind.DIVISION)
# What a list shows of each minutes: never their content, never the other states' fields.
LIST_FIELDS = (
    "id", "title", "memo_number", "issue_date", "date", "fiscal_year", "version", "replaces_id",
    "office__id", "office__name", "office__slug", "team__name",
)  # fmt: skip

# The fiscal year minutes are filed under (website/addresses.py: fiscal_year_of), in SQL.
FISCAL_YEAR = Case(
    When(fiscal_year__isnull=False, then=F("fiscal_year")),
    When(date__month__gte=7, then=ExtractYear("date")),
    default=ExtractYear("date") - 1,
    output_field=IntegerField(),
)


def published_minutes(
    *,
    offices: list[int] | None = None,
    fiscal_year: int | None = None,
    team: int | None = None,
    query: str = "",
) -> QuerySet[Meeting]:
    """Published minutes, newest first, filtered; only the columns a list shows."""
    minutes = Meeting.objects.filter(state=PUBLISHED).select_related("office", "team").only(*LIST_FIELDS)
    if offices is not None:
        minutes = minutes.filter(office_id__in=offices)
    if fiscal_year is not None:
        minutes = minutes.alias(filed_under=FISCAL_YEAR).filter(filed_under=fiscal_year)
    if team is not None:
        minutes = minutes.filter(team_id=team)
    if query:
        minutes = minutes.filter(_text_matches(query))
    return minutes.order_by("-issue_date", "-id")


def _text_matches(query: str) -> Q:
    """The title (as typed, or with the query's digits in Bangla) or the memo number (ASCII digits).
    A simple filter; the search (website.search) replaces it at merge."""
    return (
        Q(title__icontains=query)
        | Q(title__icontains=to_bangla_digits(query))
        | Q(memo_number__icontains=to_ascii_digits(query))
        | Q(office__name__icontains=query)
    )


def fiscal_years(offices: list[int] | None = None) -> list[int]:
    """The fiscal years that have published minutes (of these offices), newest first."""
    minutes = Meeting.objects.filter(state=PUBLISHED)
    if offices is not None:
        minutes = minutes.filter(office_id__in=offices)
    years = minutes.annotate(filed_under=FISCAL_YEAR).values_list("filed_under", flat=True).distinct()
    return sorted(set(years), reverse=True)


def get_office_or_404(web_name: str) -> Office:
    """The office at this address: its web address, or its number if it has none yet (an office
    with a web address found by its number is returned too; the view redirects to its address)."""
    office = Office.objects.select_related("parent").filter(slug=web_name).first()
    if office is None and web_name.isdigit() and len(web_name) < 19:
        office = Office.objects.select_related("parent").filter(pk=int(web_name)).first()
    if office is None:
        raise Http404
    return office


def office_tree(office: Office) -> tuple[list[Office], list[int]]:
    """(the offices right below it, by name; its own id and those of every office below it)."""
    children = defaultdict(list)
    for pk, parent_id in Office.objects.exclude(parent=None).order_by().values_list("pk", "parent_id"):
        children[parent_id].append(pk)
    below, frontier = [office.pk], [office.pk]
    while frontier:  # a tree (Office.clean refuses cycles); `below` stops a bad row's loop anyway
        frontier = [child for pk in frontier for child in children[pk] if child not in below]
        below += frontier
    subordinates = list(office.children.only("id", "name", "slug", "kind", "parent").order_by("name"))
    return subordinates, below


def office_teams(office: Office) -> list[InnovationTeam]:
    return list(InnovationTeam.objects.filter(office=office).only("id", "name").order_by("name"))


def top_offices() -> list[Office]:
    """Ministries and divisions, for the home page."""
    return list(Office.objects.filter(kind__in=TOP_KINDS).only("id", "name", "slug", "kind").order_by("name"))


def has_published_ideas(office: Office) -> bool:
    return published_ideas(office).exists()


def office_ideas(office: Office):
    """The office's published innovation-bank entries (actionplan's selector: published only)."""
    return published_ideas(office).select_related(None).order_by("-implemented_on", "title", "pk")


def get_published_minutes_or_404(office: Office, fiscal_year: int, memo_number: str) -> Meeting:
    """Published minutes at this address, with their neighbouring versions and stored files; the
    same 404 for a draft, an unpublished or withdrawn version, a wrong office or fiscal year."""
    meeting = (
        Meeting.objects.filter(state=PUBLISHED, office=office, memo_number=memo_number)
        .select_related("team", "replaces", "corrected_by", "issued_document")
        .first()
    )
    if meeting is None or fiscal_year_of(meeting) != fiscal_year:
        raise Http404
    meeting.office = office
    return meeting


def get_published_by_pk_or_404(pk: int) -> Meeting:
    """For the first addresses (/public/minutes/<pk>/), printed in every issued document's QR code."""
    meeting = Meeting.objects.filter(state=PUBLISHED, pk=pk).select_related("office").first()
    if meeting is None:
        raise Http404
    return meeting


def decision_statuses(meeting: Meeting) -> list[Decision]:
    """The decisions of published minutes in their order, for offices that publish where they stand."""
    return list(
        Decision.objects.filter(agenda_item__meeting=meeting)
        .select_related("agenda_item")
        .order_by("agenda_item__order", "agenda_item_id", "order", "id")
    )
