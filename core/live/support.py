"""The parts of core.live that are not the consumer class: constants, close codes, the
database helper, frame helpers, the flood guard, socket counters and background tasks."""

import asyncio
import collections
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from urllib.parse import parse_qs

from channels.db import DatabaseSyncToAsync
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.db import Error as DatabaseError
from django.utils.translation import gettext as _
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

MAX_FRAME = 64 * 1024  # bytes, as docs/design.md says
MAX_ID = 2**63 - 1  # ids are PostgreSQL bigints: a larger number names nothing

# Close codes (docs/design.md): 4401 not logged in / session ended, 4403 not allowed,
# 4404 no such route, 4408 idle, 4429 too many sockets; 1008 flood; 1011 server failure.
CLOSE_UNAUTHENTICATED = 4401
CLOSE_FORBIDDEN = 4403
CLOSE_NOT_FOUND = 4404
CLOSE_IDLE = 4408
CLOSE_TOO_MANY = 4429
CLOSE_FLOOD = 1008
CLOSE_SERVER_ERROR = 1011

# Failures of what the consumer depends on: the client may retry later.
UNAVAILABLE = (DatabaseError, RedisError, OSError, asyncio.TimeoutError)


@cache
def _executor():
    return ThreadPoolExecutor(
        max_workers=settings.LIVE_DATABASE_THREADS, thread_name_prefix="live-db"
    )


def db(func):
    """Run `func` (ORM work) in the live connections' thread pool, cleaning up the
    database connection around it. Use as a decorator on consumer helpers.

    On SQLite (the embedded default, one process) it runs on the one thread every other
    database call of the process uses: SQLite takes one writer at a time anyway, and its
    shared in-memory test database refuses a second writer outright ("database table is
    locked") instead of waiting for it."""
    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        return DatabaseSyncToAsync(func)
    return DatabaseSyncToAsync(func, thread_sensitive=False, executor=_executor())


def client_strings(**own):
    """The words every live page's client shows for the socket's states (static/js/live.js),
    translated, with the page's own words; read by the page from a JSON script element."""
    return {
        "connecting": _("Connecting…"),
        "offline": _("Offline: reconnecting in %(seconds)s s…"),
        **own,
    }


def user_group(user_id):
    """The channel-layer group of one member's open sockets, on every worker."""
    return f"user.{user_id}"


def scope_language(scope):
    """The language a connection's error details are in: the page's (?lang=, sent by
    static/js/live.js), else the language cookie, else the member's profile's, else the
    site's; an interface language only."""
    query = parse_qs(scope.get("query_string", b"").decode(errors="replace"))
    cookies = scope.get("cookies") or {}
    user = scope.get("user")
    for code in (
        (query.get("lang") or [""])[0],
        cookies.get(settings.LANGUAGE_COOKIE_NAME, ""),
        getattr(user, "language", "") if user is not None and user.is_authenticated else "",
    ):
        if code and code.lower() in dict(settings.LANGUAGES):
            return code.lower()
    return settings.LANGUAGE_CODE


def after_id(scope):
    """The ?after=<id> of a (re)connection: None without it, 0 if it is not a number."""
    values = parse_qs(scope.get("query_string", b"").decode(errors="replace")).get("after")
    try:
        return min(MAX_ID, max(0, int(values[0]))) if values else None
    except ValueError:
        return 0


def check_session(scope):
    """Raise SessionEnded unless the session the socket was opened with still exists.
    Synchronous: call it inside a `db` helper, beside the work it guards."""
    session = scope.get("session")
    key = session.session_key if session is not None else None
    # The table, not the cache the session engine reads through (cached_db): a row an
    # administrator deleted ends the session at once.
    if not key or not DatabaseSessionStore().exists(key):
        raise SessionEnded


def client_address(scope):
    client = scope.get("client")
    return client[0] if client else ""


def error_frame(code, detail):
    return {"type": "error", "code": code, "detail": str(detail)}


class FrameRefused(ValueError):
    """A frame the protocol refuses; becomes an `error` frame."""

    def __init__(self, code, detail):
        super().__init__(detail)
        self.code = code
        self.detail = detail


class SessionEnded(Exception):
    """The session this socket was opened with is gone (logged out): close 4401."""


class FloodGuard:
    """A token bucket per connection: `burst` frames at once, `rate` a second after that.
    Frames beyond it are refused at once (no database, no cache); a connection that goes
    on flooding for `burst` more refusals in a row is closed."""

    def __init__(self, burst, rate):
        self.burst, self.rate = burst, rate
        self.tokens = float(burst)
        self.stamp = time.monotonic()
        self.refused_in_a_row = 0

    def allow(self):
        now = time.monotonic()
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens >= 1:
            self.tokens -= 1
            self.refused_in_a_row = 0
            return True
        self.refused_in_a_row += 1
        return False

    @property
    def overwhelmed(self):
        return self.refused_in_a_row > self.burst


# Open sockets of this process, per member and per address (see LIVE_MAX_SOCKETS_*).
_open_by_user = collections.Counter()
_open_by_address = collections.Counter()


def open_sockets():
    """(per member, per address) counts of this process, for tests and the benchmarks."""
    return dict(_open_by_user), dict(_open_by_address)


_background = set()  # tasks kept referenced until they finish


def spawn(coroutine):
    """Run `coroutine` in the background, kept referenced until it finishes."""
    task = asyncio.ensure_future(coroutine)
    _background.add(task)
    task.add_done_callback(_background.discard)
    return task


async def settle():
    """Wait for the background tasks of this process (tests, before closing the database)."""
    while _background:
        await asyncio.gather(*_background, return_exceptions=True)


def _decrement(counter, key):
    counter[key] -= 1
    if counter[key] <= 0:
        del counter[key]
