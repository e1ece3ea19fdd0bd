"""A topic's pages are found by post number (services.TopicPosts), not by OFFSET: every
page holds exactly the posts OFFSET would give it, for anonymous readers, members (who
also see their own waiting and hidden posts) and moderators (who see every post), with
hidden, waiting, deleted and vanished posts in between, and after each moderation
decision; the page count, the last page and the out-of-range page numbers are those of
Django's Paginator over the same posts."""

import math

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Paginator
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from forum import permissions as can
from forum import services
from forum.models import Post, PostState, Topic
from tests.accounts.factories import UserFactory

from .conftest import client_for

PER_PAGE = services.POSTS_PER_PAGE


def build_topic(category, authors, reader, size):
    """A topic of `size` posts with every kind of post a page must skip or show:
    hidden, waiting and deleted posts scattered and in a run (61-75), some of them
    `reader`'s own, one row gone (as when its author's account is deleted), and the last
    posts waiting (so the last listed post is not the last post)."""
    topic = Topic.objects.create(category=category, title="A long topic", author=authors[0])
    now = timezone.now()
    posts = []
    for number in range(1, size + 1):
        state, deleted_at, author = PostState.PUBLISHED, None, authors[number % len(authors)]
        if number % 17 == 0 or 61 <= number <= 75:
            state = PostState.HIDDEN
        elif number % 23 == 0 or number > size - 3:
            state = PostState.PENDING
        elif number % 29 == 0:
            deleted_at = now
        if number % 13 == 0 or number == size:  # the reader's own, listed or not
            author = reader
        posts.append(
            Post(
                topic=topic,
                number=number,
                author=author,
                body=f"Post number {number}",
                body_html=f"<p>Post number {number}</p>",
                state=state,
                deleted_at=deleted_at,
            )
        )
    Post.objects.bulk_create(posts)
    Post.objects.filter(topic=topic, number=150).delete()  # a row gone
    Topic.objects.filter(pk=topic.pk).update(last_number=size)
    return refreshed(topic)


def refreshed(topic):
    services.refresh_counters(topic)
    return Topic.objects.select_related("category").get(pk=topic.pk)


def as_user(who):
    return who if who is not None else AnonymousUser()


def moderates(who, topic):
    return who is not None and can.can_moderate(who, topic.category)


def offset_pages(topic, who):
    """The pages as OFFSET/LIMIT over `visible_posts` give them: [[post numbers]]."""
    posts = services.visible_posts(topic, as_user(who), moderates(who, topic))
    pages = Paginator(posts, PER_PAGE)
    return [[p.number for p in pages.page(n).object_list] for n in pages.page_range]


def number_pages(topic, who):
    """The pages as the topic page finds them."""
    pages = Paginator(services.TopicPosts(topic, as_user(who), moderates(who, topic)), PER_PAGE)
    return [[p.number for p in pages.page(n).object_list] for n in pages.page_range]


@pytest.fixture
def authors(db):
    return [UserFactory(name=f"Author {n}") for n in range(4)]


@pytest.fixture
def viewers(learner, moderator):
    return {"anonymous": None, "member": learner, "moderator": moderator}


@pytest.fixture
def long_topic(public_category, authors, learner):
    return build_topic(public_category, authors, learner, 430)


def test_the_topic_keeps_the_gaps_among_its_listed_posts(long_topic):
    gaps = long_topic.listed_gaps

    assert gaps[:6] == [[17, 17], [23, 23], [29, 29], [34, 34], [46, 46], [51, 51]]
    assert [61, 75] in gaps
    assert [150, 150] in gaps  # the row that is gone
    assert gaps[-1][1] < long_topic.last_listed_number == 427
    listed = set(Post.objects.listed().filter(topic=long_topic).values_list("number", flat=True))
    assert {n for a, b in gaps for n in range(a, b + 1)} == set(range(1, 428)) - listed


