"""The forum: categories, topics, posts, and what moderation and notification keep about them.

- `posts`: categories, topics, posts (with `LISTED`, the rule of a post every reader
  sees), revisions and read marks.
- `moderation`: flags, watched words, the moderation log.
- `notifications`: follows and notifications.

Everything is importable from `forum.models`.
"""

from .moderation import (
    MAX_SUSPENSION_DAYS,
    WATCHED_WORDS_CACHE_KEY,
    Flag,
    FlagReason,
    ModerationAction,
    ModerationLog,
    ModerationLogQuerySet,
    WatchedWord,
    WatchedWordAction,
)
from .notifications import Notification, NotificationEmail, NotificationKind, Subscription
from .posts import (
    LISTED,
    Category,
    CategoryKind,
    Post,
    PostAccess,
    PostQuerySet,
    PostRevision,
    PostState,
    ReadAccess,
    Topic,
    TopicRead,
)

__all__ = [
    "LISTED",
    "MAX_SUSPENSION_DAYS",
    "WATCHED_WORDS_CACHE_KEY",
    "Category",
    "CategoryKind",
    "Flag",
    "FlagReason",
    "ModerationAction",
    "ModerationLog",
    "ModerationLogQuerySet",
    "Notification",
    "NotificationEmail",
    "NotificationKind",
    "Post",
    "PostAccess",
    "PostQuerySet",
    "PostRevision",
    "PostState",
    "ReadAccess",
    "Subscription",
    "Topic",
    "TopicRead",
    "WatchedWord",
    "WatchedWordAction",
]
