"""Live posts of a topic: /ws/forum/topics/<id>/ (server to client only).

connect: 4401 if the topic's category is for members and nobody is logged in, 4403 if
the person may not read the topic (or there is no such topic); then join the topic's
group and, with ?after=<post id>, replay from the database every published post with a
larger id (joined first, so nothing falls between the replay and the live stream).

Frames: {"type": "post", "id", "topic", "number", "author": {"id", "name"}, "body_html",
"created"} when a post becomes visible (new, or approved), {"type": "post.hidden", "id"}
when one is hidden or deleted, {"type": "post.updated", "id"} after an edit, and
{"type": "pong"} for a {"type": "ping"}. Posting goes through the forms (HTTP).
"""

import json

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer

from cop.consumers import after_id

from . import permissions as can
from . import services
from .models import ReadAccess, Topic

REPLAY_BATCH = 200


class TopicConsumer(AsyncWebsocketConsumer):
    topic_id = None

    async def connect(self):
        await self.accept()
        code = await self._refusal(self.scope["url_route"]["kwargs"]["topic_id"])
        if code:
            await self.close(code=code)
            return
        self.topic_id = self.scope["url_route"]["kwargs"]["topic_id"]
        await self.channel_layer.group_add(services.group_name(self.topic_id), self.channel_name)
        after = after_id(self.scope)
        if after is not None:
            while True:
                frames = await self._replay_batch(after)
                for frame in frames:
                    await self.send(text_data=json.dumps(frame))
                if len(frames) < REPLAY_BATCH:
                    break
                after = frames[-1]["id"]

    async def disconnect(self, code):
        if self.topic_id is not None:
            await self.channel_layer.group_discard(
                services.group_name(self.topic_id), self.channel_name
            )

    async def dispatch(self, message):
        # Broadcasts touch no database: skip the per-message connection clean-up.
        if message["type"] == "topic.event":
            await self.topic_event(message)
        else:
            await super().dispatch(message)

    async def receive(self, text_data=None, bytes_data=None):
        try:
            frame = json.loads(text_data or "")
        except ValueError:
            frame = None
        if isinstance(frame, dict) and frame.get("type") == "ping":
            await self.send(text_data=json.dumps({"type": "pong"}))
        else:
            await self.send(
                text_data=json.dumps(
                    {
                        "type": "error",
                        "code": "bad_request",
                        "detail": "This connection only listens: post with the reply form.",
                    }
                )
            )

    async def topic_event(self, event):
        await self.send(text_data=event["text"])

    async def topic_control(self, event):
        """The topic moved (or changed): check again that this person may still read it."""
        if event.get("action") == "recheck":
            code = await self._refusal(self.topic_id)
            if code:
                await self.close(code=code)

    @database_sync_to_async
    def _refusal(self, topic_id):
        """None if the connection may stay, else its close code."""
        user = self.scope["user"]
        topic = Topic.objects.select_related("category").filter(pk=topic_id).first()
        if topic is None:
            return 4403
        if not can.can_read(user, topic.category):
            anonymous = not user.is_authenticated
            return 4401 if anonymous and topic.category.read_access == ReadAccess.MEMBERS else 4403
        if not can.can_see_topic(user, topic, can.can_moderate(user, topic.category)):
            return 4403
        self.topic = topic
        return None

    @database_sync_to_async
    def _replay_batch(self, after):
        return [services.frame(p) for p in services.posts_after(self.topic, after)[:REPLAY_BATCH]]
