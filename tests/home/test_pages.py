import gzip
import re

import pytest
from django.contrib.staticfiles import finders
from wagtail.models import Page

from accounts.constants import COUNTRY_SLUGS, PROGRAMME_COUNTRIES, Country
from home.models import CountryPage, HomePage, StandardPage
from tests.cop.factories import MessageFactory, SpaceFactory
from tests.courses.factories import CoursePageFactory
from tests.home.factories import CountryPageFactory, translation_of

pytestmark = pytest.mark.django_db


def test_home_page_in_english_unprefixed(client, site_pages):
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


def test_home_page_in_thai_under_th(client, site_pages):
    response = client.get("/th/")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="th"' in html
    assert "เรียนรู้ แบ่งปัน และลงมือทำเพื่อเศรษฐกิจสังคมและสมานฉันท์ในเอเชีย" in html
    assert "ข้ามไปยังเนื้อหาหลัก" in html  # the skip link, from the compiled catalogue
    assert 'href="/th/countries/"' in html


def test_language_switcher_moves_to_the_same_page_in_thai(client, site_pages):
    response = client.post("/i18n/setlang/", {"language": "th", "next": "/countries/thailand/"})

    assert response.status_code == 302
    assert response["Location"] == "/th/countries/thailand/"
    thai = client.get(response["Location"])
    assert thai.status_code == 200
    assert "ประเทศไทย" in thai.content.decode()


@pytest.mark.usefixtures("demo_db")
def test_a_page_for_each_of_the_twelve_countries(client):
    pages = CountryPage.objects.live().filter(locale__language_code="en")

    assert sorted(p.slug for p in pages) == sorted(COUNTRY_SLUGS.values())
    for slug in COUNTRY_SLUGS.values():
        assert client.get(f"/countries/{slug}/").status_code == 200
        assert client.get(f"/th/countries/{slug}/").status_code == 200


@pytest.mark.usefixtures("demo_db")
def test_country_facts_come_from_the_programme(client):
    html = client.get("/countries/japan/").content.decode()

    assert "30%" in html
    assert "consumer cooperative" in html
    assert "Source:" in html


def test_search_finds_pages_of_the_current_language(client, site_pages):
    english = client.get("/search/", {"q": "Mongolia"})
    thai = client.get("/th/search/", {"q": "มองโกเลีย"})

    assert next(r.url_path for r in english.context["results"]).endswith("/countries/mongolia/")
    assert all(r.locale.language_code == "en" for r in english.context["results"])
    assert any(r.url_path.endswith("/countries/mongolia/") for r in thai.context["results"])


def test_search_without_a_query_lists_nothing(client, site_pages):
    response = client.get("/search/")

    assert response.status_code == 200
    assert len(response.context["results"]) == 0


def test_page_tree_rules_keep_the_site_in_shape(site_pages):
    assert HomePage.allowed_parent_page_models() == [Page]
    assert not HomePage.can_create_at(Page.get_first_root_node())  # one per language
    assert not CountryPage.can_create_at(HomePage.objects.first())
    assert not StandardPage.can_create_at(Page.get_first_root_node())
    assert CountryPage.allowed_subpage_models() == []


def test_a_country_has_one_page_per_language(site_pages):
    thailand = CountryPage.objects.get(country="TH", locale__language_code="en")
    twin = CountryPage(
        title="Thailand again", slug="thailand-2", country="TH", summary="x", locale=thailand.locale
    )

    with pytest.raises(Exception, match="already has a page"):
        twin.full_clean()


def more_of_everything(site_pages, size):
    """`size` more country pages (in both languages), courses and spaces with messages."""
    codes = [c for c in PROGRAMME_COUNTRIES if c not in (Country.THAILAND, Country.MONGOLIA)]
    for code in codes[:size]:
        translation_of(CountryPageFactory(country=code), title=f"{code} in Thai")
    for _ in range(size):
        CoursePageFactory()
        MessageFactory(space=SpaceFactory())


@pytest.mark.parametrize("size", [1, 10])
@pytest.mark.parametrize(
    ("path", "expected"),
    # core.pagerouting: the page found in one query and loaded in one (the site, the
    # language's home page and the view restrictions cached); then what each page shows.
    [("/", 9), ("/th/", 9), ("/countries/", 4), ("/countries/thailand/", 2)],
)
def test_pages_make_a_small_constant_number_of_queries(
    client, django_assert_num_queries, site_pages, path, expected, size
):
    more_of_everything(site_pages, size)
    client.get(path)  # warm Wagtail's per-process caches (site root paths)

    with django_assert_num_queries(expected):
        response = client.get(path)

    assert response.status_code == 200


def test_home_page_with_its_css_and_js_weighs_under_60_kb_compressed(client, site_pages):
    html = client.get("/").content
    assets = re.findall(rb'(?:href|src)="/static/([^"]+\.(?:css|js|svg))"', html)
    assert {"css/site.css", "js/site.js"} <= {a.decode() for a in assets}

    total = len(gzip.compress(html))
    for asset in assets:
        with open(finders.find(asset.decode()), "rb") as file:
            total += len(gzip.compress(file.read()))

    assert total < 60 * 1024, f"{total} bytes compressed"


def test_pages_request_nothing_from_another_host(client, site_pages):
    for path in ("/", "/th/", "/accounts/signup/", "/accounts/login/", "/search/?q=sse"):
        html = client.get(path).content.decode()
        external = re.findall(r'(?:src|href|action)="(https?:)?//[^"]*"', html)
        assert external == [], (path, external)
        assert "<script>" not in html
        assert " on" + "click=" not in html


def test_the_home_page_shows_courses_and_lively_discussions(client, site_pages):
    CoursePageFactory(slug="understanding-the-sse")
    regional = SpaceFactory(slug="regional")
    MessageFactory(space=regional, body="We support **home-based workers** who organise.")

    html = client.get("/").content.decode()

    assert "Start learning" in html
    assert 'href="/courses/understanding-the-sse/"' in html
    assert "Lively discussions" in html
    assert 'href="/spaces/regional/"' in html
    assert "home-based workers" not in html  # members-only text stays in the space
