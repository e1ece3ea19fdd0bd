"""The base of every live connection (/ws/...): what each one needs, written once.

`LiveConsumer` does, for every subclass (spaces, forum topics, and the live views that
come next):

connect
    Per-process limits on open sockets per member and per address (close 4429), the
    subclass's authorisation (`authorise()` returns None or a close code: 4401 not logged
    in, 4403 not allowed), then it joins the subclass's groups and the member's own group
    (`user.<id>`, where session ends are announced) *before* it replays from the database
    what came after `?after=<id>`, so nothing falls between the replay and the live stream
    (at most LIVE_REPLAY_LIMIT frames, then a `resync` frame: the rest comes over HTTP).
receive
    Frames of at most 64 KiB, JSON objects only (deeply nested JSON is refused, not a
    crash), a per-connection flood guard that refuses frames as they arrive without
    touching the database (close 1008 if the flood goes on), then `on_<type>` handlers of
    the subclass (`message.send` -> `on_message_send`); `ping` is answered here.
failure
    A database or Redis failure inside a handler is an `error` frame with code
    "unavailable" (nothing was stored; the client retries); an unexpected exception is
    logged and answered the same way; the socket stays usable. When the connection
    itself fails (the channel layer is gone), it closes with 1011 and still leaves its
    groups, presence and counters behind (`cleanup`, which always runs once).
session end
    Logging out of a session, or deactivation by staff, closes that member's sockets
    (4401) on every worker, through their `user.<id>` group; a send re-checks the session.
idle
    No frame from the client for LIVE_IDLE_SECONDS (the browser pings every 25 s): 4408.

Database work runs in `db` helpers: a thread pool of its own, not Channels' one shared
thread, so one slow query never stalls every socket of the worker.
"""

import asyncio
import collections
import json
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from urllib.parse import parse_qs

