import gzip
import re

import pytest
from django.contrib.staticfiles import finders
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from accounts.constants import COUNTRY_SLUGS
from home.models import CountryPage, HomePage, StandardPage

pytestmark = pytest.mark.django_db


def test_home_page_in_english_unprefixed(client):
    response = client.get("/")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en"' in html
    assert "Learn, share and act for the social and solidarity economy in Asia" in html
    assert 'href="#main"' in html
    assert 'id="main"' in html
    assert "<header" in html
    assert "<nav" in html
    assert "<footer" in html


def test_home_page_in_thai_under_th(client):
    response = client.get("/th/")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="th"' in html
    assert "เรียนรู้ แบ่งปัน และลงมือทำเพื่อเศรษฐกิจสังคมและสมานฉันท์ในเอเชีย" in html
    assert "ข้ามไปยังเนื้อหาหลัก" in html  # the skip link, from the compiled catalogue
    assert 'href="/th/countries/"' in html


def test_language_switcher_moves_to_the_same_page_in_thai(client):
    response = client.post("/i18n/setlang/", {"language": "th", "next": "/countries/thailand/"})

    assert response.status_code == 302
    assert response["Location"] == "/th/countries/thailand/"
    thai = client.get(response["Location"])
    assert thai.status_code == 200
    assert "ประเทศไทย" in thai.content.decode()


def test_a_page_for_each_of_the_twelve_countries(client):
    pages = CountryPage.objects.live().filter(locale__language_code="en")

    assert sorted(p.slug for p in pages) == sorted(COUNTRY_SLUGS.values())
    for slug in COUNTRY_SLUGS.values():
        assert client.get(f"/countries/{slug}/").status_code == 200
        assert client.get(f"/th/countries/{slug}/").status_code == 200


def test_country_facts_come_from_the_programme(client):
    html = client.get("/countries/japan/").content.decode()

    assert "30%" in html
    assert "consumer cooperative" in html
    assert "Source:" in html


def test_search_finds_pages_of_the_current_language(client):
    english = client.get("/search/", {"q": "Mongolia"})
    thai = client.get("/th/search/", {"q": "มองโกเลีย"})

    assert next(r.url_path for r in english.context["results"]).endswith("/countries/mongolia/")
    assert all(r.locale.language_code == "en" for r in english.context["results"])
    assert any(r.url_path.endswith("/countries/mongolia/") for r in thai.context["results"])


def test_search_without_a_query_lists_nothing(client):
    response = client.get("/search/")

    assert response.status_code == 200
    assert len(response.context["results"]) == 0


def test_page_tree_rules_keep_the_site_in_shape():
    assert HomePage.allowed_parent_page_models() == [Page]
    assert not HomePage.can_create_at(Page.get_first_root_node())  # one per language
    assert not CountryPage.can_create_at(HomePage.objects.first())
    assert not StandardPage.can_create_at(Page.get_first_root_node())
    assert CountryPage.allowed_subpage_models() == []


def test_a_country_has_one_page_per_language():
    thailand = CountryPage.objects.get(country="TH", locale__language_code="en")
    twin = CountryPage(
        title="Thailand again", slug="thailand-2", country="TH", summary="x", locale=thailand.locale
    )

    with pytest.raises(Exception, match="already has a page"):
        twin.full_clean()


@pytest.mark.parametrize(
    ("path", "expected"),
    [("/", 12), ("/th/", 13), ("/countries/", 9), ("/countries/thailand/", 9)],
)
def test_pages_make_a_small_constant_number_of_queries(client, path, expected):
    client.get(path)  # warm Wagtail's per-process caches (site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)

    assert response.status_code == 200
    assert len(queries) == expected, [q["sql"] for q in queries]


def test_home_page_with_its_css_and_js_weighs_under_60_kb_compressed(client):
    html = client.get("/").content
    assets = re.findall(rb'(?:href|src)="/static/([^"]+\.(?:css|js|svg))"', html)
    assert {"css/site.css", "js/site.js"} <= {a.decode() for a in assets}

    total = len(gzip.compress(html))
    for asset in assets:
        with open(finders.find(asset.decode()), "rb") as file:
            total += len(gzip.compress(file.read()))

    assert total < 60 * 1024, f"{total} bytes compressed"


def test_pages_request_nothing_from_another_host(client):
    for path in ("/", "/th/", "/accounts/signup/", "/accounts/login/", "/search/?q=sse"):
        html = client.get(path).content.decode()
        external = re.findall(r'(?:src|href|action)="(https?:)?//[^"]*"', html)
        assert external == [], (path, external)
        assert "<script>" not in html
        assert " on" + "click=" not in html


def test_the_home_page_shows_courses_and_lively_discussions(client):
    html = client.get("/").content.decode()

    assert "Start learning" in html
    assert 'href="/courses/understanding-the-sse/"' in html
    assert "Lively discussions" in html
    assert 'href="/spaces/regional/"' in html
    assert "home-based workers" not in html  # members-only text stays in the space
