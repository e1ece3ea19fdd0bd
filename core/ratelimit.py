"""A fixed-window rate limit: one atomic counter in the cache, so with REDIS_URL every
worker shares it and two workers cannot both let the (limit + 1)th action through."""

from django.core.cache import cache


def hit(key, limit, window):
    """Count one action under `key`; True if `limit` were already made in this `window`
    seconds (the action is then refused).

    The window starts with the first action; `add` creates the counter only if it is
    missing, and `incr` is atomic (Redis INCR, or a lock in local memory), so exactly
    `limit` actions a window pass, however many workers count at once.
    """
    key = f"ratelimit:{key}"
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:  # the window ended between add and incr: this action opens the next
        cache.add(key, 0, window)
        count = cache.incr(key)
    return count > limit
