"""Reads for the calendar feeds: a feed by its token, its items, a user's feeds, and when each feed
was last read (kept in the cache: reading a feed is a GET, which never writes to the database)."""

import datetime

from django.core.cache import cache
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from followup.calendar.services import Scope, may_subscribe, token_sha256
from followup.models import CalendarFeed, Occurrence
from followup.scope import followed_items_for_official, followed_occurrences, pending
from offices.access import can_read_office, roles_by_office
from offices.models import Office

# A user's own feed keeps the items confirmed done for this long after their due date, ticked.
KEEP_CONFIRMED_DAYS = 365
LAST_USED_SECONDS = 180 * 24 * 3600


def get_live_feed_or_404(token: str) -> CalendarFeed:
    """The feed whose secret address this is; 404 if there is none, if it was revoked, or if its
    owner may no longer read it (a deactivated account, an official out of office, a role taken away)."""
    feed = (
        CalendarFeed.objects.select_related("user__official", "office")
        .filter(token_sha256=token_sha256(token), revoked_at__isnull=True)
        .first()
    )
    if feed is None or not may_subscribe(feed.user, feed.scope, feed.office):
        raise Http404
    return feed


def feed_items(feed: CalendarFeed, today: datetime.date) -> QuerySet[Occurrence]:
    """A user's own feed: their items still pending, and those confirmed done in the last year (shown
    as done). An office's feed: all its pending items. Three queries with their meetings, plans and
    responsibilities, however many items."""
    if feed.scope == Scope.MINE:
        recent = Q(
            status=Occurrence.Status.CONFIRMED, due_date__gte=today - datetime.timedelta(KEEP_CONFIRMED_DAYS)
        )
        items = followed_items_for_official(feed.user.official).filter(pending() | recent)
    else:
        items = followed_occurrences().filter(pending(), office=feed.office)
    return (
        items.select_related("office", "decision__agenda_item__meeting", "indicator__plan")
        .prefetch_related("decision__responsibilities")
        .order_by("due_date", "pk")
    )


def user_feeds(user) -> list[CalendarFeed]:
    """The user's live feeds, each with `last_used` (a datetime, or None) from the cache."""
    feeds = list(CalendarFeed.objects.filter(user=user, revoked_at__isnull=True).select_related("office"))
    used = cache.get_many([_used_key(feed.pk) for feed in feeds])
    for feed in feeds:
        feed.last_used = used.get(_used_key(feed.pk))
    return feeds


def subscribable_offices(user, feeds: list[CalendarFeed], extra_office_pk=None) -> list[Office]:
    """The offices whose calendar the page offers: those where the user holds a role, those of the
    user's live feeds (so that each can be revoked), and the one the user came from (a dashboard's
    link), if they may read it."""
    offices = list(Office.objects.filter(pk__in=roles_by_office(user).keys()).order_by("name"))
    known = {office.pk for office in offices}
    for feed in feeds:
        if feed.office is not None and feed.office.pk not in known:
            offices.append(feed.office)
            known.add(feed.office.pk)
    if extra_office_pk and extra_office_pk not in known:
        extra = Office.objects.filter(pk=extra_office_pk).first()
        if extra and can_read_office(user, extra):
            offices.append(extra)
    return offices


def record_use(feed: CalendarFeed) -> None:
    """Remember when the feed was read, in the cache only (a GET never writes to the database)."""
    cache.set(_used_key(feed.pk), timezone.now(), LAST_USED_SECONDS)


def _used_key(pk: int) -> str:
    return f"followup:calendar-feed:{pk}:last-used"
