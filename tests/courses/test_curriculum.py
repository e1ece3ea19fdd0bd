"""The seeded curriculum: what CONTENT.md asks for is there, reachable and searchable."""

import pytest

from courses.models import CoursePage, Feature, LessonPage, ModulePage, QuizPage
from tests.accounts.factories import UserFactory

# The curriculum is the demo seed's (courses.curriculum): these tests read it.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_db")]


def english(model, **filters):
    return model.objects.live().filter(locale__language_code="en", **filters)


def test_course_one_has_the_modules_lessons_and_questions_it_needs():
    course = english(CoursePage).get(slug="understanding-the-sse")
    quizzes = QuizPage.objects.descendant_of(course).live()

    assert course.title == "Understanding the social and solidarity economy"
    assert ModulePage.objects.child_of(course).count() >= 5
    assert LessonPage.objects.descendant_of(course).live().count() >= 18
    assert sum(len(quiz.questions) for quiz in quizzes) >= 40
    assert quizzes.filter(slug="final-quiz").exists()
    kinds = {block.value["kind"] for quiz in quizzes for block in quiz.questions}
    assert kinds == {"single", "multiple", "true_false"}


def test_each_of_the_seven_features_has_a_lesson_with_its_card():
    features = Feature.objects.filter(locale__language_code="en")
    carded = {
        block.value.number
        for lesson in english(LessonPage)
        for block in lesson.body
        if block.block_type == "feature_card"
    }

    assert [f.number for f in features] == [1, 2, 3, 4, 5, 6, 7]
    assert carded == {1, 2, 3, 4, 5, 6, 7}


def test_the_policy_course_is_short_and_has_a_quiz():
    course = english(CoursePage).get(slug="from-mapping-to-policy-dialogue")

    assert 3 <= LessonPage.objects.descendant_of(course).live().count() <= 8
    assert QuizPage.objects.descendant_of(course).live().count() == 1


def test_a_curriculum_lesson_renders_its_blocks(client):
    client.force_login(UserFactory())
    lesson = next(
        lesson
        for lesson in english(LessonPage)
        if {"feature_card", "reflection", "knowledge_check"}
        <= {block.block_type for block in lesson.body}
    )

    html = client.get(lesson.url).content.decode()

    assert 'class="feature-card"' in html
    assert "Check your understanding" in html
    assert "Reflect" in html


def test_a_country_case_links_to_the_country_page(client):
    client.force_login(UserFactory())
    lesson = next(
        lesson
        for lesson in english(LessonPage)
        if any(block.block_type == "country_case" for block in lesson.body)
    )

    html = client.get(lesson.url).content.decode()

    assert 'href="/countries/' in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("mutual aid", LessonPage),
        ("Mongolia", None),
        ("from mapping to policy dialogue", CoursePage),
    ],
)
def test_search_finds_lessons_and_courses(client, query, expected):
    results = list(client.get("/search/", {"q": query}).context["results"])

    assert results, query
    if expected is not None:
        assert any(isinstance(page, expected) for page in results), [type(p) for p in results]


def test_the_catalogue_is_served_in_thai_too(client):
    response = client.get("/th/courses/")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="th"' in html
    assert "<h1>หลักสูตร</h1>" in html
    assert 'href="/th/courses/understanding-the-sse/"' in html
    assert client.get("/th/courses/understanding-the-sse/").status_code == 200
