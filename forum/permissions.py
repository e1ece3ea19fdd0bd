"""Who may do what in the forum. Views, the consumer and search all ask here.

Moderators moderate every category; a national focal point moderates its own country's
category only. A suspended member reads but may not post, reply or flag.
"""

from accounts import permissions as can

from .models import PostAccess, PostState, ReadAccess


def is_suspended(user):
    return bool(user.is_authenticated and user.is_suspended())


def can_moderate(user, category):
    if can.is_moderator(user):
        return True
    return bool(category.country) and can.is_focal_point_for(user, category.country)


def can_read(user, category):
    if category.read_access == ReadAccess.PUBLIC:
        return True
    return can.is_learner(user) or can_moderate(user, category)


def readable_category_ids(user, categories):
    return [c.id for c in categories if can_read(user, c)]


def can_post(user, category):
    """Start a topic or reply (a locked topic also needs `can_reply`)."""
    if not can.is_learner(user) and not can_moderate(user, category):
        return False
    if is_suspended(user):
        return False
    return category.post_access == PostAccess.MEMBERS or can_moderate(user, category)


def can_reply(user, topic, moderates):
    return can_post(user, topic.category) and (not topic.is_locked or moderates)


def can_see_topic(user, topic, moderates):
    """A topic whose first post waits or is hidden: its author and moderators only."""
    if not can_read(user, topic.category):
        return False
    return topic.is_visible or moderates or (user.is_authenticated and topic.author_id == user.id)


def can_see_post(user, post, moderates):
    if moderates:
        return True
    if post.state == PostState.PUBLISHED:
        return True
    # The author sees their own post waiting for approval or hidden, with a notice.
    return user.is_authenticated and post.author_id == user.id


def can_edit(user, post, moderates):
    """Authors edit their own posts while they may post; moderators any, with a reason."""
    if moderates:
        return True
    return (
        post.author_id == user.id
        and not post.is_deleted
        and post.state != PostState.HIDDEN
        and can_post(user, post.topic.category)
    )


def can_delete(user, post, moderates):
    """Authors delete their own posts (soft); moderators hide or reject instead."""
    return user.is_authenticated and post.author_id == user.id and not post.is_deleted


def can_flag(user, post):
    return (
        can.is_learner(user)
        and not is_suspended(user)
        and post.author_id != user.id
        and post.is_listed
    )


def can_suspend(user):
    """Suspension is platform-wide, so only moderators (not focal points) suspend."""
    return can.is_moderator(user)


def can_manage_watched_words(user):
    return can.is_moderator(user)


def moderated_category_ids(user, categories):
    return [c.id for c in categories if can_moderate(user, c)]


def may_flag(user):
    """Whether to offer the Flag button at all (can_flag decides for one post)."""
    return can.is_learner(user) and not is_suspended(user)
