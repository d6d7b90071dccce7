"""A request counter per key in the cache, for forms that send e-mail (password reset, the public
website's alerts): over its limit, the caller sends nothing, so nobody can flood a mailbox."""

from django.core.cache import cache


def over_limit(key: str, *, limit: int, seconds: int = 3600) -> bool:
    """Count one more request under `key`; True once more than `limit` were counted in the window
    (which starts with the first request)."""
    cache.add(key, 0, timeout=seconds)
    try:
        return cache.incr(key) > limit
    except ValueError:  # the counter expired between add() and incr(): this is the first again
        cache.add(key, 1, timeout=seconds)
        return limit < 1
