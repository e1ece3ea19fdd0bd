"""The course outline from a per-course cache, and the lesson's cached fragments (issue 16,
point 1): built once, dropped when an editor publishes, unpublishes, moves or deletes a
page of the course or changes a feature; and never showing one learner what is another's
(their completed steps, reflections and knowledge-check answers)."""

import pytest
from django.utils import translation

from courses import services
from courses.models import Feature, LessonPage, ModulePage
from tests.accounts.factories import UserFactory
from tests.courses.conftest import lessons_of
from tests.courses.factories import build_course

pytestmark = pytest.mark.django_db


def outline_titles(course, user=None):
    return [step.page.title for step in services.course_outline(course, user).steps]


def test_the_outline_is_built_once_then_costs_one_query_for_a_learner(
    django_assert_num_queries,
):
    course = build_course(slug="once", modules=2, lessons=3)
    learner = UserFactory()
    services.course_outline(course, learner)

    with django_assert_num_queries(1):  # the learner's completions; the rest is cached
        outline = services.course_outline(course, learner)
    with django_assert_num_queries(0):
        services.course_outline(course)  # nobody's progress: no query at all

    assert len(outline.steps) == 7  # 2 modules x 3 lessons, and the final quiz
    assert all(step.page.url.startswith(course.url) for step in outline.steps)


def test_publishing_a_new_title_shows_in_the_outline_at_once():
    course = build_course(slug="title", modules=1, lessons=2)
    lesson = lessons_of(course)[0]
    outline_titles(course)

    lesson.title = "A new title"
    lesson.save_revision().publish()

    assert "A new title" in outline_titles(course)


def test_unpublishing_moving_and_deleting_steps_show_in_the_outlines_at_once():
    first = build_course(slug="first", modules=1, lessons=3)
    second = build_course(slug="second", modules=1, lessons=1)
    kept, moved, deleted = lessons_of(first)
    outline_titles(first), outline_titles(second)

    kept.unpublish()
    moved.move(ModulePage.objects.child_of(second).get(), pos="last-child")
    LessonPage.objects.get(pk=deleted.pk).delete()

    assert outline_titles(first) == [outline_titles(first)[-1]]  # the final quiz alone
    assert moved.title in outline_titles(second)


def test_changing_a_feature_renders_the_lessons_that_show_it_afresh(client):
    course = build_course(slug="feature", modules=1, lessons=1)
    feature = Feature.objects.create(
        number=1, name="Voluntary cooperation", summary="s", in_practice="p", how_to_adopt="h"
    )
    lesson = lessons_of(course)[0]
    lesson.body = [*lesson.body.raw_data, {"type": "feature_card", "value": feature.pk}]
    lesson.save_revision().publish()
    client.force_login(UserFactory())
    assert "Voluntary cooperation" in client.get(lesson.url).content.decode()

    feature.name = "Cooperation by choice"
    feature.save()

    assert "Cooperation by choice" in client.get(lesson.url).content.decode()


def test_one_learners_progress_and_answers_never_show_to_another(client):
    course = build_course(slug="private", modules=1, lessons=2)
    lesson = lessons_of(course)[0]
    reflection = next(b.id for b in lesson.body if b.block_type == "reflection")
    check = next(b for b in lesson.body if b.block_type == "knowledge_check")
    first, second = UserFactory(), UserFactory()

    client.force_login(first)
    client.post(lesson.url, {"action": "reflect", "block": reflection, "text": "Mine alone"})
    answered = client.post(lesson.url, {"action": "check", "block": check.id, "option": "0"})
    client.post(lessons_of(course)[1].url, {"action": "complete"})
    mine = client.get(lesson.url).content.decode()
    client.force_login(second)
    theirs = client.get(lesson.url).content.decode()

    assert "Mine alone" in mine
    assert "Mine alone" not in theirs
    assert "Yes: members own it." in answered.content.decode()
    assert "Yes: members own it." not in theirs
    assert "1 of 3 done" in mine
    assert "0 of 3 done" in theirs
    assert mine.count("is-done") == 1
    assert "is-done" not in theirs


def test_a_lesson_is_rendered_in_the_readers_language_from_its_own_fragments(client):
    course = build_course(slug="languages", modules=1, lessons=1)
    lesson = lessons_of(course)[0]
    client.force_login(UserFactory())

    english = client.get(lesson.url).content.decode()
    with translation.override("th"):
        thai = client.get(f"/th{lesson.url}").content.decode()

    assert "Course outline" in english
    assert "Course outline" not in thai  # the outline's heading, in Thai
