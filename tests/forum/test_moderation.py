"""Moderation through the forum's pages: every action, the one log row it writes, what the
author is told, and what members then see - flags, pre-moderation, watched words, slow
mode, locks, pins, moves and suspensions (which reach the community spaces too)."""

import uuid
from datetime import timedelta

import pytest
from channels.db import database_sync_to_async
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from accounts.constants import Role
from cop import permissions as space_permissions
from cop.models import Membership, Message, Space, SpaceKind
from forum import services
from forum.models import (
    Flag,
    ModerationAction,
    ModerationLog,
    Notification,
    NotificationKind,
    Post,
    PostRevision,
    PostState,
    Topic,
    WatchedWord,
    WatchedWordAction,
)
from tests.accounts.factories import UserFactory
from tests.cop.conftest import connect, frames_until
from tests.cop.factories import SpaceFactory

from .conftest import client_for


# --- Helpers ----------------------------------------------------------------------------
def last_log_id():
    return ModerationLog.objects.order_by("-id").values_list("id", flat=True).first() or 0


def new_log(before):
    """The one ModerationLog row written since `before` (fails on none or several)."""
    rows = list(ModerationLog.objects.filter(id__gt=before))
    assert len(rows) == 1, [(row.action, row.reason) for row in rows]
    return rows[0]


def no_new_log(before):
    assert not ModerationLog.objects.filter(id__gt=before).exists()


def notes(response):
    """The flash messages a response queued for the next page."""
    return [str(message) for message in get_messages(response.wsgi_request)]


def page(who, topic):
    response = client_for(who).get(reverse("forum_topic", args=[topic.id]))
    assert response.status_code == 200
    return response.content.decode()


def queue_page(who):
    response = client_for(who).get(reverse("forum_queue"))
    assert response.status_code == 200
    return response.content.decode()


def moderate_post(who, post, action, reason=""):
    return client_for(who).post(
        reverse("forum_moderate_post", args=[post.id]), {"action": action, "reason": reason}
    )


def moderate_topic(who, topic, action, **data):
    return client_for(who).post(
        reverse("forum_moderate_topic", args=[topic.id]), {"action": action, **data}
    )


def reply_by_page(who, topic, body):
    return client_for(who).post(reverse("forum_reply", args=[topic.id]), {"body": body})


def flag_by_page(who, post, reason="spam", detail=""):
    return client_for(who).post(
        reverse("forum_flag", args=[post.id]), {"reason": reason, "detail": detail}
    )


def watch_by_page(who, word, action):
    return client_for(who).post(reverse("forum_words"), {"word": word, "action": action})


def posts_by(user, topic):
    return list(Post.objects.filter(topic=topic, author=user).order_by("number"))


def refreshed(*objects):
    for obj in objects:
        obj.refresh_from_db()
    return objects


# --- Post actions -----------------------------------------------------------------------
def test_hide_takes_the_post_away_logs_it_and_tells_the_author(topic, learner, other, moderator):
    post = services.reply(topic, other, "A reply that goes much too far")
    before = last_log_id()

    response = moderate_post(moderator, post, "hide", "Personal attack")

    assert response.status_code == 302
    (post,) = refreshed(post)
    assert (post.state, post.state_reason) == (PostState.HIDDEN, "Personal attack")
    log = new_log(before)
    assert (log.actor_id, log.action, log.post_id, log.topic_id, log.target_user_id) == (
        moderator.id,
        ModerationAction.HIDE,
        post.id,
        topic.id,
        other.id,
    )
    assert log.reason == "Personal attack"
    note = Notification.objects.get(user=other, post=post)
    assert (note.kind, note.actor_id, note.detail) == (
        NotificationKind.MODERATED,
        moderator.id,
        "Personal attack",
    )
    assert "goes much too far" not in page(learner, topic)
    assert "goes much too far" not in page(None, topic)
    assert "goes much too far" in page(other, topic)  # the author still sees it, marked
    (topic,) = refreshed(topic)
    assert topic.reply_count == 0


