"""Anonymous readers' pages from the cache (core.pagecache, issue 16 point 2): served
without a query, each with its own CSRF token; never for a signed-in reader; dropped
when an editor publishes (per language), when someone posts in the forum or a moderator
decides, and when what the home and country pages show changes."""

import re

import pytest
from django.test import Client
from django.utils import translation

from core import pagecache
from forum import services as forum
from tests.accounts.factories import UserFactory
from tests.courses.factories import build_course
from tests.forum.factories import CategoryFactory, TopicFactory
from tests.home.factories import StandardPageFactory, home_page

pytestmark = pytest.mark.django_db
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 120


@pytest.fixture
def about(db):
    home_page()
    return StandardPageFactory(title="About", slug="about")


def cached(response):
    return response.get("X-Page-Cache") == "hit"


def test_the_second_anonymous_reader_gets_the_page_from_the_cache_without_a_query(
    client, about, django_assert_num_queries
):
    first = client.get("/about/")
    with django_assert_num_queries(0):
        second = Client().get("/about/")

    assert not cached(first)
    assert cached(second)
    assert second.status_code == 200
    assert TOKEN.sub("", first.content.decode()) == TOKEN.sub("", second.content.decode())
    # The headers every page has are there too: they are added around the cache.
    for header in ("Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options"):
        assert header in second
    assert "Cookie" in second["Vary"]


def test_each_reader_of_a_cached_page_gets_a_token_of_their_own_that_works(about):
    Client().get("/about/")
    readers = [Client(enforce_csrf_checks=True) for _ in range(2)]
    pages = [reader.get("/about/") for reader in readers]
    tokens = [TOKEN.search(page.content.decode()).group(1) for page in pages]

    assert all(cached(page) for page in pages)
    assert tokens[0] != tokens[1]
    assert pagecache.TOKEN_PLACEHOLDER not in pages[0].content.decode()
    switched = readers[0].post(
        "/i18n/setlang/", {"language": "th", "next": "/about/", "csrfmiddlewaretoken": tokens[0]}
    )
    assert switched.status_code == 302  # the token and its cookie match: not a 403


def test_a_signed_in_reader_never_gets_or_makes_a_cached_page(client, about):
    client.force_login(UserFactory(name="Somchai"))
    signed_in = client.get("/about/")
    anonymous = Client().get("/about/")

    assert not cached(signed_in)
    assert not cached(anonymous)
    assert "Somchai" not in anonymous.content.decode()
    assert not cached(client.get("/about/"))


@pytest.mark.parametrize("query", ["?utm=x", "?page=2&x=1", "?q=a"])
def test_other_query_strings_are_rendered_every_time(about, query):
    Client().get(f"/about/{query}")
    assert not cached(Client().get(f"/about/{query}"))


def test_a_page_number_is_its_own_page(about):
    Client().get("/about/")
    assert not cached(Client().get("/about/?page=2"))
    assert cached(Client().get("/about/?page=2"))


def test_a_reader_with_a_session_or_a_message_waiting_is_served_afresh(about):
    Client().get("/about/")
    with_session, with_message = Client(), Client()
    with_session.cookies["sessionid"] = "x"
    with_message.cookies["messages"] = "x"

    assert not cached(with_session.get("/about/"))
    assert not cached(with_message.get("/about/"))


def test_a_not_found_page_is_not_cached(about):
    Client().get("/nothing-here/")
    assert Client().get("/nothing-here/").status_code == 404
    assert not cached(Client().get("/nothing-here/"))


def test_publishing_shows_at_once_in_every_language(about):
    Client().get("/about/"), Client().get("/th/about/")

    about.title = "About the programme"
    about.save_revision().publish()

    assert "About the programme" in Client().get("/about/").content.decode()
    thai = Client().get("/th/about/")
    assert not cached(thai)
    assert "About the programme" in thai.content.decode()


def test_invalidating_one_language_keeps_the_others(about):
    Client().get("/about/"), Client().get("/th/about/")

    pagecache.invalidate("th")

    assert cached(Client().get("/about/"))
    assert not cached(Client().get("/th/about/"))


def test_a_language_is_cached_apart(about):
    Client().get("/about/")
    thai = Client().get("/th/about/")

    assert not cached(thai)
    assert '<html lang="th"' in thai.content.decode()


def test_a_forum_post_and_a_moderation_show_on_the_forum_index_at_once(client, settings):
    settings.FORUM_APPROVE_FIRST_POSTS = 0
    home_page()
    category = CategoryFactory()
    topic = TopicFactory(category=category, title="Cooperatives in Laos")
    assert "Cooperatives in Laos" in Client().get("/forum/").content.decode()
    assert cached(Client().get("/forum/"))
    member = UserFactory()

    forum.reply(topic, member, "Me too: our cooperative sells rice.")
    after_post = Client().get("/forum/")
    assert not cached(after_post)

    forum.lock(topic, by=UserFactory(is_staff=True))
    assert not cached(Client().get("/forum/"))


def test_a_course_page_is_cached_and_its_republishing_shows(client):
    home_page()
    course = build_course(slug="cached", modules=1, lessons=1)
    Client().get(course.url)
    assert cached(Client().get(course.url))

    course.title = "A renamed course"
    with translation.override("en"):
        course.save_revision().publish()

    assert "A renamed course" in Client().get(course.url).content.decode()
