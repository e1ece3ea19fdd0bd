"""The forum's pages make a small, fixed number of queries, however long a topic or a
category grows: the same with 10 posts as with 1,000, with 10 topics as with 120."""

import math

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from forum import permissions as can
from forum import services
from forum.models import Category, CategoryKind, Flag, Post, PostState, Topic
from tests.factories import UserFactory

from .conftest import client_for

# --- Building big data fast -------------------------------------------------------------


def make_topic(category, authors, size, title):
    """A visible topic of `size` posts by `authors` in turn: every third replies to the
    first; a few are hidden, waiting or flagged (what moderators see)."""
    topic = Topic.objects.create(category=category, title=title, author=authors[0])
    first = Post.objects.create(
        topic=topic, number=1, author=authors[0], body="Opening", body_html="<p>Opening</p>"
    )
    posts = []
    for number in range(2, size + 1):
        state = PostState.PUBLISHED
        if number % 50 == 0:
            state = PostState.HIDDEN
        elif number % 70 == 0:
            state = PostState.PENDING
        posts.append(
            Post(
                topic=topic,
                number=number,
                author=authors[number % len(authors)],
                reply_to=first if number % 3 == 0 else None,
                body=f"Post number {number}",
                body_html=f"<p>Post number {number}</p>",
                state=state,
                open_flags=1 if number % 40 == 0 else 0,
            )
        )
    Post.objects.bulk_create(posts, batch_size=500)
    Topic.objects.filter(pk=topic.pk).update(last_number=size)
    services.refresh_counters(topic)
    topic.refresh_from_db()
    return topic


def make_topics(category, authors, count):
    """`count` topics with one post each, in one category."""
    topics = Topic.objects.bulk_create(
        Topic(category=category, title=f"Topic {n} in {category.slug}", author=authors[n % 3])
        for n in range(count)
    )
    Post.objects.bulk_create(
        Post(topic=t, number=1, author=t.author, body="Hello", body_html="<p>Hello</p>")
        for t in topics
    )
    Topic.objects.filter(pk__in=[t.pk for t in topics]).update(last_number=1)
    for topic in topics:
        services.refresh_counters(topic)
    return topics


def make_queue(category, authors, size):
    """A topic with `size` posts waiting for approval and `size` flagged twice."""
    topic = make_topic(category, authors, 1, f"Queue of {size}")
    posts = Post.objects.bulk_create(
        Post(
            topic=topic,
            number=number,
            author=authors[number % 3],
            body=f"Queued {number}",
            body_html=f"<p>Queued {number}</p>",
            state=PostState.PENDING if number % 2 else PostState.PUBLISHED,
            open_flags=0 if number % 2 else 2,
        )
        for number in range(2, 2 * size + 2)
    )
    Flag.objects.bulk_create(
        Flag(post=post, user=flagger, reason="spam", detail=f"Flag on {post.number}")
        for post in posts
        if post.open_flags
        for flagger in authors[3:5]
    )
    services.refresh_counters(topic)


@pytest.fixture
def authors(db):
    return [UserFactory(name=f"Author {n}") for n in range(5)]


@pytest.fixture
def viewers(learner, moderator):
    return {"anonymous": None, "member": learner, "moderator": moderator}