def test_hide_without_a_reason_is_refused_and_changes_nothing(topic, other, moderator):
    post = services.reply(topic, other, "Borderline reply")
    before = last_log_id()

    response = moderate_post(moderator, post, "hide", "   ")

    assert notes(response) == ["Give a reason: the author will see it."]
    (post,) = refreshed(post)
    assert post.state == PostState.PUBLISHED
    no_new_log(before)
    assert not Notification.objects.filter(user=other, post=post).exists()


def test_unhide_shows_the_post_again_and_logs_it(topic, learner, other, moderator):
    post = services.reply(topic, other, "Hidden by mistake")
    services.hide(post, moderator, "Looked like spam")
    before = last_log_id()

    response = moderate_post(moderator, post, "unhide", "It was not spam after all")

    assert response.status_code == 302
    (post, topic) = refreshed(post, topic)
    assert (post.state, post.state_reason) == (PostState.PUBLISHED, "")
    log = new_log(before)
    assert (log.actor_id, log.action, log.post_id, log.target_user_id, log.reason) == (
        moderator.id,
        ModerationAction.UNHIDE,
        post.id,
        other.id,
        "It was not spam after all",
    )
    assert "Hidden by mistake" in page(learner, topic)
    assert topic.reply_count == 1


def test_dismissing_flags_keeps_the_post_and_settles_the_flags(topic, learner, other, moderator):
    post = services.reply(topic, other, "Flagged but fine")
    third = UserFactory()
    services.flag(post, learner, "off_topic")
    services.flag(post, third, "inappropriate")
    before = last_log_id()

    response = moderate_post(moderator, post, "dismiss", "Within the rules")

    assert response.status_code == 302
    (post,) = refreshed(post)
    assert (post.state, post.open_flags) == (PostState.PUBLISHED, 0)
    assert set(Flag.objects.filter(post=post).values_list("resolved_by", flat=True)) == {
        moderator.id
    }
    log = new_log(before)
    assert (log.actor_id, log.action, log.post_id, log.target_user_id, log.reason) == (
        moderator.id,
        ModerationAction.DISMISS_FLAGS,
        post.id,
        other.id,
        "Within the rules",
    )
    assert log.detail == "2 flags"
    assert f'id="queue-{post.id}"' not in queue_page(moderator)
    assert "Flagged but fine" in page(learner, topic)


def test_editing_someone_elses_post_needs_a_reason_which_is_logged_and_told(
    topic, other, moderator
):
    post = services.reply(topic, other, "Call me on +66 81 234 5678")
    url = reverse("forum_edit", args=[post.id])
    before = last_log_id()

    refused = client_for(moderator).post(url, {"body": "Call me (number removed)", "reason": ""})

    assert refused.status_code == 400
    assert "Say why you are changing someone else" in refused.content.decode()
    (post,) = refreshed(post)
    assert post.body == "Call me on +66 81 234 5678"
    assert post.edit_count == 0
    assert not PostRevision.objects.filter(post=post).exists()
    no_new_log(before)
    assert not Notification.objects.filter(user=other, post=post).exists()

    done = client_for(moderator).post(
        url, {"body": "Call me (number removed)", "reason": "No phone numbers in public"}
    )

    assert done.status_code == 302
    (post,) = refreshed(post)
    assert post.body == "Call me (number removed)"
    assert post.edit_count == 1
    revision = PostRevision.objects.get(post=post)
    assert (revision.body, revision.edited_by_id, revision.reason) == (
        "Call me on +66 81 234 5678",
        moderator.id,
        "No phone numbers in public",
    )
    log = new_log(before)
    assert (log.actor_id, log.action, log.post_id, log.target_user_id, log.reason) == (
        moderator.id,
        ModerationAction.EDIT,
        post.id,
        other.id,
        "No phone numbers in public",
    )
    note = Notification.objects.get(user=other, post=post)
    assert (note.kind, note.actor_id, note.detail) == (
        NotificationKind.MODERATED,
        moderator.id,
        "No phone numbers in public",
    )


