"""With DEBUG off (production, and `make run`'s embedded default) an error is answered
with the site's own page in the reader's language, never Django's debug page: 404 in the
site's shell, 500 standalone (it may be the database that failed). A fresh `make run`
process is tested in tests/config/test_make_run.py."""

import pytest
from django.conf.urls.i18n import i18n_patterns
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns
from tests.home.factories import home_page

pytestmark = pytest.mark.django_db


def fail(request):
    raise RuntimeError("a bug in a view")


# This module is the URLconf of its 500 tests: the site's own, and a view that fails.
urlpatterns = [
    *i18n_patterns(path("fail/", fail), prefix_default_language=False),
    *site_urlpatterns,
]


@pytest.fixture
def failing_client(client, settings):
    settings.DEBUG = False
    client.raise_request_exception = False
    return client


def test_a_missing_page_gets_the_sites_404_page(client, settings):
    settings.DEBUG = False
    home_page()

    response = client.get("/no-such-page/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "<title>Page not found · SSE Asia</title>" in html
    assert "We could not find that page." in html
    assert 'class="site-header"' in html  # in the site's shell, with its search
    assert "Django" not in html


def test_a_missing_thai_page_gets_the_404_page_in_thai(client, settings):
    settings.DEBUG = False
    home_page()

    response = client.get("/th/no-such-page/")

    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="th"' in html
    assert "<h1>ไม่พบหน้านี้</h1>" in html


def test_a_missing_object_gets_the_same_404_page(client, settings):
    settings.DEBUG = False

    response = client.get("/forum/t/999999/")

    assert response.status_code == 404
    assert "<title>Page not found · SSE Asia</title>" in response.content.decode()


@pytest.mark.urls(__name__)
def test_a_failing_view_gets_the_sites_500_page(failing_client):
    with CaptureQueriesContext(connection) as queries:
        response = failing_client.get("/fail/")

    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert "<title>Something went wrong · SSE Asia</title>" in html
    assert "<h1>Something went wrong</h1>" in html
    assert 'href="/static/css/site.css"' in html
    assert "RuntimeError" not in html
    assert "Traceback" not in html
    assert len(queries) == 0  # the 500 page itself asks the database nothing


@pytest.mark.urls(__name__)
def test_the_500_page_speaks_the_readers_language(failing_client):
    response = failing_client.get("/th/fail/")

    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="th"' in html
    assert "· SSE เอเชีย</title>" in html
    assert '<a href="/">ไปที่หน้าแรก</a>' in html
