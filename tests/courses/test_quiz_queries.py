"""A quiz page makes the same queries whatever the number of questions and attempts."""

import pytest

from courses.models import QuizAttempt, QuizPage
from tests.accounts.factories import UserFactory
from tests.courses.conftest import build_course, question, quiz_of

pytestmark = pytest.mark.django_db

# Every page on the path in one query, and the quiz (core.pagerouting); the user (the
# session is read through the cache); the enrolment's "last visited" update; the
# learner's attempts summed up; the learner's completed steps (the outline is cached);
# the recent attempts.
QUIZ_PAGE_QUERIES = 7
# The same reads without the "last visited" update, and the submission in a transaction
# (a savepoint and its release here, inside the test's): the enrolment locked, the
# attempts summed up under the lock, the attempt stored; then the summary again for the
# page. A failed attempt completes nothing.
QUIZ_SUBMIT_QUERIES = 11


def quiz_for(size):
    course = build_course(
        slug=f"size-{size}",
        lessons=size,
        quiz_questions=[question(f"Question {n}?", kind="single") for n in range(size)],
    )
    quiz = quiz_of(course)
    QuizPage.objects.filter(pk=quiz.pk).update(shuffle_questions=True, shuffle_options=True)
    return QuizPage.objects.get(pk=quiz.pk)


def with_attempts(user, quiz, count):
    QuizAttempt.objects.bulk_create(
        QuizAttempt(
            user=user,
            quiz=quiz,
            quiz_key=quiz.translation_key,
            course_key=quiz.get_parent().translation_key,
            score=0,
            passed=False,
            answers={},
        )
        for _ in range(count)
    )


@pytest.mark.parametrize("size", [3, 40])
def test_a_quiz_page_makes_the_same_queries_whatever_its_size(
    client, django_assert_num_queries, size
):
    quiz = quiz_for(size)
    user = UserFactory()
    client.force_login(user)
    with_attempts(user, quiz, size)
    client.get(quiz.url)

    with django_assert_num_queries(QUIZ_PAGE_QUERIES):
        response = client.get(quiz.url)

    assert response.status_code == 200
    assert response.content.decode().count('class="option"') == 3 * size


@pytest.mark.parametrize("size", [3, 40])
def test_submitting_makes_the_same_queries_whatever_its_size(
    client, django_assert_num_queries, size
):
    quiz = quiz_for(size)
    user = UserFactory()
    client.force_login(user)
    with_attempts(user, quiz, size)
    client.get(quiz.url)

    with django_assert_num_queries(QUIZ_SUBMIT_QUERIES):
        response = client.post(quiz.url, {})

    assert response.status_code == 200
    assert QuizAttempt.objects.filter(user=user).count() == size + 1