# --- Topic actions ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("action", "field", "value"),
    [
        ("lock", "is_locked", True),
        ("unlock", "is_locked", False),
        ("pin", "is_pinned", True),
        ("unpin", "is_pinned", False),
    ],
)
def test_lock_unlock_pin_unpin_change_the_topic_and_are_logged(
    topic, moderator, action, field, value
):
    Topic.objects.filter(pk=topic.pk).update(**{field: not value})
    before = last_log_id()

    response = moderate_topic(moderator, topic, action, reason=f"Reason to {action}")

    assert response.status_code == 302
    (topic,) = refreshed(topic)
    assert getattr(topic, field) is value
    log = new_log(before)
    assert (log.actor_id, log.action, log.topic_id, log.category_id, log.post_id) == (
        moderator.id,
        action,
        topic.id,
        topic.category_id,
        None,
    )
    assert (log.reason, log.target_user_id) == (f"Reason to {action}", None)


def test_a_locked_topic_refuses_members_replies_but_not_a_moderators(topic, other, moderator):
    services.lock(topic, moderator, "Enough said")

    refused = reply_by_page(other, topic, "One more thing")
    by_moderator = reply_by_page(moderator, topic, "Closing note from the moderators")

    assert refused.status_code == 302
    assert notes(refused) == ["This topic is locked: it takes no more replies."]
    assert posts_by(other, topic) == []
    assert by_moderator.status_code == 302
    assert [p.body for p in posts_by(moderator, topic)] == ["Closing note from the moderators"]
    assert "This topic is locked" in page(other, topic)

    services.unlock(topic, moderator)
    assert reply_by_page(other, topic, "One more thing").status_code == 302
    assert len(posts_by(other, topic)) == 1


def test_pin_puts_the_topic_first_in_its_category(topic, public_category, learner, moderator):
    newer = services.start_topic(public_category, learner, "A newer topic here", "Fresh")
    url = reverse("forum_category", args=[public_category.slug])

    def order():
        html = client_for(None).get(url).content.decode()
        return html.index(topic.title) < html.index(newer.title)

    assert order() is False  # the newest activity first...
    moderate_topic(moderator, topic, "pin", reason="Read this first")
    assert order() is True  # ...but a pinned topic above it


def test_slow_mode_set_by_page_limits_members_but_not_moderators(topic, other, moderator):
    before = last_log_id()

    response = moderate_topic(moderator, topic, "slow_mode", minutes="10", reason="Heated")

    assert response.status_code == 302
    (topic,) = refreshed(topic)
    assert topic.slow_mode_seconds == 600
    log = new_log(before)
    assert (log.actor_id, log.action, log.topic_id, log.reason, log.detail) == (
        moderator.id,
        ModerationAction.SLOW_MODE,
        topic.id,
        "Heated",
        "one reply per 10 minutes",
    )

    first = reply_by_page(other, topic, "My considered reply")
    second = reply_by_page(other, topic, "And another thing!")

    assert first.status_code == 302
    assert second.status_code == 400
    assert "This topic is in slow mode: you may reply again in 10 minutes." in (
        second.content.decode()
    )
    assert [p.body for p in posts_by(other, topic)] == ["My considered reply"]
    for n in range(3):
        assert reply_by_page(moderator, topic, f"Moderator note {n}").status_code == 302
    assert len(posts_by(moderator, topic)) == 3


def test_move_changes_the_category_and_both_categories_counters(
    topic, other, moderator, public_category, members_category
):
    services.reply(topic, other, "A reply that moves along")
    (public_category,) = refreshed(public_category)
    assert (public_category.topic_count, public_category.post_count) == (1, 2)
    before = last_log_id()

    response = moderate_topic(
        moderator, topic, "move", category=str(members_category.id), reason="Members' matter"
    )

    assert response.status_code == 302
    (topic, public_category, members_category) = refreshed(topic, public_category, members_category)
    assert topic.category_id == members_category.id
    assert (public_category.topic_count, public_category.post_count) == (0, 0)
    assert (members_category.topic_count, members_category.post_count) == (1, 2)
    log = new_log(before)
    assert (log.actor_id, log.action, log.topic_id, log.category_id, log.reason) == (
        moderator.id,
        ModerationAction.MOVE,
        topic.id,
        members_category.id,
        "Members' matter",
    )
    assert log.detail == "from Test public to Test members only"


