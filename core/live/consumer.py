"""LiveConsumer, the base of every live connection (what it does: core.live's docstring),
and the consumer that closes a WebSocket path matching no route."""

import asyncio
import contextvars
import json

from channels.exceptions import StopConsumer
from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from .support import (
    CLOSE_FLOOD,
    CLOSE_IDLE,
    CLOSE_NOT_FOUND,
    CLOSE_SERVER_ERROR,
    CLOSE_TOO_MANY,
    CLOSE_UNAUTHENTICATED,
    MAX_FRAME,
    MAX_ID,
    UNAVAILABLE,
    FloodGuard,
    FrameRefused,
    SessionEnded,
    _decrement,
    _open_by_address,
    _open_by_user,
    after_id,
    client_address,
    error_frame,
    logger,
    scope_language,
    spawn,
    user_group,
)

# In the task answering one client frame: the task answering the frame before it, which
# must have sent its answer before this one sends anything (answers go out in order).
_answer_before = contextvars.ContextVar("live_answer_before", default=None)


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
    _last_answer = None  # the task answering the latest client frame
    _answering = ()  # the tasks answering client frames, until they are done

    # --- The connection's life --------------------------------------------------------
    async def __call__(self, scope, receive, send):
        # This connection's task speaks the reader's language from now on (error details);
        # the database calls it makes run in threads that copy this context.
        translation.activate(scope_language(scope))
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
        self._closing = True  # the client is gone: nothing more is sent
        await self._cleanup_once()
        raise StopConsumer()

    async def _cleanup_once(self):
        if self._cleaned:
            return
        self._cleaned = True
        if self._idle_handle is not None:
            self._idle_handle.cancel()
        for task in list(self._answering):  # a stored message stays stored; its ack is moot
            task.cancel()
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
        """Each frame is answered by a task of its own, so a frame that waits (a message
        being stored) does not hold up the connection's group events (the others'
        messages) or its next frames; the answers still go out in the order of the frames
        (an ack or error frame per send, in order, as static/js/space.js counts on)."""
        if self.flood is None:  # refused, or closing: nothing to answer
            return
        self._touch()
        allowed = self.flood.allow()
        if not allowed and self.flood.overwhelmed:
            await self.close(code=CLOSE_FLOOD)
            return
        task = asyncio.ensure_future(self._answer(text_data, allowed, self._last_answer))
        self._last_answer = task
        if not self._answering:
            self._answering = set()
        self._answering.add(task)
        task.add_done_callback(self._answering.discard)

    async def _answer(self, text_data, allowed, before):
        _answer_before.set(before)
        try:
            await self._handle_frame(text_data, allowed)
        finally:
            if before is not None and not before.done():  # end in turn, even if silent
                await asyncio.wait([before])

    async def _handle_frame(self, text_data, allowed):
        if not allowed:
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
            await self._in_turn()
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

    async def replay_window(self, after, limit):
        """None if at most `limit` frames came after id `after`; else (the id to replay
        after, the resync frame's fields: at least "oldest", the first id replayed) for a
        replay of the latest `limit`. None here: subclasses that can page older history
        in over HTTP say where the window starts."""
        return None

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
        """Replay in id order, at most LIVE_REPLAY_LIMIT frames, so a reconnect stays cheap
        however long the client was away.

        If the subclass has a `replay_window` (spaces do), a client that missed more than
        the limit gets `{"type": "resync", "oldest": <id>, ...}` first, then the LATEST
        messages from that id on: what it sees is current, and it offers the older ones
        over HTTP. Otherwise (forum topics) it gets the oldest missed ones, then a resync
        frame naming the first id not replayed, and loads the rest over HTTP."""
        limit = settings.LIVE_REPLAY_LIMIT
        window = await self.replay_window(after, limit)
        if window is not None:
            after, resync = window
            await self._send_json({"type": "resync", **resync})
            limit = None  # the window holds `limit`; later ones came after we joined
        sent = 0
        while True:
            frames = await self.replay_batch(after)
            if limit is not None and len(frames) > limit - sent:
                room = limit - sent
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
        await self._in_turn()
        await self.send(text_data=json.dumps(payload))

    async def _in_turn(self):
        """In the task answering a client frame: wait until the frames before it are
        answered. Anywhere else (group events, the replay) there is nothing to wait for."""
        before = _answer_before.get()
        if before is not None:
            if not before.done():
                await asyncio.wait([before])
            _answer_before.set(None)

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


class NoRouteConsumer(AsyncWebsocketConsumer):
    """Any /ws/ path that matches no route: a clean close (4404), never a 500."""

    async def connect(self):
        await self.accept()
        await self.close(code=CLOSE_NOT_FOUND)
