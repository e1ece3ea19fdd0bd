"""Submissions at the same moment: the learner's enrolment row is locked first, so they
are counted one after the other and never exceed the quiz's limit or skip its wait (each
racer in a transaction of its own on its own PostgreSQL connection)."""

import pytest
from django.db import connection

from courses import services
from courses.models import QuizAttempt, QuizPage
from tests.accounts.factories import UserFactory
from tests.concurrency import race
from tests.conftest import need
from tests.courses.conftest import build_course, quiz_of, right_choices

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("migrated_database"),
]


@pytest.fixture(autouse=True)
def _postgresql():
    need(connection.vendor == "postgresql", "concurrent transactions need PostgreSQL")


def racing(**rules):
    course = build_course(slug="raced", lessons=1)
    quiz = quiz_of(course)
    QuizPage.objects.filter(pk=quiz.pk).update(**rules)
    return course, QuizPage.objects.get(pk=quiz.pk)


def submit(user, course, quiz, answers):
    return lambda: services.submit_quiz(user, course, quiz, answers)


def test_four_submissions_at_once_of_a_one_attempt_quiz_store_one():
    course, quiz = racing(max_attempts=1)
    user = UserFactory()  # not yet enrolled: the racers create the row they lock

    outcome = race(*[submit(user, course, quiz, {})] * 4)

    refused = [o for o in outcome if isinstance(o, services.QuizClosed)]
    assert len(refused) == 3, outcome
    assert {o.code for o in refused} == {"attempts"}
    assert QuizAttempt.objects.filter(user=user).count() == 1


def test_submissions_at_once_within_the_wait_store_one():
    course, quiz = racing(attempt_wait_minutes=60)
    user = UserFactory()
    services.enrol(user, course)

    outcome = race(*[submit(user, course, quiz, right_choices(quiz))] * 4)

    refused = [o for o in outcome if isinstance(o, services.QuizClosed)]
    assert len(refused) == 3, outcome
    assert {o.code for o in refused} == {"wait"}
    assert QuizAttempt.objects.filter(user=user).count() == 1
    assert services.quiz_status(user, quiz).passed


def test_two_learners_at_once_do_not_hold_each_other_back():
    course, quiz = racing(max_attempts=1)
    first, second = UserFactory(), UserFactory()

    outcome = race(submit(first, course, quiz, {}), submit(second, course, quiz, {}))

    assert not any(isinstance(o, Exception) for o in outcome), outcome
    assert QuizAttempt.objects.count() == 2