def test_a_focal_point_cannot_move_a_topic_into_a_category_they_do_not_moderate(
    cambodia, public_category, learner, focal_kh
):
    topic = services.start_topic(cambodia, learner, "Cooperatives in Siem Reap", "Who knows?")
    before = last_log_id()

    response = moderate_topic(focal_kh, topic, "move", category=str(public_category.id))

    assert notes(response) == ["Choose a category you moderate."]
    (topic,) = refreshed(topic)
    assert topic.category_id == cambodia.id
    no_new_log(before)
    # The same focal point does moderate this topic (the refusal is about the target).
    assert moderate_topic(focal_kh, topic, "lock", reason="Answered").status_code == 302
    assert new_log(before).actor_id == focal_kh.id


# --- Suspension and watched words by page -----------------------------------------------
def test_suspend_and_lift_by_page_are_logged(learner, moderator):
    url = reverse("forum_suspend", args=[learner.id])
    before = last_log_id()

    response = client_for(moderator).post(url, {"days": "3", "reason": "Repeated insults"})

    assert response.status_code == 302
    (learner,) = refreshed(learner)
    assert learner.is_suspended()
    expected = timezone.now() + timedelta(days=3)
    assert abs(learner.suspended_until - expected) < timedelta(minutes=1)
    assert learner.suspension_reason == "Repeated insults"
    log = new_log(before)
    assert (log.actor_id, log.action, log.target_user_id, log.reason, log.detail) == (
        moderator.id,
        ModerationAction.SUSPEND,
        learner.id,
        "Repeated insults",
        "3 days",
    )
    assert (log.post_id, log.topic_id) == (None, None)
    before = log.id

    response = client_for(moderator).post(url, {"action": "lift", "reason": "Apologised"})

    assert response.status_code == 302
    (learner,) = refreshed(learner)
    assert not learner.is_suspended()
    assert learner.suspended_until is None
    log = new_log(before)
    assert (log.actor_id, log.action, log.target_user_id, log.reason) == (
        moderator.id,
        ModerationAction.UNSUSPEND,
        learner.id,
        "Apologised",
    )


def test_suspending_needs_a_moderator_and_a_reason(learner, other, moderator, focal_kh):
    url = reverse("forum_suspend", args=[other.id])
    before = last_log_id()

    assert client_for(focal_kh).post(url, {"days": "3", "reason": "x"}).status_code == 403
    assert client_for(learner).post(url, {"days": "3", "reason": "x"}).status_code == 403
    assert client_for(moderator).post(url, {"days": "3", "reason": ""}).status_code == 400
    assert client_for(moderator).post(url, {"days": "0", "reason": "x"}).status_code == 400

    (other,) = refreshed(other)
    assert not other.is_suspended()
    no_new_log(before)


def test_adding_and_removing_a_watched_word_by_page_is_logged(learner, moderator):
    before = last_log_id()

    response = watch_by_page(moderator, "  Lottery  Tickets ", WatchedWordAction.BLOCK)

    assert response.status_code == 302
    word = WatchedWord.objects.get(word="lottery tickets")
    assert (word.action, word.created_by_id) == (WatchedWordAction.BLOCK, moderator.id)
    log = new_log(before)
    assert (log.actor_id, log.action, log.detail) == (
        moderator.id,
        ModerationAction.WATCH_WORD,
        "lottery tickets (Block the post)",
    )
    assert (log.post_id, log.topic_id, log.target_user_id) == (None, None, None)
    before = log.id

    response = client_for(moderator).post(reverse("forum_words"), {"remove": str(word.id)})

    assert response.status_code == 302
    assert not WatchedWord.objects.filter(word="lottery tickets").exists()
    log = new_log(before)
    assert (log.actor_id, log.action, log.detail) == (
        moderator.id,
        ModerationAction.UNWATCH_WORD,
        "lottery tickets",
    )
    assert watch_by_page(learner, "anything", WatchedWordAction.BLOCK).status_code == 403
    assert not WatchedWord.objects.filter(word="anything").exists()


