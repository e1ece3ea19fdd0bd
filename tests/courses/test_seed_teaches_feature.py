"""The first course's seven feature lessons say which feature they teach (the
self-assessment links to them); a database seeded before lessons said so gets it filled in
on the live page, its aliases and its latest revision, and a second seed changes nothing."""

import pytest
from wagtail.models import Locale, Revision

from accounts.constants import PROGRAMME_COUNTRY_CHOICES
from courses.models import CoursePage, LessonPage
from courses.seed import feature_taught, seed_courses
from tests.home.factories import CountryPageFactory, home_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    home_page()
    for code, _name in PROGRAMME_COUNTRY_CHOICES:  # the lessons' country cases
        CountryPageFactory(country=code)
    seed_courses()
    return CoursePage.objects.get(slug="understanding-the-sse", locale=Locale.get_default())


def taught(course):
    return dict(
        LessonPage.objects.descendant_of(course)
        .exclude(teaches_feature=None)
        .values_list("slug", "teaches_feature")
    )


def test_the_seven_feature_lessons_of_the_first_course_say_what_they_teach(course):
    assert sorted(taught(course).values()) == [1, 2, 3, 4, 5, 6, 7]
    assert all(slug.startswith(f"feature-{n}-") for slug, n in taught(course).items())
    other = CoursePage.objects.exclude(pk=course.pk).get(locale=Locale.get_default())
    assert taught(other) == {}


def test_a_database_seeded_before_the_field_gets_it_filled_in(course):
    lesson = LessonPage.objects.descendant_of(course).get(teaches_feature=5)
    alias = lesson.create_alias(recursive=False, parent=lesson.get_parent(), update_slug="copy")
    LessonPage.objects.descendant_of(course).update(teaches_feature=None)
    LessonPage.objects.filter(pk=alias.pk).update(teaches_feature=None)
    revision = lesson.latest_revision
    del revision.content["teaches_feature"]  # a revision saved before the field existed
    revision.save(update_fields=["content"])

    seed_courses()

    filled = taught(course)
    assert filled.pop("copy") == 5  # the alias
    assert sorted(filled.values()) == [1, 2, 3, 4, 5, 6, 7]
    revision.refresh_from_db()
    assert revision.content["teaches_feature"] == 5
    assert revision.as_object().teaches_feature == 5


def test_an_editors_choice_stays_and_seeding_twice_changes_nothing(course):
    lesson = LessonPage.objects.descendant_of(course).get(teaches_feature=3)
    LessonPage.objects.filter(pk=lesson.pk).update(teaches_feature=4)
    revisions = Revision.objects.count()

    seed_courses()
    seed_courses()

    assert LessonPage.objects.get(pk=lesson.pk).teaches_feature == 4
    assert Revision.objects.count() == revisions


@pytest.mark.parametrize(
    ("slug", "number"),
    [
        ("feature-1-economic-activity", 1),
        ("feature-7-primacy-of-people", 7),
        ("feature-8-nothing", None),
        ("the-seven-features", None),
        ("feature-2", None),
    ],
)
def test_the_feature_a_slug_names(slug, number):
    assert feature_taught(slug) == number
