"""Which pages are compressed, and for whom (config/middleware.py, "Compression"): a page
that holds no CSRF token is gzipped for every client that accepts gzip; a page that holds
one is gzipped for the site's own requests and addresses typed in (Sec-Fetch-Site:
same-origin, none, or no such header), with Django's mitigations (the token masked anew
in every response, random padding in every gzip header), and sent as it is to a request
another site started (cross-site, same-site), the only kind a BREACH attack can use."""

import gzip
import re

import pytest
from django.conf import settings
from django.middleware.csrf import _unmask_cipher_token

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"  # a form: its CSRF token, and the language switcher's
TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


def fetch(client, path, site=None, accept="gzip, deflate, br"):
    headers = {"Accept-Encoding": accept}
    if site is not None:
        headers["Sec-Fetch-Site"] = site
    return client.get(path, headers=headers)


def vary(response):
    return {part.strip() for part in response.get("Vary", "").split(",")}


def padding(body):
    """The random 'file name' Django's GZipMiddleware writes into the gzip header."""
    assert body[3] & gzip.FNAME
    return body[10:].index(b"\x00")


@pytest.mark.parametrize("site", ["same-origin", "none", None])
def test_a_page_with_a_csrf_token_is_gzipped_for_the_sites_own_requests(client, site):
    plain = fetch(client, LOGIN, accept="identity")

    response = fetch(client, LOGIN, site)

    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert {"Accept-Encoding", "Sec-Fetch-Site", "Cookie"} <= vary(response)
    page = gzip.decompress(response.content)
    assert TOKEN.search(page)
    assert len(response.content) < len(plain.content) / 3


@pytest.mark.parametrize("site", ["cross-site", "same-site"])
def test_a_page_with_a_csrf_token_is_sent_as_it_is_to_a_request_another_site_started(client, site):
    response = fetch(client, LOGIN, site)

    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")
    assert {"Accept-Encoding", "Sec-Fetch-Site"} <= vary(response)
    assert TOKEN.search(response.content)
    assert response.content.startswith(b"<!doctype html>")


@pytest.mark.parametrize("site", ["cross-site", "same-site", "same-origin", None])
def test_a_response_without_a_csrf_token_is_gzipped_whoever_started_it(client, site):
    response = fetch(client, "/th/jsi18n/", site)

    assert response.status_code == 200
    assert settings.CSRF_COOKIE_NAME not in response.cookies
    assert response["Content-Encoding"] == "gzip"
    assert "Sec-Fetch-Site" not in vary(response)
    assert b"django.catalog" in gzip.decompress(response.content)


def test_each_compressed_page_carries_its_own_masked_token_and_padding(client):
    """The same reader's secret, masked anew each time: no two compressed pages hold the
    same bytes of it; and each gzip header's random padding blurs the lengths."""
    responses = [fetch(client, LOGIN, "same-origin") for _ in range(12)]

    pages = [gzip.decompress(response.content) for response in responses]
    tokens = [TOKEN.search(page).group(1).decode() for page in pages]
    assert len(set(tokens)) == len(tokens)
    secret = client.cookies[settings.CSRF_COOKIE_NAME].value
    assert {_unmask_cipher_token(token) for token in tokens} == {secret}
    # 12 draws of 0-99 bytes of padding, all the same: 1e-22.
    assert len({padding(response.content) for response in responses}) > 1
    # The pages are the same but for the token.
    assert len({TOKEN.sub(b"", page) for page in pages}) == 1
