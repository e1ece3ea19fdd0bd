"""A member's page makes the same queries whatever the member has written: the member,
then the forum's section (the categories, the latest posts)."""

import pytest
from django.urls import reverse

from forum.models import ReadAccess
from tests.accounts.factories import UserFactory
from tests.forum.factories import CategoryFactory, PostFactory, TopicFactory

pytestmark = pytest.mark.django_db

# The member, the forum's categories and posts, the site (its menu is cached once warm).
ANONYMOUS = 4
# And the reader: the user, their roles (what they may read; the session is read
# through the cache).
SIGNED_IN = ANONYMOUS + 2


def build(posts):
    member = UserFactory(handle="busy")
    public, members = CategoryFactory(), CategoryFactory(read_access=ReadAccess.MEMBERS)
    for n in range(posts):
        topic = TopicFactory(category=public if n % 2 else members, author=member)
        PostFactory(topic=topic, author=member)
    return member


@pytest.mark.parametrize("posts", [1, 12])
def test_an_anonymous_reader_gets_the_page_in_constant_queries(
    client, django_assert_num_queries, posts
):
    build(posts)
    client.get(reverse("member", args=["busy"]))  # warm the shell

    with django_assert_num_queries(ANONYMOUS):
        response = client.get(reverse("member", args=["busy"]))

    assert response.status_code == 200


@pytest.mark.parametrize("posts", [1, 12])
def test_a_signed_in_reader_gets_the_page_in_constant_queries(
    client, django_assert_num_queries, posts
):
    build(posts)
    client.force_login(UserFactory())
    client.get(reverse("member", args=["busy"]))

    with django_assert_num_queries(SIGNED_IN):
        response = client.get(reverse("member", args=["busy"]))

    assert len(response.context["sections"][0][1]["posts"]) == min(posts * 2, 5)
