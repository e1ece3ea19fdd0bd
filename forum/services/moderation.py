"""Moderators' decisions: on posts (approve, reject, hide, unhide, dismiss flags), on
topics (lock, pin, slow mode, move), on members (suspend, lift) and on the watched
words; and the review queue. Each decision is refused when someone else has made it
meanwhile, and writes one ModerationLog row (see `decisions`)."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.commit import after_commit
from core.decisions import decide
from core.signals import member_suspended

from ..models import (
    MAX_SUSPENSION_DAYS,
    WATCHED_WORDS_CACHE_KEY,
    ModerationAction,
    NotificationKind,
    Post,
    PostState,
    Topic,
    WatchedWord,
)
from .checks import PostError
from .decisions import decided_post, decided_topic, log
from .flags import resolve_flags
from .live import control
from .notifications import notify_author
from .visibility import post_shown, post_withdrawn, refresh_counters


def _awaits_approval(post):
    return post.state == PostState.PENDING and not post.is_deleted


def approve(post, by, reason=""):
    """Publish a post that waited for approval (and tell its author and followers).
    Refused when it no longer waits (approved or rejected by someone else meanwhile)."""
    with decided_post(post, _awaits_approval) as post:
        post.state, post.state_reason = PostState.PUBLISHED, ""
        post.save(update_fields=["state", "state_reason"])
        log(by, ModerationAction.APPROVE, post=post, reason=reason)
        notify_author(post, by, reason, kind=NotificationKind.APPROVED)
        post_shown(post, notify=True)
    return post


def reject(post, by, reason):
    """Refuse a post that waited for approval: it is deleted, and its author told why.
    Refused when it no longer waits."""
    with decided_post(post, _awaits_approval) as post:
        post.deleted_at, post.deleted_by = timezone.now(), by
        post.save(update_fields=["deleted_at", "deleted_by"])
        log(by, ModerationAction.REJECT, post=post, reason=reason)
        notify_author(post, by, reason)
        refresh_counters(post.topic)
    return post


def hide(post, by, reason):
    """Hide a post from everyone but its author and moderators; open flags are settled.
    On a post the flags hid, it keeps it hidden and settles them. Refused when the post
    is hidden already with no open flag."""
    with decided_post(post, lambda p: p.state != PostState.HIDDEN or p.open_flags) as post:
        was_listed = post.is_listed
        post.state, post.state_reason = PostState.HIDDEN, reason
        resolve_flags(post, by)
        post.save(update_fields=["state", "state_reason", "open_flags"])
        log(by, ModerationAction.HIDE, post=post, reason=reason)
        notify_author(post, by, reason)
        if was_listed:
            post_withdrawn(post)
        else:
            refresh_counters(post.topic)
    return post


def unhide(post, by, reason=""):
    """Show a hidden post again (the flags that hid it are dismissed). Refused when it
    is not hidden (any more)."""
    with decided_post(post, lambda p: p.state == PostState.HIDDEN) as post:
        post.state, post.state_reason = PostState.PUBLISHED, ""
        resolve_flags(post, by)
        post.save(update_fields=["state", "state_reason", "open_flags"])
        log(by, ModerationAction.UNHIDE, post=post, reason=reason)
        notify_author(post, by, reason or _("Your post is visible again."))
        if not post.is_deleted:
            post_shown(post, notify=False)
    return post


def dismiss_flags(post, by, reason=""):
    """Keep a flagged post as it is: its open flags are settled. Refused when no flag is
    open (any more)."""
    with decided_post(post, lambda p: p.open_flags > 0) as post:
        count = post.open_flags
        resolve_flags(post, by)
        post.save(update_fields=["open_flags"])
        log(
            by,
            ModerationAction.DISMISS_FLAGS,
            post=post,
            reason=reason,
            detail=ngettext("%(n)d flag", "%(n)d flags", count) % {"n": count},
        )
    return post


def _topic_flag(topic, by, field, value, action, reason, detail=""):
    """Set one of the topic's switches; refused when it is already so."""
    with decided_topic(topic, lambda t: getattr(t, field) != value) as topic:
        setattr(topic, field, value)
        topic.save(update_fields=[field])
        log(by, action, topic=topic, reason=reason, detail=detail)
    return topic


def lock(topic, by, reason=""):
    return _topic_flag(topic, by, "is_locked", True, ModerationAction.LOCK, reason)


def unlock(topic, by, reason=""):
    return _topic_flag(topic, by, "is_locked", False, ModerationAction.UNLOCK, reason)


def pin(topic, by, reason=""):
    return _topic_flag(topic, by, "is_pinned", True, ModerationAction.PIN, reason)


