"""A member's public page, /members/<handle>/: name, country, constituency,
organization, the avatar, and their recent forum posts that this reader may read (the
forum's core.registry.member_sections entry); an inactive member has none; handles are
case-insensitive; names link to it where they appear."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.constants import Constituency, Country
from forum.models import Post, PostState, ReadAccess, Topic
from tests.accounts.factories import UserFactory
from tests.forum.factories import CategoryFactory, PostFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def lan():
    return UserFactory(
        name="Lan Nguyen",
        email="lan@example.net",
        handle="lan",
        country=Country.VIET_NAM,
        constituency=Constituency.WORKERS,
        organization="Hanoi Garment Workers' Union",
    )


def page(client, handle="lan", **extra):
    return client.get(reverse("member", args=[handle]), **extra)


def test_the_page_shows_who_the_member_is_and_nothing_private(client, lan):
    response = page(client)
    html = response.content.decode()

    assert response.status_code == 200
    assert "<h1>Lan Nguyen</h1>" in html
    assert "@lan" in html
    assert "Viet Nam" in html
    assert "Workers&#x27; organization" in html
    assert "Hanoi Garment Workers&#x27; Union" in html
    assert re.search(r'<svg class="avatar avatar-large"[^>]*>.*>L</text></svg>', html)
    assert "lan@example.net" not in html


def test_the_handle_is_case_insensitive(client, lan):
    response = client.get("/members/LAN/")

    assert response.status_code == 301
    assert response["Location"] == "/members/lan/"
    assert page(client, "Lan", follow=True).context["member"] == lan


def test_an_inactive_unknown_or_malformed_handle_has_no_page(client, lan):
    UserFactory(handle="gone", is_active=False)

    assert page(client, "gone").status_code == 404
    assert client.get("/members/GONE/").status_code == 404
    assert page(client, "nobody").status_code == 404
    assert client.get("/members/-lan-/").status_code == 404
    assert client.get("/members/" + "a" * 31 + "/").status_code == 404
    assert client.get("/members/l%C3%A1n/").status_code == 404


def test_the_page_is_read_only(client, lan):
    assert client.post(reverse("member", args=["lan"])).status_code == 405


def test_a_name_with_markup_is_escaped_on_the_page(client):
    UserFactory(name='<script>alert("x")</script>', handle="x")

    html = page(client, "x").content.decode()

    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert ">S</text>" in html  # the avatar's initial is the first letter


def test_the_page_speaks_the_readers_language(client, lan):
    html = client.get("/th/members/lan/").content.decode()

    assert 'lang="th"' in html
    assert "Lan Nguyen" in html


def titles(response):
    return [post.topic.title for post in response.context["sections"][0][1]["posts"]]


def test_recent_posts_are_those_this_reader_may_read_newest_first(client, lan):
    public, members = CategoryFactory(), CategoryFactory(read_access=ReadAccess.MEMBERS)
    old = TopicFactory(category=public, author=lan, title="Old public topic")
    Post.objects.filter(topic=old).update(created_at=timezone.now() - timedelta(days=9))
    TopicFactory(category=public, author=lan, title="Public topic")
    TopicFactory(category=members, author=lan, title="Members topic")
    hidden = TopicFactory(category=public, author=lan, title="Hidden topic")
    Post.objects.filter(topic=hidden).update(state=PostState.HIDDEN)
    deleted = TopicFactory(category=public, author=lan, title="Deleted topic")
    Post.objects.filter(topic=deleted).update(deleted_at=timezone.now())
    PostFactory(topic=TopicFactory(category=public, title="Someone else's"), author=lan)
    PostFactory(
        topic=TopicFactory(category=public, title="Waiting"), author=lan, state=PostState.PENDING
    )
    invisible = TopicFactory(category=public, title="Not visible")
    PostFactory(topic=invisible, author=lan)
    Topic.objects.filter(pk=invisible.pk).update(is_visible=False)  # its first post waits
    TopicFactory(category=public, title="Another member's topic")

    anonymous = page(client)
    client.force_login(UserFactory())
    member = page(client)

    assert titles(anonymous) == ["Someone else's", "Public topic", "Old public topic"]
    assert titles(member) == ["Someone else's", "Members topic", "Public topic", "Old public topic"]
    html = anonymous.content.decode()
    assert "Hidden topic" not in html
    assert "Deleted topic" not in html
    assert "Members topic" not in html
    post = Post.objects.get(topic__title="Public topic")
    assert f'href="{reverse("forum_post", args=[post.id])}">Public topic</a>' in html


def test_at_most_five_posts_are_shown_and_an_empty_section_says_so(client, lan):
    quiet = page(client).content.decode()
    for n in range(7):
        TopicFactory(author=lan, title=f"Topic {n}")

    busy = page(client)

    assert "Lan Nguyen has no posts you can read yet." in quiet
    assert titles(busy) == [f"Topic {n}" for n in range(6, 1, -1)]


def test_post_times_are_in_the_readers_zone(client, lan):
    TopicFactory(author=lan, title="Timed")
    Post.objects.filter(topic__title="Timed").update(
        created_at=datetime(2026, 3, 1, 1, 30, tzinfo=UTC)
    )
    client.force_login(UserFactory(time_zone="Asia/Bangkok"))

    html = page(client).content.decode()

    assert "1 Mar 2026, 08:30" in html  # 01:30 UTC in Bangkok


def test_the_member_sees_a_link_to_edit_their_own_profile(client, lan):
    client.force_login(lan)

    assert reverse("profile") in page(client).content.decode()


def test_forum_posts_link_their_authors_names_to_their_pages(client, lan):
    topic = TopicFactory(author=lan, title="Linked")

    html = client.get(reverse("forum_topic", args=[topic.id])).content.decode()

    assert re.search(r'<a[^>]* href="/members/lan/"[^>]*>Lan Nguyen</a>', html)


def test_a_posts_excerpt_is_its_text_escaped_once(client, lan):
    TopicFactory(author=lan, title="Shared", body="Tom & Jerry share the <surplus>.")

    html = page(client).content.decode()

    assert "Tom &amp; Jerry share the &lt;surplus&gt;." in html
    assert "&amp;amp;" not in html
