"""Pages are gzipped for clients that accept it, with Django's BREACH mitigation (random
padding in the gzip header, since Django 4.2); what is compressed already (PDFs, images,
spreadsheets) is sent as it is. Pages with a CSRF token: test_compression_csrf.py; static
files: test_static.py and test_make_run.py."""

import gzip

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from config.middleware import TextGZipMiddleware
from tests.home.factories import home_page

pytestmark = pytest.mark.django_db

BODY = b"Solidarity and mutual aid. " * 400


def served(content_type, accept="gzip, deflate, br"):
    request = RequestFactory().get("/", HTTP_ACCEPT_ENCODING=accept)
    middleware = TextGZipMiddleware(lambda request: HttpResponse(BODY, content_type=content_type))
    return middleware(request)


def test_a_page_is_gzipped_for_a_browser_that_accepts_it(client):
    home_page()

    plain = client.get("/")
    response = client.get("/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")

    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert int(response["Content-Length"]) < len(plain.content) / 2
    # The same page, but for the CSRF token, masked anew on every response.
    assert gzip.decompress(response.content).count(b"<h1") == plain.content.count(b"<h1")


def test_a_client_that_does_not_accept_gzip_gets_the_page_as_it_is(client):
    home_page()

    response = client.get("/", HTTP_ACCEPT_ENCODING="identity")

    assert not response.has_header("Content-Encoding")
    assert response.content.startswith(b"<!doctype html>")


def test_the_gzip_header_carries_random_padding_against_breach():
    lengths = set()
    for _ in range(20):
        response = served("text/html; charset=utf-8")
        assert response.content[3] & gzip.FNAME  # the padding, as a random "file name"
        assert gzip.decompress(response.content) == BODY
        lengths.add(len(response.content))

    assert len(lengths) > 1  # 20 draws of 0-99 bytes: the same length each time is 1e-38


@pytest.mark.parametrize(
    "content_type",
    ["text/csv", "text/calendar", "application/json", "image/svg+xml", "application/rss+xml"],
)
def test_text_of_every_kind_is_gzipped(content_type):
    assert served(content_type)["Content-Encoding"] == "gzip"


@pytest.mark.parametrize(
    "content_type",
    [
        "application/pdf",
        "image/png",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/zip",
    ],
)
def test_what_is_compressed_already_is_sent_as_it_is(content_type):
    response = served(content_type)

    assert not response.has_header("Content-Encoding")
    assert response.content == BODY
