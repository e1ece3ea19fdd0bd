"""What the courses offer an organization that lacks a feature of the SSE (the
self-assessment's guidance, core.registry.feature_help "courses"): the Feature snippet's
"how to adopt it" and the lesson that teaches the feature, in the reader's language where
translated, in two queries for all the features."""

import pytest
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Locale, PageViewRestriction

from core import registry
from courses.models import Feature
from tests.courses.factories import (
    CoursePageFactory,
    FeatureFactory,
    LessonPageFactory,
    ModulePageFactory,
)
from tests.home.factories import home_page, translation_of

pytestmark = pytest.mark.django_db


def provider(numbers, language="en", request=None):
    request = request or RequestFactory().get("/assessment/1/")
    with translation.override(language):
        return registry.feature_help["courses"].items(request, numbers)


def features():
    return {n: FeatureFactory(number=n, how_to_adopt=f"Adopt feature {n} so.") for n in (1, 2, 3)}


def course_with_lessons(**teaches):
    """A course whose module has a lesson per `teaches` item (slug: feature number)."""
    course = CoursePageFactory(slug="understanding")
    module = ModulePageFactory(parent=course, slug="features")
    return {
        slug: LessonPageFactory(parent=module, slug=slug, title=f"About {slug}", teaches_feature=n)
        for slug, n in teaches.items()
    }


def test_guidance_and_the_lesson_for_each_feature_asked_about():
    features()
    lessons = course_with_lessons(one=1, three=3, none=None)

    items = provider([1, 3])

    assert sorted(items) == [1, 3]
    guidance, lesson = items[1]
    assert (guidance.kind, guidance.label, guidance.text) == (
        "guidance",
        "Feature 1",
        "Adopt feature 1 so.",
    )
    assert (lesson.kind, lesson.label, lesson.url) == ("lesson", "About one", lessons["one"].url)
    assert [item.kind for item in items[3]] == ["guidance", "lesson"]
    assert items[3][1].label == "About three"


def test_a_feature_with_no_lesson_gets_its_guidance_only_and_one_with_nothing_is_left_out():
    features()
    course_with_lessons(one=1)

    items = provider([2, 5])

    assert list(items) == [2]
    assert [item.kind for item in items[2]] == ["guidance"]


def test_a_draft_lesson_is_not_offered():
    features()
    lesson = course_with_lessons(one=1)["one"]
    lesson.unpublish()

    assert [item.kind for item in provider([1])[1]] == ["guidance"]


def test_a_lesson_in_a_private_section_is_not_offered():
    features()
    lesson = course_with_lessons(one=1, two=2)["one"]
    PageViewRestriction.objects.create(page=lesson.get_parent(), restriction_type="login")

    assert [item.kind for item in provider([1])[1]] == ["guidance"]


def test_no_numbers_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert provider([]) == {}


def test_the_thai_reader_gets_the_thai_guidance_and_lesson_where_translated():
    by_number = features()
    lessons = course_with_lessons(one=1, three=3)
    thai = Locale.objects.get_or_create(language_code="th")[0]
    by_number[1].copy_for_translation(thai).save()
    Feature.objects.filter(locale=thai, number=1).update(how_to_adopt="วิธีนำไปใช้")
    module = lessons["one"].get_parent()
    course = module.get_parent()
    for page in (home_page(), course.get_parent(), course, module):  # the parents first
        translation_of(page)
    # The translation does not say what it teaches itself: its source does.
    thai_lesson = translation_of(lessons["one"], title="เรื่องที่หนึ่ง", teaches_feature=None)

    items = provider([1, 3], language="th")

    assert items[1][0].text == "วิธีนำไปใช้"
    assert (items[1][1].label, items[1][1].url) == ("เรื่องที่หนึ่ง", thai_lesson.url)
    assert thai_lesson.url.startswith("/th/")
    # Untranslated: the default language's.
    assert items[3][0].text == "Adopt feature 3 so."
    assert items[3][1].url == lessons["three"].url


@pytest.mark.parametrize("lessons", [1, 7], ids=["one lesson", "seven lessons"])
def test_two_queries_whatever_the_number_of_features(django_assert_num_queries, lessons):
    for n in range(1, 8):
        FeatureFactory(number=n)
    course_with_lessons(**{f"lesson-{n}": n for n in range(1, lessons + 1)})
    request = RequestFactory().get("/assessment/1/")
    provider(range(1, 8), request=request)  # the request's site, found once per request

    with django_assert_num_queries(2):
        items = provider(range(1, 8), request=request)

    assert len(items) == 7
    assert sum(item.kind == "lesson" for row in items.values() for item in row) == lessons
