"""Writing: a new topic, a reply, an edit (the old text kept as a revision), and an
author deleting their own post. Each checks the rules of `checks` and is idempotent
on the form's token."""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.commit import after_commit
from core.text import render_markdown

from .. import permissions
from ..models import ModerationAction, Post, PostRevision, PostState, Subscription, Topic
from .checks import (
    PostError,
    check_may_post,
    check_rate,
    check_watched_words,
    clean_body,
    clean_title,
    hold_reason,
    refuse_blocked,
)
from .decisions import decided_post, log
from .live import broadcast
from .notifications import mentioned_handles, notify_author, notify_published
from .visibility import post_shown, post_withdrawn, refresh_counters


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
    check_may_post(author, category)
    title, body = clean_title(title), clean_body(body)
    blocked, held = check_watched_words(title, body)
    refuse_blocked(blocked)
    if (first := _submitted(author, token)) is not None:
        return first.topic
    check_rate(author, moderates)
    try:
        with transaction.atomic():
            topic = Topic.objects.create(category=category, title=title, author=author)
            hold = hold_reason(author, category, held, moderates)
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
    check_may_post(author, category)
    body = clean_body(body)
    blocked, held = check_watched_words(body)
    refuse_blocked(blocked)
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
            check_rate(author, moderates)
            if reply_to is not None and reply_to.topic_id != topic.id:
                reply_to = None
            post = _create_post(
                topic,
                author,
                body,
                reply_to,
                hold_reason(author, category, held, moderates),
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
        post_shown(post, notify=True)
    else:
        refresh_counters(topic)
    return post


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
    refuse_blocked(blocked)
    if not moderates:
        check_may_post(editor, post.topic.category)
    # The row is read again under its lock: an edit made meanwhile (by the author or
    # another moderator) is kept as a revision, and the same edit sent twice (a double
    # click) is stored, logged and told once.
    with decided_post(post) as post:
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
            notify_author(post, editor, reason)
        if was_listed and not post.is_listed:
            post_withdrawn(post)
        elif post.is_listed:
            new = mentioned_handles(body) - old_mentions
            if new:
                notify_published(post, only_handles=new)
            after_commit(broadcast, post.topic_id, {"type": "post.updated", "id": post.id})
    return post


def delete_own_post(post, by):
    """Soft delete: the row stays (so do replies quoting it); nobody but moderators sees it."""
    with decided_post(post) as post:
        if post.deleted_at is not None:  # deleted already (a second click)
            return post
        was_listed = post.is_listed
        post.deleted_at = timezone.now()
        post.deleted_by = by
        post.save(update_fields=["deleted_at", "deleted_by"])
        if was_listed:
            post_withdrawn(post)
        else:
            refresh_counters(post.topic)
    return post
