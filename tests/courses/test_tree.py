import pytest

from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage, QuizPage
from home.models import HomePage

pytestmark = pytest.mark.django_db


def test_page_tree_rules_keep_courses_whole(course):
    module = ModulePage.objects.child_of(course).first()
    catalogue = CourseIndexPage.objects.first()

    assert CoursePage.can_create_at(catalogue)
    assert not CoursePage.can_create_at(HomePage.objects.first())
    assert ModulePage.can_create_at(course)
    assert not ModulePage.can_create_at(catalogue)
    assert LessonPage.can_create_at(module)
    assert not LessonPage.can_create_at(course)
    assert QuizPage.can_create_at(module)
    assert QuizPage.can_create_at(course)  # a course's final quiz
    assert LessonPage.allowed_subpage_models() == []
    assert not CourseIndexPage.can_create_at(HomePage.objects.first())  # one catalogue


def test_a_question_needs_exactly_one_right_answer_unless_multiple():
    from wagtail.blocks import StructBlockValidationError

    from courses.blocks import QuestionBlock

    block = QuestionBlock()
    value = block.to_python(
        {
            "kind": "single",
            "text": "?",
            "explanation": "",
            "options": [
                {"text": "a", "correct": True, "feedback": ""},
                {"text": "b", "correct": True, "feedback": ""},
            ],
        }
    )

    with pytest.raises(StructBlockValidationError):
        block.clean(value)
