"""Live readers of a topic: the channel-layer group, the frame of a post, what is sent to
the group, and the catch-up of a reader who reconnects (see forum.consumers)."""

import json

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

from ..models import Post


def group_name(topic_id):
    return f"forum.topic.{topic_id}"


def frame(post):
    """What a live reader is told about a post that has just become visible."""
    return {
        "type": "post",
        "id": post.id,
        "topic": post.topic_id,
        "number": post.number,
        "author": {"id": post.author_id, "name": post.author.name},
        "body_html": post.body_html,
        "created": post.created_at.isoformat(),
    }


def broadcast(topic_id, payload):
    """Send `payload` to everyone reading the topic live, on every worker (the JSON text
    is made once here, not once per reader)."""
    async_to_sync(get_channel_layer().group_send)(
        group_name(topic_id), {"type": "topic.event", "text": json.dumps(payload)}
    )


def control(topic_id, action):
    async_to_sync(get_channel_layer().group_send)(
        group_name(topic_id), {"type": "topic.control", "action": action}
    )


def posts_after(topic, after_id):
    """Listed posts with an id above `after_id`, in id order (the catch-up of a reconnect)."""
    return (
        Post.objects.listed()
        .filter(topic=topic, id__gt=after_id)
        .select_related("author")
        .order_by("id")
    )
