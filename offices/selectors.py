"""Scoped reads: every query here is limited to what the user may see; and an office's calendar."""

import datetime
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from bangla.workdays import WEEKEND, public_holidays
from offices.access import (
    administered_office_ids,
    readable_office_ids,
    require_admin,
    require_readable,
    roles_by_office,
)
from offices.models import (
    AuditEntry,
    Branch,
    GovernmentFile,
    InnovationTeam,
    Office,
    OfficeHoliday,
    OfficeRole,
    Official,
    Post,
    TeamMember,
    User,
)


def offices_for_user(user) -> QuerySet[Office]:
    readable = readable_office_ids(user)
    offices = Office.objects.select_related("parent")
    return offices if readable is None else offices.filter(pk__in=readable)


def get_office_for_user_or_404(user, pk) -> Office:
    office = get_object_or_404(Office.objects.select_related("parent"), pk=pk)
    require_readable(user, office)
    return office


def user_roles_listing(user) -> list[tuple[Office, list[str]]]:
    """The user's offices with the names of the roles held in each, for the home page."""
    roles = roles_by_office(user)
    offices = Office.objects.filter(pk__in=roles.keys()).select_related("parent").order_by("name")
    labels = dict(OfficeRole.Role.choices)
    return [
        (office, [labels[r] for r in OfficeRole.Role.values if r in roles[office.pk]]) for office in offices
    ]


def office_records(office: Office) -> dict:
    """Everything shown on an office's page, each list fetched in one query."""
    return {
        "children": list(office.children.order_by("name")),
        "branches": list(Branch.objects.filter(office=office).select_related("parent").order_by("name")),
        "officials": list(
            Official.objects.filter(office=office)
            .select_related("branch", "user")
            .order_by("-is_active", "name")
        ),
        "files": list(
            GovernmentFile.objects.filter(office=office).select_related("branch").order_by("number")
        ),
        "teams": list(
            office.teams.prefetch_related(
                Prefetch(
                    "members",
                    queryset=TeamMember.objects.select_related("official", "official__office"),
                )
            )
        ),
        "roles": list(
            OfficeRole.objects.filter(office=office)
            .select_related("user", "user__official")
            .order_by("user__username")
        ),
    }


def issuing_officials(office: Office) -> QuerySet[Official]:
    """The officials who may sign an office's letters: those whose active user account holds the
    issuing officer's role in that office (an official is tied to a user by User.official)."""
    return (
        Official.objects.filter(
            is_active=True,
            user__is_active=True,
            user__office_roles__office=office,
            user__office_roles__role=OfficeRole.Role.ISSUER,
        )
        .distinct()
        .order_by("name")
    )


# ---- The administration ------------------------------------------------------------------------------


def offices_administered_by(user) -> QuerySet[Office]:
    administered = administered_office_ids(user)
    offices = Office.objects.select_related("parent").order_by("name")
    return offices if administered is None else offices.filter(pk__in=administered)


def get_office_to_administer_or_404(user, pk) -> Office:
    """404 for an office the user may not read, 403 for one they may read but not administer."""
    office = get_object_or_404(Office.objects.select_related("parent"), pk=pk)
    require_admin(user, office)
    return office


def get_record_to_administer_or_404(user, model, pk, *related):
    """A branch, official, post, file or team of an office the user administers (404/403 otherwise)."""
    record = get_object_or_404(model.objects.select_related("office", *related), pk=pk)
    require_admin(user, record.office)
    return record


def get_team_member_to_administer_or_404(user, pk) -> TeamMember:
    member = get_object_or_404(TeamMember.objects.select_related("team__office", "official"), pk=pk)
    require_admin(user, member.team.office)
    return member


def office_users(office: Office) -> QuerySet[User]:
    """The office's users: those holding a role in it, or whose official works in it."""
    return (
        User.objects.filter(Q(office_roles__office=office) | Q(official__office=office))
        .distinct()
        .select_related("official")
        .prefetch_related(
            Prefetch("office_roles", queryset=OfficeRole.objects.filter(office=office), to_attr="roles_here")
        )
        .order_by("-is_active", "username")
    )


def get_office_user_or_404(office: Office, pk) -> User:
    return get_object_or_404(office_users(office), pk=pk)


def office_posts(office: Office) -> list[Post]:
    """The office's posts with their holders in office (`holders_now`)."""
    return list(
        Post.objects.filter(office=office)
        .select_related("branch")
        .prefetch_related(
            Prefetch("holders", queryset=Official.objects.filter(is_active=True), to_attr="holders_now")
        )
        .order_by("title")
    )


