"""Rules of the forum: posting, editing, flags, moderation, notifications, live updates.

Views, the consumer, the seeder and tests call these. Permission to reach an action is
checked by the caller with `forum.permissions`; the rules that hold whoever calls (a
suspended member does not post, a locked topic takes no replies, slow mode, watched
words, pre-moderation, rate limits) are checked here. Every moderation action writes one
ModerationLog row in the same transaction. Live readers are told after commit.
"""

import json
import re
from datetime import timedelta
from functools import lru_cache, partial

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Count, F, Max, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.constants import Role
from accounts.models import HANDLE_PATTERN
from home import ratelimit
from home.decisions import decide
from home.text import render_markdown

from . import permissions
from .models import (
    WATCHED_WORDS_CACHE_KEY,
    Category,
    Flag,
    ModerationAction,
    ModerationLog,
    Notification,
    NotificationEmail,
    NotificationKind,
    Post,
    PostRevision,
    PostState,
    ReadAccess,
    Subscription,
    Topic,
    TopicRead,
    WatchedWord,
    WatchedWordAction,
)
from .tasks import send_notification_emails

TOPICS_PER_PAGE = 30
POSTS_PER_PAGE = 20
MAX_MENTIONS = 10
MENTION_RE = re.compile(rf"(?<![\w@/.])@({HANDLE_PATTERN})", re.IGNORECASE)