# --- Flags ------------------------------------------------------------------------------
def test_three_members_flags_hide_a_post_until_a_moderator_unhides_it(
    topic, learner, other, moderator
):
    post = services.reply(topic, other, "Buy cheap watches at example.com")
    second, third, reader = UserFactory(name="Second Flagger"), UserFactory(), UserFactory()

    first = flag_by_page(learner, post, "spam", "An advert for watches")
    assert first.status_code == 302
    assert notes(first) == ["Thank you: the moderators will look at this post."]

    again = flag_by_page(learner, post, "off_topic", "Really, an advert")
    assert notes(again) == ["You have already flagged this post."]
    assert list(Flag.objects.filter(post=post).values_list("user_id", "reason")) == [
        (learner.id, "spam")
    ]

    flag_by_page(second, post, "off_topic")
    (post,) = refreshed(post)
    assert (post.state, post.open_flags) == (PostState.PUBLISHED, 2)
    assert "Buy cheap watches" in page(reader, topic)  # one or two flags: still there

    before = last_log_id()
    assert flag_by_page(third, post, "inappropriate").status_code == 302

    (post, topic) = refreshed(post, topic)
    assert (post.state, post.open_flags) == (PostState.HIDDEN, 3)
    assert "Buy cheap watches" not in page(reader, topic)
    assert "Buy cheap watches" not in page(None, topic)
    assert topic.reply_count == 0
    log = new_log(before)
    assert (log.actor_id, log.action, log.post_id, log.target_user_id) == (
        None,
        ModerationAction.AUTO_HIDE,
        post.id,
        other.id,
    )
    note = Notification.objects.get(user=other, post=post)
    assert (note.kind, note.actor_id) == (NotificationKind.MODERATED, None)
    assert "flags from 3 members" in note.detail
    # A fourth member cannot flag (nor find) a post that only moderators now see.
    assert flag_by_page(reader, post, "spam").status_code == 404
    assert Flag.objects.filter(post=post).count() == 3

    queue = queue_page(moderator)
    assert f'id="queue-{post.id}"' in queue
    for reason in ("Spam or advertising", "Off topic", "Inappropriate: rude, abusive or hateful"):
        assert reason in queue
    assert "An advert for watches" in queue
    assert "Second Flagger" in queue

    before = last_log_id()
    response = moderate_post(moderator, post, "unhide", "The link is the member's own shop")

    assert response.status_code == 302
    (post, topic) = refreshed(post, topic)
    assert (post.state, post.open_flags) == (PostState.PUBLISHED, 0)
    assert not Flag.objects.filter(post=post, resolved_at__isnull=True).exists()
    assert new_log(before).action == ModerationAction.UNHIDE
    assert "Buy cheap watches" in page(reader, topic)
    assert topic.reply_count == 1
    assert f'id="queue-{post.id}"' not in queue_page(moderator)


def test_the_author_cannot_flag_their_own_post(topic, learner):
    first_post = topic.posts.get(number=1)

    response = flag_by_page(learner, first_post, "spam")

    assert response.status_code == 403
    assert not Flag.objects.filter(post=first_post).exists()