def office_teams(office: Office) -> list[InnovationTeam]:
    return list(
        office.teams.prefetch_related(
            Prefetch(
                "members",
                queryset=TeamMember.objects.select_related("official", "official__office").order_by(
                    "order", "id"
                ),
            )
        ).order_by("name")
    )


def office_audit_entries(office: Office, *, limit: int = 200) -> list[AuditEntry]:
    return list(
        AuditEntry.objects.filter(office=office)
        .select_related("actor", "actor__official", "content_type")
        .order_by("-at", "-id")[:limit]
    )


# ---- Holidays: the public calendar corrected by the office and its superiors --------------------------


@dataclass(frozen=True)
class OfficeCalendar:
    """What an office announced on top of the public calendar, for bangla.workdays."""

    extra_holidays: frozenset[datetime.date] = frozenset()
    extra_working_days: frozenset[datetime.date] = frozenset()

    def __or__(self, other: "OfficeCalendar") -> "OfficeCalendar":
        return OfficeCalendar(
            self.extra_holidays | other.extra_holidays, self.extra_working_days | other.extra_working_days
        )

    def as_kwargs(self) -> dict:
        return {"extra_holidays": self.extra_holidays, "extra_working_days": self.extra_working_days}


CALENDAR_CACHE_SECONDS = 24 * 3600  # changes forget it at once; a day bounds a moved office's old one


_FIVE_PARENTS = "__".join(["parent"] * 5)


def calendar_cache_key(office_id: int, year: int) -> str:
    return f"office-calendar:{office_id}:{year}"


def office_chain(office_id: int) -> list[int]:
    """The office and its superiors, nearest first: one query for six levels (a ministry, a
    directorate, divisional, district and upazila offices), one more for each six beyond."""
    chain: list[int] = []
    next_id = office_id
    while next_id is not None and next_id not in chain:
        office = Office.objects.select_related(_FIVE_PARENTS).filter(pk=next_id).first()
        next_id = None
        while office is not None and office.pk not in chain:
            chain.append(office.pk)
            next_id = office.parent_id
            office = office._state.fields_cache.get("parent")  # loaded by select_related, or not
    return chain


def announced_days(office_id: int, year: int) -> dict[datetime.date, OfficeHoliday]:
    """The days of the year that apply to the office: its own and its superiors' announcements, the
    nearest office's for a day announced by several (two queries)."""
    chain = office_chain(office_id)
    rank = {pk: n for n, pk in enumerate(chain)}
    days: dict[datetime.date, OfficeHoliday] = {}
    entries = OfficeHoliday.objects.filter(office_id__in=chain, date__year=year).select_related("office")
    for entry in sorted(entries, key=lambda e: (e.date, -rank[e.office_id])):
        days[entry.date] = entry  # the nearest office comes last and wins
    return dict(sorted(days.items()))


def office_calendar(office_id: int, year: int) -> OfficeCalendar:
    """The office's announced holidays and working days of one year, cached per office and year
    (forgotten by every change: offices.services.holidays)."""
    key = calendar_cache_key(office_id, year)
    found = cache.get(key)
    if found is None:
        days = announced_days(office_id, year)
        found = OfficeCalendar(
            frozenset(d for d, entry in days.items() if entry.is_holiday),
            frozenset(d for d, entry in days.items() if not entry.is_holiday),
        )
        cache.set(key, found, CALENDAR_CACHE_SECONDS)
    return found


def office_calendar_for_years(office_id: int, years) -> OfficeCalendar:
    calendar = OfficeCalendar()
    for year in years:
        calendar |= office_calendar(office_id, year)
    return calendar


@dataclass(frozen=True)
class HolidayRow:
    """A day of the office's holiday page: a public holiday, an announcement, or both."""

    date: datetime.date
    public_name: str  # the public calendar's name for the day ("" if it is no public holiday)
    entry: OfficeHoliday | None  # the announcement that applies: the office's own or a superior's
    own: bool  # the office announced it itself

    @property
    def is_holiday(self) -> bool:
        return self.entry.is_holiday if self.entry else True

    @property
    def name(self) -> str:
        return self.entry.name if self.entry else self.public_name

    @property
    def on_weekend(self) -> bool:
        """A public holiday on a Friday or Saturday: cancelling it would not open the office."""
        return self.date.weekday() in WEEKEND


def office_holiday_rows(office: Office, year: int, language: str = "bn") -> list[HolidayRow]:
    """The year's public holidays and the announcements that apply to the office, in date order."""
    public = public_holidays(year, "en_US" if language.startswith("en") else "bn")
    days = announced_days(office.pk, year)
    return [
        HolidayRow(
            date, public.get(date, ""), days.get(date), date in days and days[date].office_id == office.pk
        )
        for date in sorted({*public, *days})
    ]
