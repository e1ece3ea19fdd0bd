"""A moderator's decision on one row: the row read under its lock (a second moderator
deciding the same thing meanwhile is refused with a message), and the ModerationLog row
that every moderation action writes in the same transaction."""

from django.utils.translation import gettext as _

from core.decisions import decide

from ..models import ModerationLog, Post, Topic
from .checks import PostError


def log(
    actor, action, *, post=None, topic=None, category=None, target_user=None, reason="", detail=""
):
    topic = topic or (post.topic if post else None)
    category = category or (topic.category if topic else None)
    return ModerationLog.objects.create(
        actor=actor,
        action=action,
        post=post,
        topic=topic,
        category=category,
        target_user=target_user or (post.author if post else None),
        reason=(reason or "").strip(),
        detail=detail[:300],
    )


def decided_post(post, still=None):
    """The post's row, locked until commit (see core.decisions); refused with a message
    for the moderator when `still(post)` no longer holds."""
    return decide(
        Post.objects.select_related("topic__category", "author"),
        post.pk,
        still=still,
        refusal=PostError("decided", _("Someone else has already decided on this post.")),
    )


def decided_topic(topic, still=None, refusal=None):
    return decide(
        Topic.objects.select_related("category"),
        topic.pk,
        still=still,
        refusal=refusal
        or PostError("decided", _("Someone else has already decided on this topic.")),
    )
