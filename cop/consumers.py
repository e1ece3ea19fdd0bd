"""The live discussion of a space: /ws/spaces/<slug>/ (protocol in docs/design.md).

On core.live.LiveConsumer (limits, replay after joining, flood guard, error frames,
session ends, clean-up). Here: 4401 if not logged in, 4403 if not an active, unmuted
member (or no such space); presence on arrival and departure; every action re-reads the
member, the membership and the session, so a suspension, a mute, leaving the space or
logging out holds even if the event that closes the socket was lost.
"""

import asyncio
import json
import time
import uuid

from channels.layers import get_channel_layer
from django.core.cache import cache
from django.utils.translation import gettext as _

from core.live import (
    CLOSE_FORBIDDEN,
    CLOSE_UNAUTHENTICATED,
    FrameRefused,
    LiveConsumer,
    check_session,
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

    # --- From the client --------------------------------------------------------------
    async def on_message_send(self, frame):
        body, client_id = frame.get("body"), frame.get("client_id")
        try:
            client_id = uuid.UUID(str(client_id))
        except ValueError:
            raise FrameRefused("bad_request", _("client_id must be a UUID.")) from None
        if not isinstance(body, str):
            raise FrameRefused("bad_request", _("body must be text."))
        try:
            message_id = await self._post(body, client_id)
        except services.MessageError as error:
            raise FrameRefused(error.code, error.detail) from None
        if message_id is None:
            raise FrameRefused("forbidden", _("You cannot post in this space."))
        await self._send_json({"type": "ack", "client_id": str(client_id), "id": message_id})

    async def on_message_delete(self, frame):
        outcome = await self._delete(self.frame_id(frame))
        if outcome == "forbidden":
            raise FrameRefused("forbidden", _("You cannot delete that message."))
        if outcome != "ok":
            raise FrameRefused("bad_request", _("No such message in this space."))

    # --- From the group ---------------------------------------------------------------
    async def space_event(self, event):
        await self.send(text_data=event["text"])

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
    def _post(self, body, client_id):
        """The stored message's id, or None if the sender may not post (any more).
        Raises SessionEnded if the sender has logged out since the socket opened."""
        check_session(self.scope)
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
