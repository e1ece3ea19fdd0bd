import pytest

from courses.models import LessonPage, QuizPage
from tests.courses.factories import build_course, question

__all__ = ["build_course", "lessons_of", "publish", "question", "quiz_of", "right_answers"]


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


def right_answers(quiz):
    """POST data answering every question of `quiz` correctly."""
    data = {}
    for block in quiz.questions:
        data[f"q-{block.id}"] = [
            str(i) for i, option in enumerate(block.value["options"]) if option["correct"]
        ]
    return data