@pytest.mark.parametrize("viewer", ["anonymous", "member", "moderator"])
def test_every_page_holds_the_posts_offset_would_give(viewer, viewers, long_topic):
    who = viewers[viewer]

    expected = offset_pages(long_topic, who)

    assert number_pages(long_topic, who) == expected
    visible = sum(len(page) for page in expected)
    assert len(expected) == math.ceil(visible / PER_PAGE) > 10


@pytest.mark.parametrize("viewer", ["anonymous", "member", "moderator"])
def test_the_deep_pages_over_http_show_the_right_posts_without_offset(viewer, viewers, long_topic):
    who = viewers[viewer]
    expected = offset_pages(long_topic, who)
    client = client_for(who)
    url = reverse("forum_topic", args=[long_topic.id])

    for number in (len(expected) - 1, len(expected)):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"{url}?page={number}")

        assert response.status_code == 200
        page = response.context["page_obj"]
        assert (page.number, page.paginator.num_pages) == (number, len(expected))
        assert [p.number for p in response.context["posts"]] == expected[number - 1]
        assert not [q["sql"] for q in queries if "OFFSET" in q["sql"].upper()]
    html = response.content.decode()
    assert f"Post number {expected[-1][-1]}" in html
    assert f"Page {len(expected)} of {len(expected)}" in html


@pytest.mark.parametrize("asked", ["0", "-3", "9999", "abc", "2.5", "", "1", "7"])
@pytest.mark.parametrize("viewer", ["anonymous", "member"])
def test_any_page_number_gives_the_page_djangos_paginator_gives(asked, viewer, viewers, long_topic):
    who = viewers[viewer]
    posts = services.visible_posts(long_topic, as_user(who), moderates(who, long_topic))
    expected = Paginator(posts, PER_PAGE).get_page(asked)

    response = client_for(who).get(reverse("forum_topic", args=[long_topic.id]), {"page": asked})

    page = response.context["page_obj"]
    assert page.number == expected.number
    assert [p.number for p in response.context["posts"]] == [p.number for p in expected]


@pytest.mark.parametrize("viewer", ["anonymous", "member", "moderator"])
def test_a_permalink_leads_to_the_page_the_post_is_on(viewer, viewers, long_topic):
    who = viewers[viewer]
    pages = offset_pages(long_topic, who)
    client = client_for(who)
    url = reverse("forum_topic", args=[long_topic.id])

    for page_number, numbers in enumerate(pages, start=1):
        for number in {numbers[0], numbers[-1]}:
            post = Post.objects.get(topic=long_topic, number=number)
            response = client.get(reverse("forum_post", args=[post.id]))
            query = f"?page={page_number}" if page_number > 1 else ""
            assert response.url == f"{url}{query}#post-{post.id}", number


def test_the_pages_follow_every_decision_on_the_posts(
    public_category, authors, learner, moderator, viewers
):
    """Hiding, rejecting, approving, unhiding and deleting posts, and new replies, move
    the later posts between pages exactly as OFFSET would."""
    topic = build_topic(public_category, authors, learner, 130)

    def post(number):
        return Post.objects.select_related("topic__category").get(topic=topic, number=number)

    decisions = [
        lambda: services.hide(post(5), moderator, "Off topic"),
        lambda: services.hide(post(6), moderator, "Off topic"),
        lambda: services.approve(post(23), moderator),
        lambda: services.reject(post(46), moderator, "Spam"),
        lambda: services.unhide(post(68), moderator),
        lambda: services.delete_own_post(post(26), learner),
        lambda: services.hide(post(1), moderator, "Everything hidden from the start"),
        lambda: services.unhide(post(1), moderator),
        lambda: services.reply(topic, learner, "A reply at the end"),
        lambda: services.approve(post(128), moderator),
    ]
    for decide in decisions:
        decide()
        topic = Topic.objects.select_related("category").get(pk=topic.pk)
        for who in viewers.values():
            assert number_pages(topic, who) == offset_pages(topic, who)
    assert [5, 6] in topic.listed_gaps
