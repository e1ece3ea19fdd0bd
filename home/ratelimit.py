"""A sliding-window rate limit kept in the cache, so with REDIS_URL every worker shares it."""

import time

from django.core.cache import cache


def hit(key, limit, window):
    """Count one action under `key`; True if `limit` were already made in `window` seconds
    (the action is then refused and not counted)."""
    now = time.time()
    recent = [t for t in cache.get(key, []) if t > now - window]
    if len(recent) >= limit:
        return True
    cache.set(key, [*recent, now], window)
    return False
