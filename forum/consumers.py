"""Live posts of a topic: /ws/forum/topics/<id>/ (server to client only).

On core.live.LiveConsumer (limits, replay after joining, flood guard, error frames,
session ends, clean-up). Here: 4401 if the topic's category is for members and nobody
is logged in, 4403 if the person may not read the topic (or there is no such topic);
with ?after=<post id>, every published post with a larger id is replayed.

Frames: {"type": "post", "id", "topic", "number", "author": {"id", "name"}, "body_html",
"created"} when a post becomes visible (new, or approved), {"type": "post.hidden", "id"}
when one is hidden or deleted, {"type": "post.updated", "id"} after an edit, and
{"type": "pong"} for a {"type": "ping"}. Posting goes through the forms (HTTP).
"""

from django.utils.translation import gettext as _

from core.live import CLOSE_FORBIDDEN, CLOSE_UNAUTHENTICATED, FrameRefused, LiveConsumer, db

from . import permissions as can
from . import services
from .models import ReadAccess, Topic


class TopicConsumer(LiveConsumer):
    topic = None

    def groups_for(self):
        return [services.group_name(self.topic.pk)]

    async def authorise(self):
        return await self._refusal(self.scope["url_route"]["kwargs"]["topic_id"])

    async def replay_batch(self, after):
        return await self._replay_batch(after)

    async def on_message_send(self, frame):
        raise FrameRefused("bad_request", _("This connection only listens: post with the form."))

    async def topic_event(self, event):
        await self.send(text_data=event["text"])

    async def topic_control(self, event):
        """The topic moved (or changed): check again that this person may still read it."""
        if event.get("action") == "recheck":
            code = await self._refusal(self.topic.pk)
            if code:
                await self.close(code=code)

    @db
    def _refusal(self, topic_id):
        """None if the connection may stay, else its close code."""
        user = self.scope["user"]
        topic = Topic.objects.select_related("category").filter(pk=topic_id).first()
        if topic is None:
            return CLOSE_FORBIDDEN
        if not can.can_read(user, topic.category):
            members_only = topic.category.read_access == ReadAccess.MEMBERS
            return (
                CLOSE_UNAUTHENTICATED
                if members_only and not user.is_authenticated
                else CLOSE_FORBIDDEN
            )
        if not can.can_see_topic(user, topic, can.can_moderate(user, topic.category)):
            return CLOSE_FORBIDDEN
        self.topic = topic
        return None

    @db
    def _replay_batch(self, after):
        return [
            services.frame(p)
            for p in services.posts_after(self.topic, after)[: self.replay_batch_size]
        ]
