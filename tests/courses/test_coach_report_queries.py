"""The coach report, its export and its index make the same queries whatever the number
of learners, completed steps and quiz attempts."""

import pytest

from accounts.constants import Role
from courses.models import Enrolment, QuizAttempt, StepCompletion
from tests.accounts.factories import UserFactory
from tests.courses.conftest import build_course, lessons_of, quiz_of

pytestmark = pytest.mark.django_db

# User and the reader's roles (the session is read through the cache); the course; the
# learners counted with their completions; the page of learners with their steps done;
# their quiz results; the site (the page's shell and links). The outline is cached.
REPORT_QUERIES = 7
# The rate limit is the cache's; user, roles; the course; every learner with their steps
# done; their quiz results.
EXPORT_QUERIES = 5
# User, roles; the active locale; the site (the page's shell); the courses with their
# learners counted.
INDEX_QUERIES = 5


def populate(course, learners):
    """`learners` learners of `course`, each with a lesson done and two quiz attempts."""
    users = [UserFactory(name=f"Learner {n:03}", roles=[]) for n in range(learners)]
    lesson, quiz = lessons_of(course)[0], quiz_of(course)
    Enrolment.objects.bulk_create(
        Enrolment(user=u, course=course, course_key=course.translation_key) for u in users
    )
    StepCompletion.objects.bulk_create(
        StepCompletion(
            user=u,
            course_key=course.translation_key,
            step_key=lesson.translation_key,
            step=lesson,
        )
        for u in users
    )
    QuizAttempt.objects.bulk_create(
        QuizAttempt(
            user=u,
            quiz=quiz,
            quiz_key=quiz.translation_key,
            course_key=course.translation_key,
            score=score,
            passed=score == 100,
            answers={},
        )
        for u in users
        for score in (0, 100)
    )


@pytest.fixture
def coach(client):
    client.force_login(UserFactory(roles=[Role.TRAINER]))


@pytest.mark.parametrize("learners", [3, 60])
def test_the_report_makes_the_same_queries_whatever_the_number_of_learners(
    client, coach, django_assert_num_queries, learners
):
    course = build_course(slug=f"report-{learners}", lessons=learners // 3 + 1)
    populate(course, learners)
    url = f"/coach/{course.pk}/?country=TH"
    client.get(url)

    with django_assert_num_queries(REPORT_QUERIES):
        response = client.get(url)

    assert response.status_code == 200
    assert response.content.decode().count("100% best, 2 attempts") == min(learners, 50)


@pytest.mark.parametrize("learners", [3, 60])
def test_the_export_makes_the_same_queries_whatever_the_number_of_learners(
    client, coach, django_assert_num_queries, learners
):
    course = build_course(slug=f"export-{learners}", lessons=learners // 3 + 1)
    populate(course, learners)
    url = f"/coach/{course.pk}/export.csv?constituency=sse"
    client.get(url)

    with django_assert_num_queries(EXPORT_QUERIES):
        response = client.get(url)

    assert response.status_code == 200
    assert response.content.decode("utf-8-sig").count(",100,2,yes") == learners


@pytest.mark.parametrize("courses", [1, 6])
def test_the_index_makes_the_same_queries_whatever_the_number_of_courses(
    client, coach, django_assert_num_queries, courses
):
    for n in range(courses):
        populate(build_course(slug=f"index-{n}", lessons=1), 2)
    client.get("/coach/")

    with django_assert_num_queries(INDEX_QUERIES):
        response = client.get("/coach/")

    assert response.status_code == 200
    assert response.content.decode().count("2 learners, 0 completed") == courses
