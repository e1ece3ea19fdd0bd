"""The forum's pages make a small, fixed number of queries, however long a topic or a
category grows: the same with 10 posts as with 1,000, with 10 topics as with 120."""

import math

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from forum import permissions as can
from forum import services
from forum.models import Category, CategoryKind, Flag, Post, PostState, Topic
from tests.accounts.factories import UserFactory
from tests.forum.factories import CategoryFactory

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


@pytest.fixture
def get_in(django_assert_num_queries):
    """get_in(n, client, url): the response to a GET that made exactly `n` queries."""

    def get(expected, client, url):
        with django_assert_num_queries(expected):
            response = client.get(url)
        assert response.status_code == 200, url
        return response

    return get


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


# Sessions are read through the cache (cached_db): a warm client's costs no query.
# On SQLite and PostgreSQL: a topic page makes 3 queries for an anonymous reader (topic,
# posts, site: the page count is the topic's counter), 9 for a member (+ user, roles,
# the numbers of their own unlisted posts, read mark, own flags, subscription) and
# 11 for a moderator (the numbers of every unlisted post instead of their own, + the
# categories to move to, twice: the list, and the move form's choices); a member's first
# visit to a topic adds 3 (savepoint, insert of the read mark, release).
TOPIC_PAGE = {"anonymous": 3, "member": 9, "moderator": 11}
TOPIC_FIRST_VISIT = {"anonymous": 3, "member": 12, "moderator": 14}


@pytest.mark.parametrize("viewer", ["anonymous", "member", "moderator"])
def test_a_topic_page_makes_as_many_queries_with_1000_posts_as_with_10(
    viewer, viewers, public_category, authors, get_in
):
    who = viewers[viewer]
    CategoryFactory.create_batch(3)  # places a moderator may move the topics to
    small = make_topic(public_category, authors, 10, "Ten posts")
    big = make_topic(public_category, authors, 1000, "A thousand posts")
    small_url = reverse("forum_topic", args=[small.id])
    big_url = reverse("forum_topic", args=[big.id])
    big_last = f"{big_url}?page={last_page(big, who)}"
    client = warm_client(who)

    get_in(TOPIC_FIRST_VISIT[viewer], client, small_url)
    get_in(TOPIC_FIRST_VISIT[viewer], client, big_url)
    get_in(TOPIC_PAGE[viewer], client, small_url)
    get_in(TOPIC_PAGE[viewer], client, big_url)
    response = get_in(TOPIC_PAGE[viewer], client, big_last)

    assert "Post number 999" in response.content.decode()  # it is the last page


# A post's permalink makes 1 query for an anonymous reader (the post with its topic and
# category: its page comes from the topic's counters), 4 for a member (+ user, roles,
# the numbers of their own unlisted posts) and 4 for a moderator (every unlisted post's
# number instead of their own).
PERMALINK = {"anonymous": 1, "member": 4, "moderator": 4}


@pytest.mark.parametrize("viewer", ["anonymous", "member", "moderator"])
def test_a_permalink_makes_as_many_queries_deep_in_1000_posts_as_in_10(
    viewer, viewers, public_category, authors, django_assert_num_queries
):
    who = viewers[viewer]
    small = make_topic(public_category, authors, 10, "Ten posts")
    big = make_topic(public_category, authors, 1000, "A thousand posts")
    client = warm_client(who)

    for topic, number in ((small, 9), (big, 999)):
        post = Post.objects.get(topic=topic, number=number)
        with django_assert_num_queries(PERMALINK[viewer]):
            response = client.get(reverse("forum_post", args=[post.id]))
        assert response.status_code == 302

    assert response.url.endswith(f"?page={last_page(big, who)}#post-{post.id}")


# A category page makes 4 queries for an anonymous reader (category, count, topics,
# site) and 8 for a member or a moderator (+ user, roles, read marks, subscription).
CATEGORY_PAGE = {"anonymous": 4, "member": 8, "moderator": 8}


@pytest.mark.parametrize("viewer", ["anonymous", "member", "moderator"])
def test_a_category_page_makes_as_many_queries_with_120_topics_as_with_10(
    viewer, viewers, authors, get_in
):
    who = viewers[viewer]
    few = Category.objects.create(slug="few-topics", name="Few", kind=CategoryKind.THEMATIC)
    many = Category.objects.create(slug="many-topics", name="Many", kind=CategoryKind.THEMATIC)
    make_topics(few, authors, 10)
    make_topics(many, authors, 120)
    Topic.objects.filter(category=many, title="Topic 7 in many-topics").update(is_pinned=True)
    client = warm_client(who)
    url = reverse("forum_category", args=["few-topics"])
    big_url = reverse("forum_category", args=["many-topics"])

    few_topics = get_in(CATEGORY_PAGE[viewer], client, url)
    many_topics = get_in(CATEGORY_PAGE[viewer], client, big_url)
    last_page = get_in(CATEGORY_PAGE[viewer], client, f"{big_url}?page=4")

    assert few_topics.context["page_obj"].paginator.count == 10
    assert many_topics.context["page_obj"].paginator.count == 120
    assert last_page.context["page_obj"].number == 4


# The forum index makes 3 queries for an anonymous reader (categories, latest topics,
# site), 6 for a member (+ user, roles, read marks) and 7 for a moderator (+ the size of
# the review queue).
INDEX_PAGE = {"anonymous": 3, "member": 6, "moderator": 7}


@pytest.mark.parametrize("viewer", ["anonymous", "member", "moderator"])
def test_the_forum_index_makes_as_many_queries_after_the_forum_grew(
    viewer, viewers, public_category, authors, get_in
):
    who = viewers[viewer]
    make_topic(public_category, authors, 10, "Ten posts")
    client = warm_client(who)
    get_in(INDEX_PAGE[viewer], client, reverse("forum"))

    many = Category.objects.create(slug="many-topics", name="Many", kind=CategoryKind.THEMATIC)
    make_topics(many, authors, 120)
    make_topic(public_category, authors, 1000, "A thousand posts")
    response = get_in(INDEX_PAGE[viewer], client, reverse("forum"))

    assert "A thousand posts" in response.content.decode()


# The review queue makes 9 queries (user, roles, categories, count and page of the
# waiting posts, count and page of the flagged ones, their open flags, site).
QUEUE_PAGE = 9


def test_the_review_queue_makes_as_many_queries_with_120_posts_as_with_6(
    moderator, public_category, authors, get_in
):
    make_queue(public_category, authors, 3)
    client = warm_client(moderator)
    get_in(QUEUE_PAGE, client, reverse("forum_queue"))

    make_queue(public_category, authors, 60)
    response = get_in(QUEUE_PAGE, client, reverse("forum_queue"))
    get_in(QUEUE_PAGE, client, reverse("forum_queue") + "?pending=2&flagged=3")

    html = response.content.decode()
    assert "“Flag on 2”" in html
    assert "Queued 3" in html