from channels.db import DatabaseSyncToAsync
from channels.exceptions import StopConsumer
from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings
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
    database connection around it. Use as a decorator on consumer helpers."""
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
    if not key or not session.exists(key):
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


class LiveConsumer(AsyncWebsocketConsumer):
    """Subclasses set `groups_for()` and implement `authorise()`, `replay_batch()` and
    their `on_<type>` handlers; see the module docstring for what this class does."""

    replay_batch_size = 200
    flood = None  # set once the connection is open: frames before that are ignored
    _closing = False
    _counted = False
    _cleaned = False
    _joined = ()
    _idle_handle = None

    # --- The connection's life --------------------------------------------------------
    async def __call__(self, scope, receive, send):
        try:
            await super().__call__(scope, receive, send)
        except UNAVAILABLE as error:
            # The channel layer (or the database) went away under the connection: close it
            # so the client reconnects, and leave nothing behind.
            logger.warning("live connection failed: %r", error)
            await self._close_quietly(CLOSE_SERVER_ERROR)
        finally:
            await self._cleanup_once()

    async def websocket_connect(self, message):
        await self.accept()
        try:
            await self._open()
        except UNAVAILABLE as error:
            logger.warning("live connect failed: %r", error)
            await self._send_json(
                error_frame("unavailable", _("The server is busy: reconnecting shortly."))
            )
            await self.close(code=CLOSE_SERVER_ERROR)

    async def _open(self):
        user = self.scope["user"]
        address = client_address(self.scope)
        if _open_by_address[address] >= settings.LIVE_MAX_SOCKETS_PER_ADDRESS or (
            user.is_authenticated and _open_by_user[user.pk] >= settings.LIVE_MAX_SOCKETS_PER_USER
        ):
            await self.close(code=CLOSE_TOO_MANY)
            return
        self._counted, self._address = True, address
        _open_by_address[address] += 1
        if user.is_authenticated:
            _open_by_user[user.pk] += 1
        code = await self.authorise()
        if code:
            await self.close(code=code)
            return
        self.flood = FloodGuard(settings.LIVE_FRAMES_BURST, settings.LIVE_FRAMES_PER_SECOND)
        groups = list(self.groups_for())
        if user.is_authenticated:
            groups.append(user_group(user.pk))
        for group in groups:
            await self.channel_layer.group_add(group, self.channel_name)
        self._joined = groups
        self._touch()
        after = after_id(self.scope)
        if after is not None:
            await self._replay(after)
        await self.opened()

    async def websocket_disconnect(self, message):
        await self._cleanup_once()
        raise StopConsumer()

    async def _cleanup_once(self):
        if self._cleaned:
            return
        self._cleaned = True
        if self._idle_handle is not None:
            self._idle_handle.cancel()
        if self._counted:
            user = self.scope["user"]
            _decrement(_open_by_address, self._address)
            if user.is_authenticated:
                _decrement(_open_by_user, user.pk)
        for group in self._joined:
            try:
                await self.channel_layer.group_discard(group, self.channel_name)
            except UNAVAILABLE as error:  # the layer is gone: its groups expire with it
                logger.warning("live cleanup: group_discard failed: %r", error)
        if self._joined:
            try:
                await self.cleanup()
            except UNAVAILABLE as error:
                logger.warning("live cleanup failed: %r", error)

    async def dispatch(self, message):
        # Every handler here manages its own database connection (`db` helpers clean up
        # around each call): skip Channels' per-message clean-up, which runs on one
        # shared thread and is most of a consumer's CPU under load (docs/design.md).
        handler = getattr(self, message["type"].replace(".", "_"), None)
        if handler is None or message["type"].startswith("_"):
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)

    # --- From the client --------------------------------------------------------------
    async def receive(self, text_data=None, bytes_data=None):
        if self.flood is None:  # refused, or closing: nothing to answer
            return
        self._touch()
        if not self.flood.allow():
            if self.flood.overwhelmed:
                await self.close(code=CLOSE_FLOOD)
                return
            await self._send_json(error_frame("rate_limited", _("Too many frames: slow down.")))
            return
        try:
            frame = self.parse(text_data)
            handler = getattr(self, "on_" + frame["type"].replace(".", "_"), None)
            if handler is None:
                raise FrameRefused("bad_request", _("Unknown frame type."))
            await handler(frame)
        except FrameRefused as refusal:
            await self._send_json(error_frame(refusal.code, refusal.detail))
        except SessionEnded:
            await self.close(code=CLOSE_UNAUTHENTICATED)
        except UNAVAILABLE as error:
            logger.warning("live frame failed: %r", error)
            await self._send_json(
                error_frame("unavailable", _("The server could not do that now: try again."))
            )
        except Exception:
            # A bug must not take the socket down with it: say so, log it, carry on.
            logger.exception("live frame failed")
            await self._send_json(
                error_frame("unavailable", _("The server could not do that now: try again."))
            )

    def parse(self, text_data):
        """A JSON object frame with a string `type`, or FrameRefused."""
        if text_data is None:
            raise FrameRefused("bad_request", _("Send JSON text frames."))
        size = len(text_data.encode("utf-8", "surrogatepass"))  # bytes count, not characters
        if len(text_data) > MAX_FRAME or size > MAX_FRAME:
            raise FrameRefused("too_long", _("A frame is at most 64 KiB."))
        try:
            frame = json.loads(text_data)
        except (ValueError, RecursionError):  # RecursionError: "[" nested thousands deep
            raise FrameRefused("bad_request", _("That is not JSON.")) from None
        if not isinstance(frame, dict) or not isinstance(frame.get("type"), str):
            raise FrameRefused("bad_request", _("A frame is a JSON object with a type."))
        return frame

    async def on_ping(self, frame):
        await self.pinged()
        await self._send_json({"type": "pong"})

    # --- From the groups --------------------------------------------------------------
    async def session_ended(self, event):
        """Announced on the member's group: a logout (of one session) or a deactivation."""
        key = event.get("session_key")
        session = self.scope.get("session")
        if key is None or (session is not None and session.session_key == key):
            await self.close(code=CLOSE_UNAUTHENTICATED)

    # --- For subclasses ---------------------------------------------------------------
    def groups_for(self):
        """The groups this connection listens to (after `authorise` allowed it)."""
        return ()

    async def authorise(self):
        """None if the connection may open, else its close code."""
        raise NotImplementedError

    async def replay_batch(self, after):
        """Up to `replay_batch_size` frames of what came after id `after`, in id order."""
        return []

    async def opened(self):
        """Called once the connection is open, joined and caught up."""

    async def pinged(self):
        """Called on every ping."""

    async def cleanup(self):
        """Called once when the connection ends, however it ends (presence, for example)."""

    @staticmethod
    def frame_id(frame, key="id"):
        """A positive id from a client frame, or FrameRefused."""
        value = frame.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or not 0 < value <= MAX_ID:
            raise FrameRefused("bad_request", _("%(key)s must be a message id.") % {"key": key})
        return value

    # --- Closing ----------------------------------------------------------------------
    async def close(self, code=None, reason=None):
        """Close once; after that nothing more is sent or answered (frames still queued,
        group events arriving before the disconnect): a send after close is an error."""
        if self._closing:
            return
        self._closing = True
        self.flood = None
        await super().close(code=code, reason=reason)

    async def send(self, text_data=None, bytes_data=None, close=False):
        if not self._closing:
            await super().send(text_data=text_data, bytes_data=bytes_data, close=close)

    # --- Helpers ----------------------------------------------------------------------
    async def _replay(self, after):
        """Replay in id order, at most LIVE_REPLAY_LIMIT frames; past that, say where the
        rest begins ({"type": "resync", "oldest": <first id not replayed>}) and let the
        client load it over HTTP: a reconnect stays cheap however long it was away."""
        sent = 0
        while True:
            frames = await self.replay_batch(after)
            room = settings.LIVE_REPLAY_LIMIT - sent
            if len(frames) > room:
                for frame in frames[:room]:
                    await self._send_json(frame)
                await self._send_json({"type": "resync", "oldest": frames[room]["id"]})
                return
            for frame in frames:
                await self._send_json(frame)
            sent += len(frames)
            if len(frames) < self.replay_batch_size:
                return
            after = frames[-1]["id"]

    async def _send_json(self, payload):
        await self.send(text_data=json.dumps(payload))

    async def send_error(self, code, detail):
        await self._send_json(error_frame(code, detail))

    def _touch(self):
        if self._idle_handle is not None:
            self._idle_handle.cancel()
        self._idle_handle = asyncio.get_running_loop().call_later(
            settings.LIVE_IDLE_SECONDS, self._idle
        )

    def _idle(self):
        spawn(self._close_quietly(CLOSE_IDLE))

    async def _close_quietly(self, code):
        try:
            await self.close(code=code)
        except Exception:  # the socket is already gone: nothing to close
            logger.debug("live close(%s) on a closed socket", code)


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


class NoRouteConsumer(AsyncWebsocketConsumer):
    """Any /ws/ path that matches no route: a clean close (4404), never a 500."""

    async def connect(self):
        await self.accept()
        await self.close(code=CLOSE_NOT_FOUND)