# --- Pre-moderation ---------------------------------------------------------------------
def test_a_new_members_first_two_posts_wait_for_approval(
    settings, topic, public_category, learner, other, moderator
):
    settings.FORUM_APPROVE_FIRST_POSTS = 2
    first = reply_by_page(other, topic, "Hello, my first words here")
    reply_by_page(other, topic, "And my second words here")

    waiting = posts_by(other, topic)
    assert [p.state for p in waiting] == [PostState.PENDING, PostState.PENDING]
    assert waiting[0].state_reason == "A new member's first 2 posts are checked by a moderator."
    assert notes(first)[0].startswith("Thank you. Your post waits for a moderator's approval")
    for reader in (learner, None):
        html = page(reader, topic)
        assert "my first words" not in html
        assert "my second words" not in html
    assert "my first words" in page(other, topic)  # the author sees their own, marked
    queue = queue_page(moderator)
    for post in waiting:
        assert f'id="queue-{post.id}"' in queue
    (topic, public_category) = refreshed(topic, public_category)
    assert (topic.reply_count, public_category.post_count) == (0, 1)

    for n, post in enumerate(waiting, start=1):
        before = last_log_id()
        response = moderate_post(moderator, post, "approve", f"Welcome {n}")
        assert response.status_code == 302
        log = new_log(before)
        assert (log.actor_id, log.action, log.post_id, log.target_user_id, log.reason) == (
            moderator.id,
            ModerationAction.APPROVE,
            post.id,
            other.id,
            f"Welcome {n}",
        )
        note = Notification.objects.get(user=other, post=post)
        assert (note.kind, note.actor_id, note.detail) == (
            NotificationKind.APPROVED,
            moderator.id,
            f"Welcome {n}",
        )

    assert [p.state for p in posts_by(other, topic)] == [PostState.PUBLISHED] * 2
    html = page(learner, topic)
    assert "my first words" in html
    assert "my second words" in html
    (topic, public_category) = refreshed(topic, public_category)
    assert (topic.reply_count, public_category.post_count) == (2, 3)
    assert topic.last_poster_id == other.id

    third = reply_by_page(other, topic, "Now I am trusted")
    assert notes(third) == ["Your post is published."]
    assert posts_by(other, topic)[-1].state == PostState.PUBLISHED


def test_moderators_posts_are_never_held(settings, topic, moderator):
    settings.FORUM_APPROVE_FIRST_POSTS = 2
    assert not Post.objects.filter(author=moderator).exists()

    reply_by_page(moderator, topic, "A moderator's very first post")

    assert [p.state for p in posts_by(moderator, topic)] == [PostState.PUBLISHED]


def test_reject_deletes_a_waiting_post_and_tells_the_author_why(
    settings, topic, learner, other, moderator
):
    settings.FORUM_APPROVE_FIRST_POSTS = 2
    reply_by_page(other, topic, "Join my pyramid, friends")
    (post,) = posts_by(other, topic)
    before = last_log_id()

    no_reason = moderate_post(moderator, post, "reject", "")
    assert notes(no_reason) == ["Give a reason: the author will see it."]
    no_new_log(before)
    (post,) = refreshed(post)
    assert (post.state, post.deleted_at) == (PostState.PENDING, None)

    response = moderate_post(moderator, post, "reject", "Recruiting is not allowed")

    assert response.status_code == 302
    (post, topic) = refreshed(post, topic)
    assert post.deleted_at is not None
    assert post.deleted_by_id == moderator.id
    log = new_log(before)
    assert (log.actor_id, log.action, log.post_id, log.target_user_id, log.reason) == (
        moderator.id,
        ModerationAction.REJECT,
        post.id,
        other.id,
        "Recruiting is not allowed",
    )
    note = Notification.objects.get(user=other, post=post)
    assert (note.kind, note.detail) == (NotificationKind.MODERATED, "Recruiting is not allowed")
    assert f'id="queue-{post.id}"' not in queue_page(moderator)
    for reader in (learner, other):
        assert "pyramid" not in page(reader, topic)
    assert topic.reply_count == 0


# --- Watched words ----------------------------------------------------------------------
def test_a_blocked_word_refuses_the_post_and_names_the_word(
    topic, public_category, other, moderator
):
    services.watch_word("spam*", WatchedWordAction.BLOCK, moderator)

    response = reply_by_page(other, topic, "Spammers are welcome here")

    assert response.status_code == 400
    assert "Your post contains “spam*”, which is not allowed in this forum." in (
        response.content.decode()
    )
    assert posts_by(other, topic) == []

    new_topic = client_for(other).post(
        reverse("forum_new_topic", args=[public_category.slug]),
        {"title": "SPAM for everyone", "body": "The title says it"},
    )
    assert new_topic.status_code == 400
    assert not Topic.objects.filter(author=other).exists()