class PostError(ValueError):
    """A post refused, with a message for the person who wrote it; `code` for callers."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message


# --- Text checks ------------------------------------------------------------------------
def clean_body(body):
    body = (body or "").strip()
    if not body:
        raise PostError("empty", _("Write something before you post."))
    if len(body) > Post.MAX_LENGTH:
        raise PostError(
            "too_long",
            _("A post is at most %(max)s characters; this one has %(count)s.")
            % {"max": f"{Post.MAX_LENGTH:,}", "count": f"{len(body):,}"},
        )
    return body


def clean_title(title):
    title = " ".join((title or "").split())
    if len(title) < 5:
        raise PostError("title", _("Give the topic a title of at least 5 characters."))
    if len(title) > 200:
        raise PostError("title", _("A title is at most 200 characters."))
    return title


# Latin (with Vietnamese and other diacritics), Greek and Cyrillic (Mongolian, Kyrgyz):
# scripts written with spaces between words.
SPACED_SCRIPT_RE = re.compile(r"[\u0000-\u052f\u1e00-\u1fff\u2000-\u206f]*")


def _word_pattern(word):
    body = r"\w*".join(re.escape(part) for part in word.split("*"))
    if SPACED_SCRIPT_RE.fullmatch(word):
        # Words of spaced scripts match whole words; Thai, Lao, Khmer, Chinese... are
        # written without spaces between words, so a watched word there matches anywhere.
        return rf"(?<!\w){body}(?!\w)"
    return body


@lru_cache(maxsize=8)
def _compiled(words):
    return [
        (word, action, re.compile(_word_pattern(word), re.IGNORECASE)) for word, action in words
    ]


def watched_words():
    """[(word, action, regex)], read from the cache that every worker shares."""
    words = cache.get(WATCHED_WORDS_CACHE_KEY)
    if words is None:
        words = tuple(WatchedWord.objects.values_list("word", "action"))
        cache.set(WATCHED_WORDS_CACHE_KEY, words, 60 * 60)
    return _compiled(tuple(words))


def check_watched_words(*texts):
    """(blocked word, word that holds for approval): either may be None."""
    text = "\n".join(texts)
    blocked = held = None
    for word, action, pattern in watched_words():
        if pattern.search(text):
            if action == WatchedWordAction.BLOCK and blocked is None:
                blocked = word
            elif action == WatchedWordAction.APPROVE and held is None:
                held = word
    return blocked, held


def _refuse_blocked(blocked):
    if blocked:
        raise PostError(
            "blocked",
            _(
                "Your post contains “%(word)s”, which is not allowed in this forum. "
                "Change it and post again."
            )
            % {"word": blocked},
        )


def _hold_reason(author, category, held, moderates):
    """Why a new post should wait for approval, or "" to publish it."""
    if moderates:
        return ""
    if held:
        return _("It contains the watched word “%(word)s”.") % {"word": held}
    needed = settings.FORUM_APPROVE_FIRST_POSTS
    if needed and (Post.objects.filter(author=author, state=PostState.PUBLISHED).count() < needed):
        return ngettext(
            "A new member's first post is checked by a moderator.",
            "A new member's first %(count)d posts are checked by a moderator.",
            needed,
        ) % {"count": needed}
    return ""


def _check_may_post(author, category):
    if permissions.is_suspended(author):
        raise PostError(
            "suspended",
            _("You are suspended until %(until)s: you may read but not post.")
            % {"until": timezone.localtime(author.suspended_until).strftime("%Y-%m-%d %H:%M")},
        )
    if not permissions.can_post(author, category):
        raise PostError("forbidden", _("You cannot post in this category."))


def _check_rate(author, moderates):
    if not moderates and ratelimit.hit(
        f"forum-rate:{author.id}", settings.FORUM_POSTS_PER_MINUTE, 60
    ):
        raise PostError(
            "rate_limited", _("You are posting very fast. Wait a minute, then post again.")
        )


# --- Posting ----------------------------------------------------------------------------
def _submitted(author, token):
    """The post `author` already made with the form that carried `token`, or None."""
    if token is None:
        return None
    return Post.objects.filter(author=author, submit_token=token).select_related("topic").first()


def start_topic(category, author, title, body, *, token=None):
    """A new topic with its first post -> the topic. Raises PostError.

    `token` is the idempotency token of the form (made when it was shown): the same
    token again (a double click, a resend by a second worker) stores nothing and returns
    the topic the first submit made."""
    moderates = permissions.can_moderate(author, category)
    _check_may_post(author, category)
    title, body = clean_title(title), clean_body(body)
    blocked, held = check_watched_words(title, body)
    _refuse_blocked(blocked)
    if (first := _submitted(author, token)) is not None:
        return first.topic
    _check_rate(author, moderates)
    try:
        with transaction.atomic():
            topic = Topic.objects.create(category=category, title=title, author=author)
            hold = _hold_reason(author, category, held, moderates)
            _create_post(topic, author, body, None, hold, token=token)
            Subscription.objects.get_or_create(user=author, topic=topic)
    except IntegrityError:
        # The same token, stored by a parallel request: its topic is the one (this one
        # is rolled back, with what it queued for after commit).
        if (first := _submitted(author, token)) is None:
            raise
        return first.topic
    return topic


def reply(topic, author, body, reply_to=None, *, token=None):
    """A reply at the end of `topic` -> the post (published, or waiting). Raises PostError.

    The same `token` again stores nothing and returns the post the first submit made
    (replies to one topic are made under its row's lock, so a parallel twin waits for
    the first one and then finds it)."""
    category = topic.category
    moderates = permissions.can_moderate(author, category)
    _check_may_post(author, category)
    body = clean_body(body)
    blocked, held = check_watched_words(body)
    _refuse_blocked(blocked)
    try:
        with transaction.atomic():
            topic = (
                Topic.objects.select_for_update(of=("self",))
                .select_related("category")
                .get(pk=topic.pk)
            )
            if (first := _submitted(author, token)) is not None:
                return first
            if topic.is_locked and not moderates:
                raise PostError("locked", _("This topic is locked: it takes no more replies."))
            if topic.slow_mode_seconds and not moderates:
                since = timezone.now() - timedelta(seconds=topic.slow_mode_seconds)
                last = (
                    Post.objects.filter(topic=topic, author=author, created_at__gt=since)
                    .order_by("-created_at")
                    .values_list("created_at", flat=True)
                    .first()
                )
                if last is not None:
                    wait = last + timedelta(seconds=topic.slow_mode_seconds) - timezone.now()
                    minutes = max(1, round(wait.total_seconds() / 60))
                    raise PostError(
                        "slow_mode",
                        ngettext(
                            "This topic is in slow mode: you may reply again in %(n)d minute.",
                            "This topic is in slow mode: you may reply again in %(n)d minutes.",
                            minutes,
                        )
                        % {"n": minutes},
                    )
            _check_rate(author, moderates)
            if reply_to is not None and reply_to.topic_id != topic.id:
                reply_to = None
            post = _create_post(
                topic,
                author,
                body,
                reply_to,
                _hold_reason(author, category, held, moderates),
                token=token,
            )
            Subscription.objects.get_or_create(user=author, topic=topic)
    except IntegrityError:
        # The same token in another topic, stored by a parallel request: that post.
        if (first := _submitted(author, token)) is None:
            raise
        return first
    return post


def _create_post(topic, author, body, reply_to, hold_reason, *, token=None):
    """Store a post at the end of a topic (the caller holds the topic's row or created it)."""
    number = topic.last_number + 1
    post = Post.objects.create(
        topic=topic,
        number=number,
        author=author,
        submit_token=token,
        reply_to=reply_to,
        body=body,
        body_html=render_markdown(body),
        state=PostState.PENDING if hold_reason else PostState.PUBLISHED,
        state_reason=hold_reason,
    )
    post.topic = topic
    Topic.objects.filter(pk=topic.pk).update(last_number=number)
    topic.last_number = number
    if post.state == PostState.PUBLISHED:
        _published(post, notify=True)
    else:
        refresh_counters(topic)
    return post


def _published(post, *, notify):
    """A post has become visible: counters, notifications, and live readers."""
    refresh_counters(post.topic)
    if notify:
        notify_published(post)
    transaction.on_commit(partial(broadcast, post.topic_id, frame(post)))


def _unpublished(post):
    refresh_counters(post.topic)
    transaction.on_commit(partial(broadcast, post.topic_id, {"type": "post.hidden", "id": post.id}))


def refresh_counters(topic, categories=()):
    """Recompute a topic's and its category's counters from the posts themselves."""
    listed = Post.objects.filter(
        topic=topic, state=PostState.PUBLISHED, deleted_at__isnull=True
    ).order_by("-number")
    stats = listed.aggregate(
        count=Count("id"), replies=Count("id", filter=Q(number__gt=1)), last_at=Max("created_at")
    )
    last = listed.values_list("number", "author_id").first()
    first_published = Post.objects.filter(topic=topic, number=1, state=PostState.PUBLISHED).exists()
    Topic.objects.filter(pk=topic.pk).update(
        is_visible=first_published,
        reply_count=stats["replies"],
        post_count=stats["count"],
        last_posted_at=stats["last_at"] or topic.created_at,
        last_listed_number=last[0] if last else 0,
        last_poster_id=last[1] if last else None,
    )
    topic.is_visible = first_published
    # In id order: two moves between the same categories lock their rows in one order.
    for category_id in sorted({topic.category_id, *(c.id for c in categories)}):
        refresh_category(category_id)


def refresh_category(category_id):
    visible = Topic.objects.filter(category_id=category_id, is_visible=True)
    stats = visible.aggregate(
        topics=Count("id"), posts=Sum("post_count"), last_at=Max("last_posted_at")
    )
    Category.objects.filter(pk=category_id).update(
        topic_count=stats["topics"],
        post_count=stats["posts"] or 0,
        last_posted_at=stats["last_at"],
    )


def edit_post(post, editor, body, *, reason="", moderates=False):
    """Change a post's text; the old text is kept as a revision. A moderator changing
    someone else's post must give a reason, which the author and the log see."""
    body = clean_body(body)
    by_other = editor.id != post.author_id
    reason = (reason or "").strip()[:500]
    if by_other and not reason:
        raise PostError("reason", _("Say why you are changing someone else's post."))
    if body == post.body:
        return post
    blocked, held = check_watched_words(body)
    _refuse_blocked(blocked)
    if not moderates:
        _check_may_post(editor, post.topic.category)
    # The row is read again under its lock: an edit made meanwhile (by the author or
    # another moderator) is kept as a revision, and the same edit sent twice (a double
    # click) is stored, logged and told once.
    with _decided_post(post) as post:
        if body == post.body:
            return post
        old_mentions = mentioned_handles(post.body)
        PostRevision.objects.create(
            post=post, body=post.body, body_html=post.body_html, edited_by=editor, reason=reason
        )
        was_listed = post.is_listed
        post.body = body
        post.body_html = render_markdown(body)
        post.edited_at = timezone.now()
        post.edit_count = F("edit_count") + 1
        if held and not moderates and post.state == PostState.PUBLISHED:
            post.state = PostState.PENDING
            post.state_reason = _("It contains the watched word “%(word)s”.") % {"word": held}
        post.save()
        post.refresh_from_db()
        if by_other:
            log(
                editor,
                ModerationAction.EDIT,
                post=post,
                reason=reason,
            )
            _notify_author(post, editor, reason)
        if was_listed and not post.is_listed:
            _unpublished(post)
        elif post.is_listed:
            new = mentioned_handles(body) - old_mentions
            if new:
                notify_published(post, only_handles=new)
            transaction.on_commit(
                partial(broadcast, post.topic_id, {"type": "post.updated", "id": post.id})
            )
    return post


def delete_own_post(post, by):
    """Soft delete: the row stays (so do replies quoting it); nobody but moderators sees it."""
    with _decided_post(post) as post:
        if post.deleted_at is not None:  # deleted already (a second click)
            return post
        was_listed = post.is_listed
        post.deleted_at = timezone.now()
        post.deleted_by = by
        post.save(update_fields=["deleted_at", "deleted_by"])
        if was_listed:
            _unpublished(post)
        else:
            refresh_counters(post.topic)
    return post


# --- Reading ----------------------------------------------------------------------------
def visible_posts(topic, user, moderates):
    """The posts of `topic` this reader sees, in order."""
    posts = Post.objects.filter(topic=topic)
    if not moderates:
        mine = Q(author_id=user.id) if user.is_authenticated else Q(pk__in=[])
        posts = posts.filter(deleted_at__isnull=True).filter(Q(state=PostState.PUBLISHED) | mine)
    return posts.select_related("author", "reply_to__author").order_by("number")


def page_of(topic, user, moderates, number):
    """The page of the topic page on which post `number` is."""
    before = visible_posts(topic, user, moderates).filter(number__lt=number).count()
    return before // POSTS_PER_PAGE + 1


def mark_read(user, topic, number):
    """Remember that `user` has read `topic` up to post `number` (never backwards)."""
    if not user.is_authenticated or not number:
        return
    updated = TopicRead.objects.filter(user=user, topic=topic).update(
        last_read_number=Greatest(F("last_read_number"), number)
    )
    if not updated:
        try:
            with transaction.atomic():
                TopicRead.objects.create(user=user, topic=topic, last_read_number=number)
        except IntegrityError:  # a parallel request made it
            pass


def read_marks(user, topics):
    """{topic id: last read number} for the topics of a list (one query)."""
    if not user.is_authenticated or not topics:
        return {}
    return dict(
        TopicRead.objects.filter(user=user, topic__in=[t.id for t in topics]).values_list(
            "topic_id", "last_read_number"
        )
    )


def annotate_unread(user, topics):
    marks = read_marks(user, topics)
    for topic in topics:
        topic.unread = user.is_authenticated and marks.get(topic.id, 0) < topic.last_listed_number
        topic.never_read = user.is_authenticated and topic.id not in marks
    return topics


# --- Subscriptions and notifications ----------------------------------------------------
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


def _notify_author(post, actor, detail, kind=NotificationKind.MODERATED):
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


# --- Flags ------------------------------------------------------------------------------
def flag(post, user, reason, detail=""):
    """Report a post. When FORUM_FLAGS_TO_HIDE different members have flagged it, it is
    hidden until a moderator reviews it. -> the flag. Raises PostError."""
    if not permissions.can_flag(user, post):
        raise PostError("forbidden", _("You cannot flag this post."))
    with _decided_post(post) as post:
        try:
            with transaction.atomic():
                created = Flag.objects.create(
                    post=post, user=user, reason=reason, detail=(detail or "").strip()[:500]
                )
        except IntegrityError:
            raise PostError("duplicate", _("You have already flagged this post.")) from None
        post.open_flags = Flag.objects.filter(post=post, resolved_at__isnull=True).count()
        post.save(update_fields=["open_flags"])
        if post.open_flags >= settings.FORUM_FLAGS_TO_HIDE and post.state == PostState.PUBLISHED:
            post.state = PostState.HIDDEN
            post.state_reason = _(
                "Hidden after flags from %(count)d members, until a moderator reviews it."
            ) % {"count": post.open_flags}
            post.save(update_fields=["state", "state_reason"])
            log(
                None,
                ModerationAction.AUTO_HIDE,
                post=post,
                reason=post.state_reason,
                target_user=post.author,
            )
            _notify_author(post, None, post.state_reason)
            _unpublished(post)
    return created


def _resolve_flags(post, by):
    Flag.objects.filter(post=post, resolved_at__isnull=True).update(
        resolved_at=timezone.now(), resolved_by=by
    )
    post.open_flags = 0


# --- Moderation -------------------------------------------------------------------------
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


def _decided_post(post, still=None):
    """The post's row, locked until commit (see home.decisions); refused with a message
    for the moderator when `still(post)` no longer holds."""
    return decide(
        Post.objects.select_related("topic__category", "author"),
        post.pk,
        still=still,
        refusal=PostError("decided", _("Someone else has already decided on this post.")),
    )


def _decided_topic(topic, still=None, refusal=None):
    return decide(
        Topic.objects.select_related("category"),
        topic.pk,
        still=still,
        refusal=refusal
        or PostError("decided", _("Someone else has already decided on this topic.")),
    )


def _awaits_approval(post):
    return post.state == PostState.PENDING and not post.is_deleted


def approve(post, by, reason=""):
    """Publish a post that waited for approval (and tell its author and followers).
    Refused when it no longer waits (approved or rejected by someone else meanwhile)."""
    with _decided_post(post, _awaits_approval) as post:
        post.state, post.state_reason = PostState.PUBLISHED, ""
        post.save(update_fields=["state", "state_reason"])
        log(by, ModerationAction.APPROVE, post=post, reason=reason)
        _notify_author(post, by, reason, kind=NotificationKind.APPROVED)
        _published(post, notify=True)
    return post


def reject(post, by, reason):
    """Refuse a post that waited for approval: it is deleted, and its author told why.
    Refused when it no longer waits."""
    with _decided_post(post, _awaits_approval) as post:
        post.deleted_at, post.deleted_by = timezone.now(), by
        post.save(update_fields=["deleted_at", "deleted_by"])
        log(by, ModerationAction.REJECT, post=post, reason=reason)
        _notify_author(post, by, reason)
        refresh_counters(post.topic)
    return post


def hide(post, by, reason):
    """Hide a post from everyone but its author and moderators; open flags are settled.
    On a post the flags hid, it keeps it hidden and settles them. Refused when the post
    is hidden already with no open flag."""
    with _decided_post(post, lambda p: p.state != PostState.HIDDEN or p.open_flags) as post:
        was_listed = post.is_listed
        post.state, post.state_reason = PostState.HIDDEN, reason
        _resolve_flags(post, by)
        post.save(update_fields=["state", "state_reason", "open_flags"])
        log(by, ModerationAction.HIDE, post=post, reason=reason)
        _notify_author(post, by, reason)
        if was_listed:
            _unpublished(post)
        else:
            refresh_counters(post.topic)
    return post


def unhide(post, by, reason=""):
    """Show a hidden post again (the flags that hid it are dismissed). Refused when it
    is not hidden (any more)."""
    with _decided_post(post, lambda p: p.state == PostState.HIDDEN) as post:
        post.state, post.state_reason = PostState.PUBLISHED, ""
        _resolve_flags(post, by)
        post.save(update_fields=["state", "state_reason", "open_flags"])
        log(by, ModerationAction.UNHIDE, post=post, reason=reason)
        _notify_author(post, by, reason or _("Your post is visible again."))
        if not post.is_deleted:
            _published(post, notify=False)
    return post


def dismiss_flags(post, by, reason=""):
    """Keep a flagged post as it is: its open flags are settled. Refused when no flag is
    open (any more)."""
    with _decided_post(post, lambda p: p.open_flags > 0) as post:
        count = post.open_flags
        _resolve_flags(post, by)
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
    with _decided_topic(topic, lambda t: getattr(t, field) != value) as topic:
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
    if not 0 <= seconds <= 7 * 24 * 3600:
        raise PostError("slow_mode", _("Slow mode is between 0 (off) and 7 days."))
    detail = _("off") if not seconds else _("one reply per %(n)d minutes") % {"n": seconds // 60}
    return _topic_flag(
        topic, by, "slow_mode_seconds", seconds, ModerationAction.SLOW_MODE, reason, detail
    )


def move(topic, to_category, by, reason=""):
    """Move a topic to another category; its live readers are checked again. Refused
    when it is in that category already (moved there by someone else meanwhile)."""
    already = PostError("move", _("The topic is already in that category."))
    with _decided_topic(topic, lambda t: t.category_id != to_category.id, already) as topic:
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
        transaction.on_commit(partial(control, topic.id, "recheck"))
    return topic


def _decided_member(user, still, refusal):
    return decide(get_user_model().objects.all(), user.pk, still=still, refusal=refusal)


def suspend(user, by, *, days, reason):
    """No posting in the forum and no chatting in any space until the time is up; the
    member's open space connections are closed. Refused while the member is suspended
    already (by someone else meanwhile): lift it first to set another."""
    from cop import services as spaces
    from cop.models import Membership

    if not reason.strip():
        raise PostError("reason", _("Say why the member is suspended; they will see it."))
    if not 1 <= days <= 365:
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
        for membership in Membership.objects.filter(user=user).select_related("space"):
            transaction.on_commit(
                partial(
                    spaces.notify_connections,
                    membership.space,
                    {"action": "muted", "user": user.id},
                )
            )
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


# --- Live readers -----------------------------------------------------------------------
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
        Post.objects.filter(
            topic=topic, id__gt=after_id, state=PostState.PUBLISHED, deleted_at__isnull=True
        )
        .select_related("author")
        .order_by("id")
    )