def unpin(topic, by, reason=""):
    return _topic_flag(topic, by, "is_pinned", False, ModerationAction.UNPIN, reason)


def set_slow_mode(topic, by, seconds, reason=""):
    if not 0 <= seconds <= Topic.MAX_SLOW_MODE_SECONDS:
        raise PostError("slow_mode", _("Slow mode is between 0 (off) and 7 days."))
    detail = _("off") if not seconds else _("one reply per %(n)d minutes") % {"n": seconds // 60}
    return _topic_flag(
        topic, by, "slow_mode_seconds", seconds, ModerationAction.SLOW_MODE, reason, detail
    )


def move(topic, to_category, by, reason=""):
    """Move a topic to another category; its live readers are checked again. Refused
    when it is in that category already (moved there by someone else meanwhile)."""
    already = PostError("move", _("The topic is already in that category."))
    with decided_topic(topic, lambda t: t.category_id != to_category.id, already) as topic:
        old = topic.category
        topic.category = to_category
        topic.save(update_fields=["category"])
        log(
            by,
            ModerationAction.MOVE,
            topic=topic,
            category=to_category,
            reason=reason,
            detail=_("from %(old)s to %(new)s") % {"old": old.name, "new": to_category.name},
        )
        refresh_counters(topic, categories=[old])
        after_commit(control, topic.id, "recheck")
    return topic


def _decided_member(user, still, refusal):
    return decide(get_user_model().objects.all(), user.pk, still=still, refusal=refusal)


def suspend(user, by, *, days, reason):
    """No posting in the forum and no chatting in any space until the time is up; the
    member's open space connections are closed. Refused while the member is suspended
    already (by someone else meanwhile): lift it first to set another."""
    if not reason.strip():
        raise PostError("reason", _("Say why the member is suspended; they will see it."))
    if not 1 <= days <= MAX_SUSPENSION_DAYS:
        raise PostError("days", _("Suspend for between 1 and 365 days."))
    now = timezone.now()
    until = now + timedelta(days=days)
    already = PostError(
        "decided",
        _("Someone else has already suspended this member. Lift it first to set another."),
    )
    with _decided_member(user, lambda u: not u.is_suspended(now), already) as member:
        get_user_model().objects.filter(pk=member.pk).update(
            suspended_until=until, suspension_reason=reason.strip()[:500]
        )
        user.suspended_until, user.suspension_reason = until, reason.strip()[:500]
        log(
            by,
            ModerationAction.SUSPEND,
            target_user=user,
            reason=reason,
            detail=ngettext("%(n)d day", "%(n)d days", days) % {"n": days},
        )
        # The spaces close the member's live connections (cop/receivers.py).
        after_commit(member_suspended.send, sender=None, user_id=user.id)
    return user


def unsuspend(user, by, reason=""):
    """Lift a suspension. Refused when the member is not suspended (any more)."""
    already = PostError("decided", _("This member is not suspended (any more)."))
    with _decided_member(user, lambda u: u.is_suspended(), already) as member:
        get_user_model().objects.filter(pk=member.pk).update(
            suspended_until=None, suspension_reason=""
        )
        user.suspended_until, user.suspension_reason = None, ""
        log(by, ModerationAction.UNSUSPEND, target_user=user, reason=reason)
    return user


def watch_word(word, action, by):
    word = " ".join((word or "").split()).lower()
    if not word or word.strip("*") == "":
        raise PostError("word", _("Give a word or phrase to watch for."))
    with transaction.atomic():
        watched, _created = WatchedWord.objects.update_or_create(
            word=word, defaults={"action": action, "created_by": by}
        )
        log(by, ModerationAction.WATCH_WORD, detail=f"{word} ({watched.get_action_display()})")
    cache.delete(WATCHED_WORDS_CACHE_KEY)
    return watched


def unwatch_word(watched, by):
    gone = PostError("decided", _("Someone else has already removed this word."))
    with decide(WatchedWord.objects.all(), watched.pk, refusal=gone) as watched:
        log(by, ModerationAction.UNWATCH_WORD, detail=watched.word)
        watched.delete()
    cache.delete(WATCHED_WORDS_CACHE_KEY)


def _to_review(category_ids):
    return Post.objects.filter(topic__category_id__in=category_ids, deleted_at__isnull=True)


def moderation_queue(category_ids):
    """Posts waiting for approval and posts with open flags, in the given categories."""
    base = (
        _to_review(category_ids).select_related("author", "topic__category").order_by("created_at")
    )
    return base.filter(state=PostState.PENDING), base.filter(open_flags__gt=0)


def waiting_count(category_ids):
    """How many posts the queue holds for these categories (one query)."""
    return _to_review(category_ids).filter(Q(state=PostState.PENDING) | Q(open_flags__gt=0)).count()
