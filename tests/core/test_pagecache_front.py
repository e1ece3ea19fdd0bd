"""Anonymous readers' cached pages answered in front of Django (core.pagecache's
CachedPagesFront, issue 16 point 2), through the served ASGI application: the page the
middleware stored, with the headers the middleware stack gave it, a CSRF token and
cookie of the reader's own, compressed for who accepts it; everything else to Django."""

import gzip
import re

import pytest
from asgiref.sync import sync_to_async
from channels.testing import HttpCommunicator
from django.middleware.csrf import _unmask_cipher_token

from config.asgi import application
from core import pagecache
from tests.home.factories import StandardPageFactory, home_page

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("migrated_database", "close_sync_thread_connections"),
]
TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 120


@pytest.fixture
def about():
    home_page()
    return StandardPageFactory(title="About", slug="about")


async def get(path, *headers, method="GET"):
    communicator = HttpCommunicator(
        application, method, path, headers=[(b"host", b"testserver"), *headers]
    )
    response = await communicator.get_response()
    # Let Django's handler finish (it hands its database connection back to the pool).
    await communicator.send_input({"type": "http.disconnect"})
    await communicator.wait(timeout=60)
    response["headers"] = {name.lower(): value for name, value in response["headers"]}
    return response


def cached(response):
    return response["headers"].get(b"x-page-cache") == b"hit"


async def test_the_front_answers_a_stored_page_with_the_stacks_headers(about):
    rendered = await get("/about/")
    second = await get("/about/")

    assert not cached(rendered)
    assert cached(second)
    for header in (b"content-security-policy", b"x-frame-options", b"x-content-type-options"):
        assert second["headers"][header] == rendered["headers"][header]
    assert TOKEN.sub(b"", second["body"]) == TOKEN.sub(b"", rendered["body"])
    assert b"Cookie" in second["headers"][b"vary"]


async def test_each_reader_gets_their_own_token_matching_their_cookie(about):
    await get("/about/")
    new_reader = await get("/about/")
    returning = await get("/about/", (b"cookie", b"csrftoken=" + b"a" * 32))

    token = TOKEN.search(new_reader["body"]).group(1).decode()
    cookie = new_reader["headers"][b"set-cookie"].decode()
    secret = re.match(r"csrftoken=([A-Za-z0-9]{32});", cookie).group(1)
    assert _unmask_cipher_token(token) == secret
    returning_token = TOKEN.search(returning["body"]).group(1).decode()
    assert _unmask_cipher_token(returning_token) == "a" * 32
    assert returning_token != token


async def test_it_is_compressed_for_who_accepts_it_and_head_has_no_body(about):
    await get("/about/")
    compressed = await get("/about/", (b"accept-encoding", b"gzip, br"))
    head = await get("/about/", method="HEAD")

    assert compressed["headers"][b"content-encoding"] == b"gzip"
    assert b"Accept-Encoding" in compressed["headers"][b"vary"]
    assert b"<html" in gzip.decompress(compressed["body"])
    assert cached(head)
    assert head["status"] == 200  # the server leaves out a HEAD's body


async def test_a_page_with_a_token_is_not_compressed_for_another_sites_request(about):
    await get("/about/")
    cross = await get("/about/", (b"accept-encoding", b"gzip"), (b"sec-fetch-site", b"cross-site"))

    assert cached(cross)
    assert b"content-encoding" not in cross["headers"]
    assert b"Sec-Fetch-Site" in cross["headers"][b"vary"]


async def test_a_session_a_query_or_a_post_goes_to_django(about):
    await get("/about/")

    assert not cached(await get("/about/", (b"cookie", b"sessionid=abc")))
    assert not cached(await get("/about/?utm=x"))
    assert not cached(await get("/about/", method="POST"))


async def test_an_invalidation_reaches_the_front_at_once(about):
    """What publishing, posting and moderating call (tests/core/test_pagecache.py)."""
    await get("/about/"), await get("/th/about/")
    assert cached(await get("/about/"))

    await sync_to_async(pagecache.invalidate)("th")
    assert cached(await get("/about/"))
    assert not cached(await get("/th/about/"))
    await sync_to_async(pagecache.invalidate)()
    assert not cached(await get("/about/"))


async def test_the_front_serves_nothing_with_the_cache_off(about, settings):
    settings.PAGE_CACHE_SECONDS = 0
    await get("/about/")
    assert not cached(await get("/about/"))
