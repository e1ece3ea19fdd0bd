"""The live discussion of a space: /ws/spaces/<slug>/ (protocol in docs/design.md).

On core.live.LiveConsumer (limits, replay after joining, flood guard, error frames,
session ends, clean-up). Here: 4401 if not logged in, 4403 if not an active, unmuted
member (or no such space); presence on arrival and departure; every action re-reads the
member, the membership and the session, so a suspension, a mute, leaving the space or
logging out holds even if the event that closes the socket was lost.

Sending: the messages that the connections of this process send at the same moment are
checked and stored together (`POSTS`, a core.live.Batcher: one database-thread call, one
transaction, services.store_messages), then each sender is acked, then the space hears
them in one channel-layer event (`space.events`, one frame per message to the client).
A message is committed before its ack and before its broadcast, as one at a time was.
Reconnecting after more than LIVE_REPLAY_LIMIT messages: a resync frame, then the latest
LIVE_REPLAY_LIMIT (`replay_window`); the page offers the older ones over HTTP.
"""

import asyncio
import json
import time
import uuid
from typing import NamedTuple

from channels.layers import get_channel_layer
from django.contrib.sessions.backends.db import SessionStore as DbStore
from django.core.cache import cache
from django.utils import translation
from django.utils.translation import gettext as _

from core.live import (
    CLOSE_FORBIDDEN,
    CLOSE_UNAUTHENTICATED,
    Batcher,
    FrameRefused,
    LiveConsumer,
    SessionEnded,
    db,
    spawn,
)

from . import services
from .models import Membership, Message, Space
from .permissions import can_delete_message, can_moderate_space, can_post

PRESENCE_DELAY = 0.5  # seconds: arrivals and departures within it make one announcement
PRESENCE_REFRESH = 30  # seconds: at most one presence refresh per connection in that time


class SpaceConsumer(LiveConsumer):
    space = None
    _presence_refreshed = 0.0

    def groups_for(self):
        return [self.space.group_name]

    async def authorise(self):
        if not self.scope["user"].is_authenticated:
            return CLOSE_UNAUTHENTICATED
        self.space = await self._space_if_allowed(self.scope["url_route"]["kwargs"]["slug"])
        return None if self.space is not None else CLOSE_FORBIDDEN

    async def opened(self):
        self._presence_refreshed = time.monotonic()  # arrive() writes it now
        await self._presence(services.arrive, self.space, self.scope["user"], self.channel_name)

    async def cleanup(self):
        if self.space is not None:
            await self._presence(services.depart, self.space, self.channel_name)

    async def pinged(self):
        # Presence lasts PRESENCE_TTL (90 s) and browsers ping every 25 s: refreshing it at
        # most every PRESENCE_REFRESH keeps it alive without a database write per ping.
        now = time.monotonic()
        if now - self._presence_refreshed >= PRESENCE_REFRESH:
            self._presence_refreshed = now
            await db(services.still_here)(self.channel_name)

    async def replay_batch(self, after):
        return await self._replay_batch(after)

    async def replay_window(self, after, limit):
        return await self._replay_window(after, limit)

    # --- From the client --------------------------------------------------------------
    async def on_message_send(self, frame):
        body, client_id = frame.get("body"), frame.get("client_id")
        try:
            client_id = uuid.UUID(str(client_id))
        except ValueError:
            raise FrameRefused("bad_request", _("client_id must be a UUID.")) from None
        if not isinstance(body, str):
            raise FrameRefused("bad_request", _("body must be text."))
        post = Post(
            self.space,
            self.scope["user"],
            self.scope.get("session"),
            body,
            client_id,
            translation.get_language(),
        )
        try:
            message, _created = await POSTS.submit(post)
        except services.MessageError as error:
            raise FrameRefused(error.code, error.detail) from None
        except NotAllowed:
            raise FrameRefused("forbidden", _("You cannot post in this space.")) from None
        await self._send_json({"type": "ack", "client_id": str(client_id), "id": message.id})

    async def on_message_delete(self, frame):
        outcome = await self._delete(self.frame_id(frame))
        if outcome == "forbidden":
            raise FrameRefused("forbidden", _("You cannot delete that message."))
        if outcome != "ok":
            raise FrameRefused("bad_request", _("No such message in this space."))

    # --- From the group ---------------------------------------------------------------
    async def space_event(self, event):
        await self.send(text_data=event["text"])

    async def space_events(self, event):
        """Messages stored together: one frame each, in id order."""
        for text in event["texts"]:
            await self.send(text_data=text)

    async def space_control(self, event):
        if event.get("user") == self.scope["user"].id and event.get("action") in {
            "muted",
            "left",
        }:
            await self.close(code=CLOSE_FORBIDDEN)

    # --- Helpers ----------------------------------------------------------------------
    async def _presence(self, change, *args):
        """Record an arrival or departure. The newcomer hears who is here at once; the
        space hears it once per PRESENCE_DELAY, whichever worker the changes came to (a
        crowd joining at once would otherwise make a frame for every pair of people)."""
        online = await db(change)(*args)
        if change is services.arrive:
            await self._send_json({"type": "presence", "online": online})
        if await cache.aadd(f"presence-due:{self.space.pk}", 1, timeout=10):
            spawn(announce_presence(self.space))

    @db
    def _space_if_allowed(self, slug):
        user = self.scope["user"]
        space = Space.objects.filter(slug=slug).first()
        if space is None or not can_post(user, services.membership_of(user, space)):
            return None
        return space

    @db
    def _replay_batch(self, after):
        return [
            services.frame(m)
            for m in services.messages_after(self.space, after)[: self.replay_batch_size]
        ]

    @db
    def _replay_window(self, after, limit):
        """Where a replay of the latest `limit` messages after `after` starts, if more than
        `limit` came after it: one look at the (space, id) index, however long the
        history."""
        rows = list(
            services.messages_after(self.space, after)
            .order_by("-id")
            .values_list("id", "seq")[limit - 1 : limit + 1]
        )
        if len(rows) < 2:
            return None
        (oldest, seq), (before, _seq) = rows
        return before, {"oldest": oldest, "seq": seq}

    @db
    def _delete(self, message_id):
        user = self.scope["user"]
        message = Message.objects.filter(space=self.space, id=message_id).first()
        if message is None:
            return "bad_request"
        membership = services.membership_of(user, self.space)
        moderates = can_moderate_space(user, self.space, membership)
        if not can_post(user, membership) and not moderates:
            return "forbidden"
        if not can_delete_message(user, message, moderates):
            return "forbidden"
        services.delete_message(message, by=user)
        return "ok"


