"""Rules of the forum: posting, editing, flags, moderation, notifications, live updates.

Views, the consumer, the seeder and tests call these as `services.<name>`: what other
modules use is re-exported here. Permission to reach an action is checked by the caller
with `forum.permissions`; the rules that hold whoever calls (a suspended member does not
post, a locked topic takes no replies, slow mode, watched words, pre-moderation, rate
limits) are checked here. Every moderation action writes one ModerationLog row in the
same transaction. Live readers are told after commit.

The modules, by concept:

- `checks`: `PostError`, the text of a post and its title, the watched words, whether
  the author may post now and whether the post waits for approval.
- `posting`: a new topic, a reply, an edit, an author deleting their own post.
- `reading`: the posts a reader sees, the page a post is on, read marks.
- `visibility`: what follows when a post becomes visible or stops being so (counters,
  notifications, live readers).
- `notifications`: follows, @mentions, who is told of what, the unread count.
- `flags`: members flagging a post (enough flags hide it).
- `moderation`: moderators' decisions on posts, topics, members and watched words, and
  the review queue.
- `decisions`: a decision's locked row and its ModerationLog row.
- `live`: the topic's channel-layer group, frames, broadcasts and the reconnect catch-up.
"""

from .checks import PostError
from .flags import flag
from .live import broadcast, frame, group_name, posts_after
from .moderation import (
    approve,
    dismiss_flags,
    hide,
    lock,
    moderation_queue,
    move,
    pin,
    reject,
    set_slow_mode,
    suspend,
    unhide,
    unlock,
    unpin,
    unsuspend,
    unwatch_word,
    waiting_count,
    watch_word,
)
from .notifications import (
    is_subscribed,
    mark_notifications_read,
    set_subscription,
    unread_notification_count,
)
from .posting import delete_own_post, edit_post, reply, start_topic
from .reading import (
    POSTS_PER_PAGE,
    TOPICS_PER_PAGE,
    TopicPosts,
    annotate_unread,
    mark_read,
    page_of,
    read_marks,
    visible_posts,
)
from .visibility import refresh_counters

__all__ = [
    "POSTS_PER_PAGE",
    "TOPICS_PER_PAGE",
    "PostError",
    "TopicPosts",
    "annotate_unread",
    "approve",
    "broadcast",
    "delete_own_post",
    "dismiss_flags",
    "edit_post",
    "flag",
    "frame",
    "group_name",
    "hide",
    "is_subscribed",
    "lock",
    "mark_notifications_read",
    "mark_read",
    "moderation_queue",
    "move",
    "page_of",
    "pin",
    "posts_after",
    "read_marks",
    "refresh_counters",
    "reject",
    "reply",
    "set_slow_mode",
    "set_subscription",
    "start_topic",
    "suspend",
    "unhide",
    "unlock",
    "unpin",
    "unread_notification_count",
    "unsuspend",
    "unwatch_word",
    "visible_posts",
    "waiting_count",
    "watch_word",
]
