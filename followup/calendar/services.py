"""Making and revoking the secret addresses of calendar feeds.

A token is 32 random bytes (43 URL-safe characters); only its SHA-256 is stored. The address is shown
once, in the answer to the request that made it: nothing that could give it back (the database, a
backup, the admin, a session) holds it. A user who lost it makes a new one, which revokes the old.
"""

import hashlib
import secrets

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from followup.models import CalendarFeed
from offices.access import can_read_office

TOKEN_BYTES = 32
Scope = CalendarFeed.Scope


def token_sha256(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def may_subscribe(user, scope: str, office=None) -> bool:
    """May this user have (and go on reading) this feed? An active user; for their own items, one
    tied to an official in office; for an office's items, one who may read the office (its staff and
    its superior offices' staff). Asked again at every read of the feed, so that a feed stops when
    its owner loses access."""
    if not user.is_active:
        return False
    if scope == Scope.MINE:
        return office is None and user.official_id is not None and user.official.is_active
    return scope == Scope.OFFICE and office is not None and can_read_office(user, office)


@transaction.atomic
def calendar_feed_create(
    *, user, scope: str, office=None, with_alarm: bool = False
) -> tuple[CalendarFeed, str]:
    """A new secret address for the user's calendar; the live one of the same calendar (if any) is
    revoked. Returns the feed and its token, which is never available again."""
    if not may_subscribe(user, scope, office):
        raise PermissionDenied
    CalendarFeed.objects.select_for_update().filter(
        user=user, scope=scope, office=office, revoked_at__isnull=True
    ).update(revoked_at=timezone.now())
    token = secrets.token_urlsafe(TOKEN_BYTES)
    feed = CalendarFeed(
        user=user, scope=scope, office=office, with_alarm=with_alarm, token_sha256=token_sha256(token)
    )
    feed.full_clean()
    feed.save()
    return feed, token


@transaction.atomic
def calendar_feed_revoke(*, feed: CalendarFeed, by) -> None:
    """The address stops working at once (404). Only its owner revokes it."""
    if feed.user_id != by.pk:
        raise PermissionDenied
    CalendarFeed.objects.filter(pk=feed.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())
