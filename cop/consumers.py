"""The live discussion of a space: /ws/spaces/<slug>/ (protocol in shared/DESIGN.md).

connect: 4401 if not logged in, 4403 if not an active, unmuted member (or no such
space); then join the space's group, replay from the database every message after
?after=<id> (joined first, so nothing falls between the replay and the live stream),
and announce presence. Every action re-checks the membership.
"""

import asyncio
import json
import uuid
from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from channels.layers import get_channel_layer
from django.core.cache import cache

from . import services
from .models import Membership, Message, Space
from .permissions import can_delete_message, can_moderate_space, can_post

MAX_FRAME = 64 * 1024
REPLAY_BATCH = 200
PRESENCE_DELAY = 0.5  # seconds: arrivals and departures within it make one announcement


def after_id(scope):
    """The ?after=<id> of a (re)connection: None without it, 0 if it is not a number."""
    values = parse_qs(scope.get("query_string", b"").decode()).get("after")
    try:
        return max(0, int(values[0])) if values else None
    except ValueError:
        return 0


class SpaceConsumer(AsyncWebsocketConsumer):
    space = None

    async def connect(self):
        user = self.scope["user"]
        await self.accept()
        if not user.is_authenticated:
            await self.close(code=4401)
            return
        self.space = await self._space_if_allowed(self.scope["url_route"]["kwargs"]["slug"])
        if self.space is None:
            await self.close(code=4403)
            return
        await self.channel_layer.group_add(self.space.group_name, self.channel_name)
        after = after_id(self.scope)
        if after is not None:
            await self._replay(after)
        await self._presence(services.arrive, self.space, user, self.channel_name)

    async def disconnect(self, code):
        if self.space is not None:
            await self.channel_layer.group_discard(self.space.group_name, self.channel_name)
            await self._presence(services.depart, self.space, self.channel_name)

    async def dispatch(self, message):
        # Broadcasts touch no database: skip the per-message connection clean-up, which
        # is most of a consumer's CPU under load (see DESIGN.md, performance notes).
        if message["type"] == "space.event":
            await self.space_event(message)
        else:
            await super().dispatch(message)

    # --- From the client -------------------------------------------------------------
    async def receive(self, text_data=None, bytes_data=None):
        if text_data is None:
            return await self._error("bad_request", "Send JSON text frames.")
        if len(text_data) > MAX_FRAME or len(text_data.encode()) > MAX_FRAME:  # bytes count
            return await self._error("too_long", "A frame is at most 64 KiB.")
        try:
            frame = json.loads(text_data)
        except ValueError:
            return await self._error("bad_request", "That is not JSON.")
        kind = frame.get("type") if isinstance(frame, dict) else None
        if kind == "message.send":
            await self._send_message(frame)
        elif kind == "message.delete":
            await self._delete_message(frame)
        elif kind == "ping":
            await database_sync_to_async(services.still_here)(self.channel_name)
            await self._send_json({"type": "pong"})
        else:
            await self._error("bad_request", "Unknown frame type.")

    async def _send_message(self, frame):
        body, client_id = frame.get("body"), frame.get("client_id")
        try:
            client_id = uuid.UUID(str(client_id))
        except ValueError:
            return await self._error("bad_request", "client_id must be a UUID.")
        if not isinstance(body, str):
            return await self._error("bad_request", "body must be text.")
        try:
            message_id = await self._post(body, client_id)
        except services.MessageError as error:
            return await self._error(error.code, error.detail)
        if message_id is None:
            return await self._error("forbidden", "You cannot post in this space.")
        await self._send_json({"type": "ack", "client_id": str(client_id), "id": message_id})

    async def _delete_message(self, frame):
        message_id = frame.get("id")
        if not isinstance(message_id, int) or isinstance(message_id, bool):
            return await self._error("bad_request", "id must be a message id.")
        outcome = await self._delete(message_id)
        if outcome != "ok":
            await self._error(
                outcome,
                "You cannot delete that message."
                if outcome == "forbidden"
                else "No such message in this space.",
            )

    # --- From the group --------------------------------------------------------------
    async def space_event(self, event):
        await self.send(text_data=event["text"])

    async def space_control(self, event):
        if event.get("action") == "muted" and event.get("user") == self.scope["user"].id:
            await self.close(code=4403)

    # --- Helpers ---------------------------------------------------------------------
    async def _replay(self, after):
        while True:
            frames = await self._replay_batch(after)
            for frame in frames:
                await self._send_json(frame)
            if len(frames) < REPLAY_BATCH:
                return
            after = frames[-1]["id"]

    async def _send_json(self, payload):
        await self.send(text_data=json.dumps(payload))

    async def _error(self, code, detail):
        await self._send_json({"type": "error", "code": code, "detail": detail})

    async def _presence(self, change, *args):
        """Record an arrival or departure. The newcomer hears who is here at once; the
        space hears it once per PRESENCE_DELAY, whichever worker the changes came to (a
        crowd joining at once would otherwise make a frame for every pair of people)."""
        online = await database_sync_to_async(change)(*args)
        if change is services.arrive:
            await self._send_json({"type": "presence", "online": online})
        if await cache.aadd(f"presence-due:{self.space.pk}", 1, timeout=10):
            _background.add(task := asyncio.create_task(announce_presence(self.space)))
            task.add_done_callback(_background.discard)

    @database_sync_to_async
    def _space_if_allowed(self, slug):
        user = self.scope["user"]
        space = Space.objects.filter(slug=slug).first()
        if space is None or not can_post(user, services.membership_of(user, space)):
            return None
        return space

    @database_sync_to_async
    def _replay_batch(self, after):
        return [
            services.frame(m) for m in services.messages_after(self.space, after)[:REPLAY_BATCH]
        ]

    @database_sync_to_async
    def _post(self, body, client_id):
        """The stored message's id, or None if the user may not post (any more)."""
        user = self.scope["user"]
        # The membership comes with a fresh copy of the user: a suspension (or mute) made
        # since this connection opened holds even if the event that closes it was lost.
        membership = (
            Membership.objects.filter(space=self.space, user=user).select_related("user").first()
        )
        if membership is None or not can_post(membership.user, membership):
            return None
        message, _created = services.post_message(self.space, user, body, client_id)
        return message.id

    @database_sync_to_async
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


_background = set()  # announcement tasks, kept referenced until they finish


async def announce_presence(space):
    """After PRESENCE_DELAY, tell the whole space who is here (one frame for the crowd)."""
    await asyncio.sleep(PRESENCE_DELAY)
    # Clear the mark before reading: a change from now on schedules a fresh announcement.
    await cache.adelete(f"presence-due:{space.pk}")
    online = await database_sync_to_async(services.online)(space)
    await get_channel_layer().group_send(
        space.group_name,
        {"type": "space.event", "text": json.dumps({"type": "presence", "online": online})},
    )