def queries(client, url):
    """(number of queries, response) of one GET."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured.captured_queries), response


def warm_client(who):
    """A client whose session and cached unread-notification count are already there,
    as for anyone who has opened one page before."""
    client = client_for(who)
    assert client.get(reverse("forum")).status_code == 200
    return client


def last_page(topic, who):
    user = who if who is not None else AnonymousUser()
    moderates = who is not None and can.can_moderate(who, topic.category)
    visible = services.visible_posts(topic, user, moderates).count()
    return math.ceil(visible / services.POSTS_PER_PAGE)


# Measured on SQLite and PostgreSQL: a topic page makes 4 queries for an
# anonymous reader (topic, count, posts, site), 10 for a member (+ session, user, roles,
# read mark, own flags, subscription) and 12 for a moderator (+ the categories to move
# to, twice); a member's first visit to a topic adds 3 (savepoint, insert of the read
# mark, release). The bounds are the measured numbers + 2.
TOPIC_PAGE = {"anonymous": 6, "member": 12, "moderator": 14}
TOPIC_FIRST_VISIT = {"anonymous": 6, "member": 15, "moderator": 17}


@pytest.mark.parametrize("viewer", ["anonymous", "member", "moderator"])
def test_a_topic_page_makes_as_many_queries_with_1000_posts_as_with_10(
    viewer, viewers, public_category, authors
):
    who = viewers[viewer]
    small = make_topic(public_category, authors, 10, "Ten posts")
    big = make_topic(public_category, authors, 1000, "A thousand posts")
    small_url = reverse("forum_topic", args=[small.id])
    big_url = reverse("forum_topic", args=[big.id])
    big_last = f"{big_url}?page={last_page(big, who)}"
    client = warm_client(who)

    first_small, _ = queries(client, small_url)
    first_big, _ = queries(client, big_url)
    again_small, _ = queries(client, small_url)
    again_big, _ = queries(client, big_url)
    at_the_end, response = queries(client, big_last)

    assert "Post number 999" in response.content.decode()  # it is the last page
    assert first_small == first_big <= TOPIC_FIRST_VISIT[viewer], (first_small, first_big)
    counts = (again_small, again_big, at_the_end)
    assert again_small == again_big == at_the_end <= TOPIC_PAGE[viewer], counts


# Measured: a category page makes 4 queries for an anonymous reader (category, count,
# topics, site) and 9 for a member or a moderator (+ session, user, roles, read marks,
# subscription). Bounds: measured + 2.
CATEGORY_PAGE = {"anonymous": 6, "member": 11, "moderator": 11}


@pytest.mark.parametrize("viewer", ["anonymous", "member", "moderator"])
def test_a_category_page_makes_as_many_queries_with_120_topics_as_with_10(viewer, viewers, authors):
    who = viewers[viewer]
    few = Category.objects.create(slug="few-topics", name="Few", kind=CategoryKind.THEMATIC)
    many = Category.objects.create(slug="many-topics", name="Many", kind=CategoryKind.THEMATIC)
    make_topics(few, authors, 10)
    make_topics(many, authors, 120)
    Topic.objects.filter(category=many, title="Topic 7 in many-topics").update(is_pinned=True)
    client = warm_client(who)
    url = reverse("forum_category", args=["few-topics"])
    big_url = reverse("forum_category", args=["many-topics"])

    counts = [
        queries(client, url)[0],
        queries(client, big_url)[0],
        queries(client, f"{big_url}?page=4")[0],
    ]

    assert counts[0] == counts[1] == counts[2] <= CATEGORY_PAGE[viewer], counts


# Measured: the forum index makes 3 queries for an anonymous reader (categories, latest
# topics, site), 7 for a member (+ session, user, roles, read marks) and 8 for a
# moderator (+ the size of the review queue). Bounds: measured + 2.
INDEX_PAGE = {"anonymous": 5, "member": 9, "moderator": 10}


@pytest.mark.parametrize("viewer", ["anonymous", "member", "moderator"])
def test_the_forum_index_makes_as_many_queries_after_the_forum_grew(
    viewer, viewers, public_category, authors
):
    who = viewers[viewer]
    make_topic(public_category, authors, 10, "Ten posts")
    client = warm_client(who)
    before, _ = queries(client, reverse("forum"))

    many = Category.objects.create(slug="many-topics", name="Many", kind=CategoryKind.THEMATIC)
    make_topics(many, authors, 120)
    make_topic(public_category, authors, 1000, "A thousand posts")
    after, response = queries(client, reverse("forum"))

    assert "A thousand posts" in response.content.decode()
    assert before == after <= INDEX_PAGE[viewer], (before, after)


# Measured: the review queue makes 10 queries (session, user, roles, categories, count
# and page of the waiting posts, count and page of the flagged ones, their open flags,
# site). Bound: measured + 2.
QUEUE_PAGE = 12


def test_the_review_queue_makes_as_many_queries_with_120_posts_as_with_6(
    moderator, public_category, authors
):
    make_queue(public_category, authors, 3)
    client = warm_client(moderator)
    before, _ = queries(client, reverse("forum_queue"))

    make_queue(public_category, authors, 60)
    after, response = queries(client, reverse("forum_queue"))
    later_pages, _ = queries(client, reverse("forum_queue") + "?pending=2&flagged=3")

    html = response.content.decode()
    assert "“Flag on 2”" in html
    assert "Queued 3" in html
    assert before == after == later_pages <= QUEUE_PAGE, (before, after, later_pages)
