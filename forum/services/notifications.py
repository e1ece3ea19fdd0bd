"""Following topics and categories, @mentions, and the notifications they make: who is
told of a post (once, most specific first), whose e-mail waits for the digest, and the
header's unread count."""

import re
from functools import partial

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import transaction
from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from accounts.constants import Role
from accounts.models import HANDLE_PATTERN

from ..models import (
    Notification,
    NotificationEmail,
    NotificationKind,
    ReadAccess,
    Subscription,
    TopicRead,
)
from ..tasks import send_notification_emails

MAX_MENTIONS = 10
MENTION_RE = re.compile(rf"(?<![\w@/.])@({HANDLE_PATTERN})", re.IGNORECASE)


def is_subscribed(user, *, topic=None, category=None):
    if not user.is_authenticated:
        return False
    return Subscription.objects.filter(user=user, topic=topic, category=category).exists()


def set_subscription(user, on, *, topic=None, category=None):
    if on:
        Subscription.objects.get_or_create(user=user, topic=topic, category=category)
    else:
        Subscription.objects.filter(user=user, topic=topic, category=category).delete()


def mentioned_handles(body):
    return {match.lower() for match in MENTION_RE.findall(body or "")}


def _readers_of(category, users):
    """The users (of `users`) who may read `category`."""
    if category.read_access == ReadAccess.PUBLIC:
        return users
    return users.filter(
        Q(is_superuser=True)
        | Q(groups__name__in=[Role.LEARNER, Role.MODERATOR, Role.SITE_ADMIN])
        | Q(
            groups__name=Role.FOCAL_POINT,
            role_scopes__role=Role.FOCAL_POINT,
            role_scopes__country=category.country or "--",
        )
    ).distinct()


def notify_published(post, only_handles=None):
    """Notify, once per person and most specific first: people @mentioned, the author of
    the post replied to, then followers of the topic (replies) or category (new topics).
    Nobody is told of posts in a topic others cannot see yet (its first post waits)."""
    topic = post.topic
    if not topic.is_visible:
        return
    category = topic.category
    recipients = {}
    handles = list(mentioned_handles(post.body) if only_handles is None else only_handles)
    if handles:
        users = get_user_model().objects.filter(handle__in=handles[:MAX_MENTIONS], is_active=True)
        for user_id in _readers_of(category, users).values_list("id", flat=True):
            recipients.setdefault(user_id, NotificationKind.MENTION)
    if only_handles is None:
        if post.reply_to_id and post.reply_to.author_id:
            recipients.setdefault(post.reply_to.author_id, NotificationKind.REPLY_TO_YOU)
        if post.number == 1:
            followers = Subscription.objects.filter(category=category)
            kind = NotificationKind.NEW_TOPIC
        else:
            followers = Subscription.objects.filter(topic=topic)
            kind = NotificationKind.REPLY
        for user_id in followers.values_list("user_id", flat=True):
            recipients.setdefault(user_id, kind)
    recipients.pop(post.author_id, None)
    followers = [u for u, kind in recipients.items() if kind == NotificationKind.REPLY]
    held = _followers_to_hold(topic, followers)
    _notify(
        [
            Notification(
                user_id=user_id,
                kind=kind,
                actor_id=post.author_id,
                post=post,
                email=NotificationEmail.HELD if user_id in held else NotificationEmail.NOW,
            )
            for user_id, kind in recipients.items()
        ]
    )


def _followers_to_hold(topic, user_ids):
    """The followers (of `user_ids`) whose e-mail of a new reply waits for the digest:
    those already told of a reply in `topic` that they have not read yet (one query).

    A follower is e-mailed at once for the first reply they have not read; the replies
    after it wait until they read the topic (then the next one is e-mailed at once
    again) or until `send_forum_digests` sends them together. The caller holds the
    topic's row (a reply, an approval), so two replies never both count as the first."""
    if not user_ids:
        return set()
    read = TopicRead.objects.filter(user=OuterRef("user"), topic=topic).values("last_read_number")[
        :1
    ]
    return set(
        Notification.objects.filter(
            user_id__in=user_ids, kind=NotificationKind.REPLY, post__topic=topic
        )
        .annotate(read_to=Coalesce(Subquery(read), 0))
        .filter(post__number__gt=F("read_to"))
        .values_list("user_id", flat=True)
        .distinct()
    )


def notify_author(post, actor, detail, kind=NotificationKind.MODERATED):
    """Tell an author what a moderator (or the flags, with no actor) did to their post."""
    if actor is not None and actor.id == post.author_id:
        return
    _notify(
        [
            Notification(
                user_id=post.author_id,
                kind=kind,
                actor=actor,
                post=post,
                detail=(detail or "")[:500],
            )
        ]
    )


def _notify(notifications):
    if not notifications:
        return
    created = Notification.objects.bulk_create(notifications)
    for notification in created:
        cache.delete(unread_count_key(notification.user_id))
    # PostgreSQL and SQLite both return the new ids; held ones wait for the digest.
    ids = [n.id for n in created if n.email == NotificationEmail.NOW]
    if ids:
        transaction.on_commit(partial(send_notification_emails.enqueue, ids))


def unread_count_key(user_id):
    return f"forum-unread:{user_id}"


def unread_notification_count(user):
    """Unread notifications (the header's badge): cached, so no query on most pages."""
    if not user.is_authenticated:
        return 0
    key = unread_count_key(user.id)
    count = cache.get(key)
    if count is None:
        count = Notification.objects.filter(user=user, read_at__isnull=True).count()
        cache.set(key, count, 60 * 10)
    return count


def mark_notifications_read(user):
    Notification.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())
    cache.delete(unread_count_key(user.id))
