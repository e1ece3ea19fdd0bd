"""Page routing in one query (core.pagerouting, issue 16 point 1): the same page as
Wagtail's own routing for every page of the seeded demo in every language, one query for
the path whatever its depth, and the site and view-restriction caches dropped when they
change."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.url_routing import RouteResult

from core import pagerouting
from courses.models import CoursePage, LessonPage, ModulePage
from tests.accounts.factories import UserFactory
from tests.courses.factories import build_course
from tests.home.factories import StandardPageFactory, home_page


def request_for(path, host="localhost"):
    request = RequestFactory().get(path, HTTP_HOST=host)
    request.user = AnonymousUser()
    return request


def wagtail_route(path, language):
    """What Wagtail's own Page.route_for_request answers (the page id, or None)."""
    with translation.override(language):
        result = Page.route_for_request(request_for(path), path)
    return result[0].id if result else None


def our_route(path, language):
    with translation.override(language):
        result = pagerouting.route_for_request(request_for(path), path)
    return result[0].id if result else None


def unprefixed(url, language):
    prefix = f"/{language}/"
    return "/" + url[len(prefix) :] if url.startswith(prefix) else url


def test_every_page_of_the_demo_routes_as_wagtail_routes_it(demo_db):
    compared = 0
    for page in Page.objects.filter(depth__gt=1).select_related("locale").iterator():
        url = page.get_url()
        if url is None:
            continue
        language = page.locale.language_code
        path = unprefixed(url, language)
        assert our_route(path, language) == wagtail_route(path, language), url
        compared += 1
    # A language without pages of its own (Russian) falls back as Wagtail's does.
    assert our_route("/courses/", "ru") == wagtail_route("/courses/", "ru")
    assert compared > 100


@pytest.mark.parametrize(
    "path", ["/no-such-page/", "/courses/no-such-course/", "/courses/x/y/z/w/", "/home/"]
)
def test_a_path_wagtail_does_not_find_is_not_found(db, path):
    home_page()
    build_course(slug="c")
    assert our_route(path, "en") is None
    assert wagtail_route(path, "en") is None


def test_a_draft_is_not_found_but_a_live_page_below_a_draft_is_as_in_wagtail(db):
    course = build_course(slug="drafts", modules=1, lessons=1)
    module = ModulePage.objects.child_of(course).get()
    lesson = LessonPage.objects.child_of(module).get()
    Page.objects.filter(pk=module.pk).update(live=False)

    assert our_route(module.url, "en") is None
    assert our_route(lesson.url, "en") == wagtail_route(lesson.url, "en") == lesson.id


@pytest.mark.parametrize("depth", ["home", "catalogue", "course", "module", "lesson"])
def test_one_query_finds_a_page_at_any_depth_and_one_loads_it(db, django_assert_num_queries, depth):
    course = build_course(slug="deep", modules=1, lessons=2)
    module = ModulePage.objects.child_of(course).get()
    page = {
        "home": home_page(),
        "catalogue": course.get_parent(),
        "course": course,
        "module": module,
        "lesson": LessonPage.objects.child_of(module).first(),
    }[depth]
    our_route(page.url, "en")  # the site list and Wagtail's root paths are cached

    with django_assert_num_queries(2):  # every page on the path; the page's own fields
        assert our_route(page.url, "en") == page.id


def test_the_routed_page_knows_its_course_without_a_query(db, django_assert_num_queries):
    course = build_course(slug="known", modules=1, lessons=1)
    lesson = LessonPage.objects.descendant_of(course).get()
    with translation.override("en"):
        routed, _args, _kwargs = pagerouting.route_for_request(request_for(lesson.url), lesson.url)

    with django_assert_num_queries(0):
        assert pagerouting.routed_ancestor(routed, CoursePage).id == course.id


def test_a_page_type_with_its_own_route_gets_the_rest_of_the_path(db, monkeypatch):
    course = build_course(slug="own", modules=1, lessons=1)
    module = ModulePage.objects.child_of(course).get()
    seen = []

    def route(self, request, path_components):
        seen.append(path_components)
        return RouteResult(self, args=("sub",))

    monkeypatch.setattr(ModulePage, "route", route)

    assert our_route(f"{module.url}anything/below/", "en") == module.id
    assert seen == [["anything", "below"]]


def test_a_new_hostname_is_routed_at_once(db, client):
    home_page()
    StandardPageFactory(title="About", slug="about")
    assert client.get("/about/", HTTP_HOST="localhost").status_code == 200

    site = Site.objects.get(is_default_site=True)
    site.is_default_site = False
    site.save()

    assert client.get("/about/", HTTP_HOST="localhost").status_code == 200  # its hostname
    assert client.get("/about/", HTTP_HOST="127.0.0.1").status_code == 404  # no site


def test_a_view_restriction_added_later_is_enforced_at_once(db, client):
    home_page()
    about = StandardPageFactory(title="About", slug="about")
    assert client.get("/about/").status_code == 200  # nothing restricted, and cached so

    restriction = PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.LOGIN
    )
    refused = client.get("/about/")
    client.force_login(UserFactory())
    allowed = client.get("/about/")
    restriction.delete()
    client.logout()

    assert refused.status_code == 302
    assert "login" in refused["Location"]
    assert allowed.status_code == 200
    assert "no-cache" in allowed["Cache-Control"]
    assert client.get("/about/").status_code == 200
