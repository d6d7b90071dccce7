"""What the public website shows has changed: its cached pages are dropped.

The website (website/cache.py) keeps its pages in the cache under the current *public version*, a
token kept in the cache itself. Every service that changes what the public sees calls
`public_content_changed()`: publishing or withdrawing minutes, storing an issued document,
publishing an innovation-bank entry, an office's public settings or names. The new token is set
after the commit, so no request can cache the old content under it; a token is never reused, so a
cache that lost the token (evicted, restarted) starts afresh instead of serving old pages.

It lives here, in the app every other one builds on, so that each of them may call it.
"""

import time

from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "public-website:version"


def _new_token() -> str:
    return f"{time.time_ns():x}"


def public_version() -> str:
    """The current token (a new one if the cache has none): part of every cached public page's key."""
    token = cache.get(VERSION_KEY)
    if token is None:
        cache.add(VERSION_KEY, _new_token(), timeout=None)
        token = cache.get(VERSION_KEY) or _new_token()
    return token


def version_time(token: str) -> float:
    """When a token was made (seconds since the epoch): the public pages' Last-Modified."""
    try:
        return int(token, 16) / 1e9
    except ValueError:
        return time.time()


def public_content_changed() -> None:
    """Drop every cached public page, once the current transaction commits (at once outside one)."""
    transaction.on_commit(lambda: cache.set(VERSION_KEY, _new_token(), timeout=None))