@pytest.mark.parametrize(
    ("word", "text", "blocked"),
    [
        # Case does not matter; spaced scripts match whole words; * matches letters.
        ("bet", "Place a BET on it!", True),
        ("bet", "A better alphabet", False),
        ("spam*", "Spammers again", True),
        ("spam*", "An antispam filter", False),
        ("*coin", "Buy some bitcoin", True),
        # Latin with diacritics (Vietnamese) and Cyrillic are written with spaces too.
        ("bạc", "Đừng chơi bạc nhé", True),
        ("bạc", "Bệnh viện Bạch Mai", False),
        ("казино", "Новое КАЗИНО открылось", True),
        ("казино", "Бул казинолор жабылды", False),
        # Thai, Khmer and Chinese have no spaces between words: a word matches anywhere.
        ("การพนัน", "มาเล่นการพนันออนไลน์กันเถอะ", True),
        ("ល្បែង", "កុំលេងល្បែងស៊ីសង", True),
        ("赌博", "网上赌博网站", True),
    ],
)
def test_which_texts_a_watched_word_blocks(topic, other, moderator, word, text, blocked):
    services.watch_word(word, WatchedWordAction.BLOCK, moderator)

    response = reply_by_page(other, topic, text)

    assert response.status_code == (400 if blocked else 302), response.content.decode()[:300]
    assert len(posts_by(other, topic)) == (0 if blocked else 1)


def test_a_held_word_makes_the_post_wait_with_the_reason(topic, learner, other, moderator):
    services.watch_word("crypto", WatchedWordAction.APPROVE, moderator)

    response = reply_by_page(other, topic, "Let us pool our savings in Crypto")

    assert response.status_code == 302
    (post,) = posts_by(other, topic)
    assert post.state == PostState.PENDING
    assert post.state_reason == "It contains the watched word “crypto”."
    assert "pool our savings" not in page(learner, topic)
    queue = queue_page(moderator)
    assert f'id="queue-{post.id}"' in queue
    assert "It contains the watched word “crypto”." in queue


def test_editing_a_published_post_to_add_a_held_word_sends_it_back_to_approval(
    topic, learner, other, moderator
):
    post = services.reply(topic, other, "Our savings group meets on Fridays")
    services.watch_word("guaranteed*", WatchedWordAction.APPROVE, moderator)

    response = client_for(other).post(
        reverse("forum_edit", args=[post.id]),
        {"body": "Our savings group pays guaranteed interest", "reason": ""},
    )

    assert response.status_code == 302
    assert notes(response)[0].startswith("Your edit waits for a moderator's approval")
    (post, topic) = refreshed(post, topic)
    assert post.state == PostState.PENDING
    assert "guaranteed*" in post.state_reason
    assert "savings group" not in page(learner, topic)
    assert topic.reply_count == 0
    assert f'id="queue-{post.id}"' in queue_page(moderator)


# --- Suspension -------------------------------------------------------------------------
def test_a_suspended_member_may_not_post_flag_or_chat_until_it_is_lifted(
    topic, public_category, learner, other, moderator
):
    post = services.reply(topic, learner, "Something worth flagging")
    regional = SpaceFactory(slug="regional", kind=SpaceKind.REGIONAL)
    membership = Membership.objects.create(space=regional, user=other)
    suspend_url = reverse("forum_suspend", args=[other.id])
    client_for(moderator).post(suspend_url, {"days": "2", "reason": "Spamming"})
    (other,) = refreshed(other)
    assert other.is_suspended()
    messages_before = Message.objects.filter(space=regional).count()

    replied = reply_by_page(other, topic, "Still here")
    started = client_for(other).post(
        reverse("forum_new_topic", args=[public_category.slug]),
        {"title": "A topic while suspended", "body": "Hello"},
    )
    flagged = flag_by_page(other, post, "spam")
    chatted = client_for(other).post(
        reverse("space_post", args=["regional"]), {"body": "Hello, space"}
    )

    suspended = "You are suspended: you may read but not post."
    assert (replied.status_code, notes(replied)) == (302, [suspended])
    assert (started.status_code, notes(started)) == (302, [suspended])
    assert suspended in page(other, topic)
    assert posts_by(other, topic) == []
    assert not Topic.objects.filter(author=other).exists()
    assert flagged.status_code == 403
    assert not Flag.objects.filter(user=other).exists()
    assert space_permissions.can_post(other, membership) is False
    assert chatted.status_code == 403
    assert Message.objects.filter(space=regional).count() == messages_before
    with pytest.raises(services.PostError, match="suspended"):
        services.reply(topic, other, "Through the back door")

    client_for(moderator).post(suspend_url, {"action": "lift", "reason": "Served"})

    (other,) = refreshed(other)
    assert reply_by_page(other, topic, "I am back").status_code == 302
    assert [p.body for p in posts_by(other, topic)] == ["I am back"]
    assert space_permissions.can_post(other, membership) is True
    client_for(other).post(reverse("space_post", args=["regional"]), {"body": "Hello again"})
    assert Message.objects.filter(space=regional).count() == messages_before + 1


