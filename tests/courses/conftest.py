import pytest

from courses.models import LessonPage, QuizPage
from courses.quiz import option_keys
from tests.courses.factories import build_course, question

__all__ = [
    "build_course",
    "lessons_of",
    "publish",
    "question",
    "quiz_of",
    "right_answers",
    "right_choices",
]


def publish(parent, page):
    """Add `page` (an unsaved page) under `parent` and publish it."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def course(db):
    return build_course()


def lessons_of(course):
    return list(LessonPage.objects.descendant_of(course).live().order_by("path"))


def quiz_of(course):
    return QuizPage.objects.descendant_of(course).get()


def right_choices(quiz):
    """{question id: the keys of its correct options}: the answers that pass `quiz` (for
    courses.services.submit_quiz)."""
    return {
        block.id: {key for key, option in option_keys(block.value) if option["correct"]}
        for block in quiz.questions
    }


def right_answers(quiz):
    """POST data answering every question of `quiz` correctly (options by their key)."""
    return {f"q-{qid}": sorted(keys) for qid, keys in right_choices(quiz).items()}
