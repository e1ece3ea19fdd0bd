"""One decision per item: two moderators acting on one post at the same moment (two
threads, each with its own PostgreSQL connection, released together by a barrier) end in
exactly one decision, logged once, its author told once; the same form sent twice at
once makes one post."""

import uuid

import pytest
from django.core import mail
from django.db import connection
from django.urls import reverse

from accounts.constants import Role
from forum import services
from forum.models import (
    Category,
    CategoryKind,
    ModerationLog,
    Notification,
    NotificationKind,
    Post,
    PostState,
    Topic,
)
from tests.accounts.factories import UserFactory
from tests.concurrency import race

from .conftest import client_for

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("migrated_database"),
]

ROUNDS = 10
DECIDED = "Someone else has already decided on this post."


@pytest.fixture
def category():
    if connection.vendor != "postgresql":
        pytest.skip("row locks and real concurrency need PostgreSQL")
    return Category.objects.create(slug="races", name="Races", kind=CategoryKind.THEMATIC)


@pytest.fixture
def people(category):
    author = UserFactory(name="Queued Author")
    first = UserFactory(name="First Moderator", roles=[Role.MODERATOR])
    second = UserFactory(name="Second Moderator", roles=[Role.MODERATOR])
    topic = services.start_topic(category, author, "A topic with a queue", "Opening post")
    services.watch_word("queueme", "approve", first)
    return author, first, second, topic


def pending_post(topic, author, round_number):
    """A reply held for approval by a watched word (nobody has been told of it yet)."""
    post = services.reply(topic, author, f"Waiting reply {round_number}: queueme")
    assert post.state == PostState.PENDING
    return post


def moderated(post):
    """(state, deleted, the log's actions, what the author was told, e-mails to them)."""
    post.refresh_from_db()
    actions = list(ModerationLog.objects.filter(post=post).values_list("action", flat=True))
    told = list(
        Notification.objects.filter(user=post.author, post=post).values_list("kind", flat=True)
    )
    mails = [m for m in mail.outbox if post.author.email in m.to and post.body in m.body]
    return post.state, post.is_deleted, actions, told, len(mails)


def refusal(result):
    return (type(result).__name__, getattr(result, "code", None), getattr(result, "message", None))


def test_approving_and_rejecting_one_post_at_once_ends_in_exactly_one_of_them(people):
    author, first, second, topic = people
    outcomes = []

    for round_number in range(ROUNDS):
        post = pending_post(topic, author, round_number)
        mail.outbox.clear()

        approved, rejected = race(
            lambda post=post: services.approve(post, first),
            lambda post=post: services.reject(post, second, "Off topic"),
        )

        if isinstance(rejected, Exception):
            assert refusal(rejected) == ("PostError", "decided", DECIDED)
            assert isinstance(approved, Post)
            assert moderated(post) == ("published", False, ["approve"], ["approved"], 1)
            outcomes.append("approved")
        else:
            assert refusal(approved) == ("PostError", "decided", DECIDED)
            assert isinstance(rejected, Post)
            assert moderated(post) == ("pending", True, ["reject"], ["moderated"], 1)
            outcomes.append("rejected")
    topic.refresh_from_db()
    published = Post.objects.filter(topic=topic, state="published", deleted_at__isnull=True)
    assert topic.post_count == published.count()
    assert len(outcomes) == ROUNDS


def test_two_approvals_at_once_publish_once_log_once_and_tell_once(people):
    author, first, second, topic = people
    follower = UserFactory(name="Topic Follower")
    services.set_subscription(follower, True, topic=topic)

    for round_number in range(ROUNDS):
        post = pending_post(topic, author, round_number)
        mail.outbox.clear()

        results = race(
            lambda post=post: services.approve(post, first),
            lambda post=post: services.approve(post, second),
        )

        refused = [r for r in results if isinstance(r, Exception)]
        assert [refusal(r) for r in refused] == [("PostError", "decided", DECIDED)]
        assert moderated(post) == ("published", False, ["approve"], ["approved"], 1)
        assert list(
            Notification.objects.filter(user=follower, post=post).values_list("kind", flat=True)
        ) == [NotificationKind.REPLY]


def test_hiding_one_post_twice_at_once_hides_logs_and_tells_once(people):
    author, first, second, topic = people
    post = services.reply(topic, author, "A post both moderators saw")

    results = race(
        lambda: services.hide(post, first, "Rude"),
        lambda: services.hide(post, second, "Rude"),
    )

    assert [refusal(r) for r in results if isinstance(r, Exception)] == [
        ("PostError", "decided", DECIDED)
    ]
    assert moderated(post) == ("hidden", False, ["hide"], ["moderated"], 1)


def test_locking_a_topic_twice_at_once_locks_and_logs_it_once(people):
    _author, first, second, topic = people

    results = race(
        lambda: services.lock(topic, first, "Heated"),
        lambda: services.lock(topic, second, "Heated"),
    )

    refused = [refusal(r) for r in results if isinstance(r, Exception)]
    assert refused == [("PostError", "decided", "Someone else has already decided on this topic.")]
    assert Topic.objects.get(pk=topic.pk).is_locked
    assert list(ModerationLog.objects.filter(topic=topic).values_list("action", flat=True)) == [
        "lock"
    ]


def test_two_identical_replies_sent_at_once_make_one_post(people):
    author, _first, _second, topic = people
    token = str(uuid.uuid4())
    url = reverse("forum_reply", args=[topic.id])
    data = {"body": "Sent twice by a double click", "token": token}

    responses = race(
        lambda: client_for(author).post(url, data),
        lambda: client_for(author).post(url, data),
    )

    (post,) = Post.objects.filter(topic=topic, body=data["body"])
    assert str(post.submit_token) == token
    assert [r.status_code for r in responses] == [302, 302]
    assert {r["Location"] for r in responses} == {reverse("forum_post", args=[post.id])}
    topic.refresh_from_db()
    assert (topic.last_number, topic.post_count) == (2, 2)


def test_two_identical_new_topics_sent_at_once_make_one_topic(people, category):
    author = people[0]
    url = reverse("forum_new_topic", args=[category.slug])
    data = {"title": "Sent twice at once", "body": "One topic, please", "token": str(uuid.uuid4())}

    responses = race(
        lambda: client_for(author).post(url, data),
        lambda: client_for(author).post(url, data),
    )

    (topic,) = Topic.objects.filter(title=data["title"])
    assert [r.status_code for r in responses] == [302, 302]
    assert {r["Location"] for r in responses} == {reverse("forum_topic", args=[topic.id])}
    assert list(topic.posts.values_list("number", "body")) == [(1, "One topic, please")]
    category.refresh_from_db()
    assert category.topic_count == 2


def test_a_moderator_acting_on_a_post_someone_else_decided_is_told_so(people):
    author, first, second, topic = people
    post = pending_post(topic, author, 0)
    services.reject(post, first, "Spam")
    url = reverse("forum_moderate_post", args=[post.id])

    response = client_for(second).post(url, {"action": "approve", "next": "/forum/moderation/"})

    assert (response.status_code, response["Location"]) == (302, "/forum/moderation/")
    shown = [str(m) for m in response.wsgi_request._messages]
    assert shown == [DECIDED]
    assert list(ModerationLog.objects.filter(post=post).values_list("action", flat=True)) == [
        "reject"
    ]