@database_sync_to_async
def make_space_member(**user_fields):
    slug = f"space-{uuid.uuid4().hex[:8]}"
    space = Space.objects.create(slug=slug, name=slug, kind="regional")
    person = UserFactory(**user_fields)
    Membership.objects.create(space=space, user=person)
    return space, person


@database_sync_to_async
def suspend_by_page(moderator, member, **data):
    return client_for(moderator).post(reverse("forum_suspend", args=[member.id]), data)


async def closed_output(communicator):
    """The close the server sends (skipping the frames before it)."""
    for _ in range(20):
        output = await communicator.receive_output(timeout=5)
        if output["type"] == "websocket.close":
            return output
    raise AssertionError("the connection was not closed")


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("migrated_database", "close_sync_thread_connections")
async def test_suspending_a_connected_member_closes_their_space_connection():
    space, member = await make_space_member(name="Chatty Member")
    moderator = await database_sync_to_async(UserFactory)(roles=[Role.MODERATOR])
    live = await connect(member, space.slug)
    await frames_until(live, "presence")

    response = await suspend_by_page(moderator, member, days="1", reason="Flooding the space")

    assert response.status_code == 302
    assert await closed_output(live) == {"type": "websocket.close", "code": 4403}
    again = await connect(member, space.slug)
    assert await again.receive_output(timeout=5) == {"type": "websocket.close", "code": 4403}

    await suspend_by_page(moderator, member, action="lift", reason="Calmer now")

    back = await connect(member, space.slug)
    await frames_until(back, "presence")
    client_id = str(uuid.uuid4())
    await back.send_json_to({"type": "message.send", "client_id": client_id, "body": "Sorry!"})
    ack = (await frames_until(back, "ack"))[-1]
    stored = await database_sync_to_async(
        lambda: list(Message.objects.filter(space=space).values_list("id", "body"))
    )()
    assert stored == [(ack["id"], "Sorry!")]
    await back.disconnect()


# --- The moderation log -----------------------------------------------------------------
def test_the_log_page_shows_the_newest_first_and_filters_by_action(
    topic, cambodia, learner, moderator, focal_kh
):
    services.lock(topic, moderator, "log entry one")
    services.pin(topic, moderator, "log entry two")
    services.unlock(topic, moderator, "log entry three")
    kh_topic = services.start_topic(cambodia, learner, "Savings groups in Battambang", "Hi")
    services.pin(kh_topic, focal_kh, "log entry four")
    url = reverse("forum_log")

    html = client_for(moderator).get(url).content.decode()
    positions = [html.index(f"log entry {n}") for n in ("four", "three", "two", "one")]
    assert positions == sorted(positions)

    pins = client_for(moderator).get(url, {"action": "pin"}).content.decode()
    assert "log entry two" in pins
    assert "log entry four" in pins
    assert "log entry one" not in pins
    assert "log entry three" not in pins

    # A focal point reads the entries of the categories they moderate only.
    theirs = client_for(focal_kh).get(url).content.decode()
    assert "log entry four" in theirs
    assert "log entry two" not in theirs
    assert client_for(learner).get(url).status_code == 403


def test_the_author_is_told_when_a_hidden_post_is_shown_again(topic, other, moderator):
    post = services.reply(topic, other, "A fair point, after all")
    services.hide(post, moderator, "Looks like spam")

    services.unhide(post, moderator)

    told = Notification.objects.filter(user=other, post=post).order_by("id")
    assert [(n.kind, n.detail) for n in told] == [
        ("moderated", "Looks like spam"),
        ("moderated", "Your post is visible again."),
    ]
