"""The base of every live connection (/ws/...): what each one needs, written once.

`LiveConsumer` does, for every subclass (spaces, forum topics, and the live views that
come next):

connect
    Per-process limits on open sockets per member and per address (close 4429), the
    subclass's authorisation (`authorise()` returns None or a close code: 4401 not logged
    in, 4403 not allowed), then it joins the subclass's groups and the member's own group
    (`user.<id>`, where session ends are announced) *before* it replays from the database
    what came after `?after=<id>`, so nothing falls between the replay and the live stream
    (at most LIVE_REPLAY_LIMIT frames and a `resync` frame: the rest comes over HTTP;
    with `replay_window`, the latest LIVE_REPLAY_LIMIT after a resync frame).
receive
    Frames of at most 64 KiB, JSON objects only (deeply nested JSON is refused, not a
    crash), a per-connection flood guard that refuses frames as they arrive without
    touching the database (close 1008 if the flood goes on), then `on_<type>` handlers of
    the subclass (`message.send` -> `on_message_send`); `ping` is answered here. Each
    frame is answered in a task of its own (a send waiting for its batch holds up neither
    the group's events nor the next frames), and the answers go out in frame order.
batches
    `Batcher` (core.live.batch): what connections of one process submit at the same
    moment is handled in one database-thread call (spaces store the messages that arrive
    together in one transaction), then acked, then broadcast.
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

from .batch import Batcher
from .consumer import LiveConsumer, NoRouteConsumer
from .support import (
    CLOSE_FLOOD,
    CLOSE_FORBIDDEN,
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
    after_id,
    check_session,
    client_address,
    client_strings,
    db,
    error_frame,
    open_sockets,
    settle,
    spawn,
    user_group,
)

__all__ = [
    "CLOSE_FLOOD",
    "CLOSE_FORBIDDEN",
    "CLOSE_IDLE",
    "CLOSE_NOT_FOUND",
    "CLOSE_SERVER_ERROR",
    "CLOSE_TOO_MANY",
    "CLOSE_UNAUTHENTICATED",
    "MAX_FRAME",
    "MAX_ID",
    "UNAVAILABLE",
    "Batcher",
    "FloodGuard",
    "FrameRefused",
    "LiveConsumer",
    "NoRouteConsumer",
    "SessionEnded",
    "after_id",
    "check_session",
    "client_address",
    "client_strings",
    "db",
    "error_frame",
    "open_sockets",
    "settle",
    "spawn",
    "user_group",
]