class Post(NamedTuple):
    space: object
    user: object
    session: object  # the SessionStore the socket was opened with
    body: str
    client_id: uuid.UUID
    language: str  # of the sender's connection: their error details


class NotAllowed(Exception):
    """The sender may not post in the space (any more): an error frame "forbidden"."""


def store_posts(posts):
    """A Batcher's handle (in a live database thread): check every sender as a single
    send would (the session the socket was opened with still exists; a fresh copy of the
    member and their membership allows posting, so a suspension or a mute made since the
    socket opened holds even if the event that closes it was lost), then store what is
    allowed in one transaction -> (one outcome per post, the broadcast events)."""
    sessions = sessions_alive(post.session for post in posts)
    memberships = {
        (m.space_id, m.user_id): m
        for m in Membership.objects.filter(
            space_id__in={post.space.pk for post in posts},
            user_id__in={post.user.pk for post in posts},
        ).select_related("user")
    }
    outcomes, allowed = [], []
    for n, post in enumerate(posts):
        membership = memberships.get((post.space.pk, post.user.pk))
        if not sessions[getattr(post.session, "session_key", None)]:
            outcomes.append(SessionEnded())
        elif membership is None or not can_post(membership.user, membership):
            outcomes.append(NotAllowed())
        else:
            outcomes.append(None)
            allowed.append(n)
    stored = services.store_messages(
        [
            (posts[n].space, posts[n].user, posts[n].body, posts[n].client_id, posts[n].language)
            for n in allowed
        ]
    )
    created = []
    for n, outcome in zip(allowed, stored, strict=True):
        outcomes[n] = outcome
        if isinstance(outcome, tuple) and outcome[1]:
            created.append(outcome[0])
    return outcomes, services.message_events(created)


POSTS = Batcher(store_posts)


def sessions_alive(stores):
    """{session key: whether that session still exists} for these SessionStores (what
    core.live.check_session asks of one): one query for sessions kept in the database,
    to the table itself (a cached_db cache may still hold a row deleted under it)."""
    stores = {store.session_key: store for store in stores if store is not None}
    alive = {None: False, "": False}
    by_query = [k for k, store in stores.items() if k and issubclass(store.__class__, DbStore)]
    if by_query:
        model = stores[by_query[0]].model
        found = set(
            model.objects.filter(session_key__in=by_query).values_list("session_key", flat=True)
        )
        alive.update((key, key in found) for key in by_query)
    for key, store in stores.items():
        if key not in alive:
            alive[key] = bool(key) and store.exists(key)
    return alive


async def announce_presence(space):
    """After PRESENCE_DELAY, tell the whole space who is here (one frame for the crowd)."""
    await asyncio.sleep(PRESENCE_DELAY)
    # Clear the mark before reading: a change from now on schedules a fresh announcement.
    await cache.adelete(f"presence-due:{space.pk}")
    online = await db(services.online)(space)
    await get_channel_layer().group_send(
        space.group_name,
        {"type": "space.event", "text": json.dumps({"type": "presence", "online": online})},
    )
